import Foundation
import Testing

/// Golden-file comparison. `SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwReportsTests` rewrites them.
enum Golden {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("Tests/SchouwReportsTests/Golden")
    static let fixtures = packageRoot.appendingPathComponent("Tests/SchouwReportsTests/Fixtures")
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static var updating: Bool { ProcessInfo.processInfo.environment["SCHOUW_UPDATE_GOLDEN"] == "1" }

    /// Volatile values (the tool version) are replaced by placeholders before comparing.
    static func normalise(_ text: String, toolVersion: String) -> String {
        text.replacingOccurrences(of: toolVersion, with: "{{tool-version}}")
    }

    static func check(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); create it with: SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwReportsTests",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(e, a)).firstIndex { $0.0 != $0.1 } ?? min(e.count, a.count)
            let want = line < e.count ? String(e[line]) : "<end>"
            let got = line < a.count ? String(a[line]) : "<end>"
            Issue.record("\(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\nregenerate with: SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwReportsTests",
                         sourceLocation: sourceLocation)
        }
    }
}

/// Runs one of the independent validators in `../shared/tools/`.
enum Validator {
    struct Run { var status: Int32; var output: String }

    static var available: Bool {
        FileManager.default.fileExists(atPath: Golden.shared.appendingPathComponent("tools/validate_sarif.py").path)
    }

    static func run(_ script: String, _ arguments: [String], input: Data, fileExtension: String) throws -> Run {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-\(UUID().uuidString).\(fileExtension)")
        try input.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Golden.shared.appendingPathComponent("tools/\(script)").path, file.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
