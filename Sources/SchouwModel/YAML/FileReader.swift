import Foundation
import SchouwConcurrency

/// Reads input files with a size limit checked before reading.
enum FileReader {
    enum Problem: Error {
        case missing, directory, unreadable(String), tooLarge(Int, limit: Int)

        func diagnostic(path: String) -> Diagnostic {
            switch self {
            case .missing where path == "-":
                return .error("cannot read `-`: no such file", at: nil,
                              hint: "to read standard input, name it /dev/stdin (`schouw validate /dev/stdin < project.yaml`)")
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
        var expected = 0
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = (attributes[.size] as? NSNumber)?.intValue {
            if size > limit { return .failure(.tooLarge(size, limit: limit)) }
            expected = size
        }
        let fd = handle.fileDescriptor
        if expected >= halvesFrom, let whole = readHalves(fd, size: expected) { return .success(whole) }
        // Read straight into the byte array (no intermediate Data copy); keep reading past the
        // expected size for files that grow or report no size, up to the limit.
        var bytes: [UInt8] = []
        var capacity = expected + 1
        var failure: Int32 = 0
        while failure == 0 {
            let before = bytes.count
            let room = capacity - before
            let chunk = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
                var total = 0
                while let base = buffer.baseAddress, total < room {
                    let n = Foundation.read(fd, base + total, room - total)
                    if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                    if n == 0 { break }
                    total += n
                }
                count = total
            }
            if before == 0 { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            if bytes.count > limit { return .failure(.tooLarge(bytes.count, limit: limit)) }
            if chunk.count < room { break }
            capacity = min(limit + 1, max(capacity * 2, 1 << 16))
        }
        if failure != 0 { return .failure(.unreadable(String(cString: strerror(failure)))) }
        return .success(bytes)
    }

    /// Files from this size are read in two halves at once (`readHalves`).
    static let halvesFrom = 4 << 20

    /// A large file's two halves read at the same time: copying a city's descriptor out of the
    /// page cache into fresh memory kept one core busy for a few percent of the whole audit while
    /// the other waited. Nil when the file is not exactly `size` bytes any more (it is then read
    /// again from the start the ordinary way, which handles a file that grows or shrinks).
    static func readHalves(_ fd: Int32, size: Int) -> [UInt8]? {
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { complete = false; return }
            let target = UnsafeMutableRawPointer(base)
            func fill(_ range: Range<Int>) -> Bool {
                var offset = range.lowerBound
                while offset < range.upperBound {
                    let n = pread(fd, target + offset, range.upperBound - offset, off_t(offset))
                    if n < 0, errno == EINTR { continue }
                    if n <= 0 { return false }
                    offset += n
                }
                return true
            }
            let half = size / 2
            let (first, second) = concurrently({ fill(0..<half) }, { fill(half..<size) })
            // One byte more means the file grew while it was read.
            var probe: UInt8 = 0
            complete = first && second && pread(fd, &probe, 1, off_t(size)) == 0
            count = complete ? size : 0
        }
        return complete ? bytes : nil
    }
}
