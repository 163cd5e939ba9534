import Foundation

/// Reads input files with a size limit checked before reading.
enum FileReader {
    enum Problem: Error {
        case missing, directory, unreadable(String), tooLarge(Int, limit: Int)

        func diagnostic(path: String) -> Diagnostic {
            switch self {
            case .missing:
                return .error("cannot read `\(path)`: no such file", at: nil, hint: "check the path")
            case .directory:
                return .error("cannot read `\(path)`: it is a directory", at: nil, hint: "pass a YAML file")
            case .unreadable(let reason):
                return .error("cannot read `\(path)`: \(reason)", at: nil)
            case .tooLarge(let size, let limit):
                return .error("file is \(size) bytes; the limit is \(limit) bytes (\(limit / 1_048_576) MiB)",
                              at: SourceMark(file: path, line: 1, column: 1),
                              hint: "split the descriptor into smaller files with `include:`")
            }
        }
    }

    static func read(path: String, limit: Int) -> Result<[UInt8], Problem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.missing) }
        if isDirectory.boolValue { return .failure(.directory) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(.unreadable("permission denied")) }
        defer { try? handle.close() }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = (attributes[.size] as? NSNumber)?.intValue, size > limit {
            return .failure(.tooLarge(size, limit: limit))
        }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            if data.count > limit { return .failure(.tooLarge(data.count, limit: limit)) }
            return .success([UInt8](data))
        } catch {
            return .failure(.unreadable("\(error.localizedDescription)"))
        }
    }
}
