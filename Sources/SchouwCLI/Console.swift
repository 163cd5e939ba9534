import Foundation

/// Where commands write. Machine output goes to stdout (or `--output`), diagnostics to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// True when stdout is a terminal and colour is not disabled (`NO_COLOR`, https://no-color.org).
    static var stdoutIsColourTerminal: Bool {
        isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes `data` to `path`, or to stdout when `path` is nil or `-`.
    static func write(_ data: Data, to path: String?) throws {
        if let path, path != "-" {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
