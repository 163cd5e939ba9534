import Foundation

/// Runs Graphviz `dot -Tsvg` when it is installed: its layout is what users of diagrams know.
public enum GraphvizRenderer {
    /// The `dot` executable on `PATH`, if any.
    public static func dotExecutable(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("dot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// SVG from Graphviz, or nil when `dot` is missing or fails (the caller then uses its own layout).
    public static func svg(fromDOT dot: String, executable: URL? = dotExecutable()) -> Data? {
        guard let executable else { return nil }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-graph-\(UUID().uuidString).dot")
        do { try Data(dot.utf8).write(to: input) } catch { return nil }
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-Tsvg", input.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !data.isEmpty else { return nil }
        return data
    }
}
