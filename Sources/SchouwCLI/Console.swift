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

    /// Runs `produce`, writing each piece it gives to `path`, or to stdout when `path` is nil or `-`.
    /// A file is written whole or not at all: the pieces go to a temporary file beside it, renamed
    /// into place at the end. A device or pipe (`/dev/stdout`, a FIFO) is written where it is
    /// (`OutputTarget`). `rename(2)` itself, not Foundation's atomic write: on Linux that leaves an
    /// empty directory in /tmp behind for every file written.
    static func write(to path: String?, _ produce: ((Data) throws -> Void) throws -> Void) throws {
        guard let path, path != "-" else {
            try produce { FileHandle.standardOutput.write($0) }
            return
        }
        switch OutputTarget(path) {
        case .stream(let stream):
            try write(inPlace: stream, named: path, produce)
        case .file(let file):
            let target = URL(fileURLWithPath: file)
            let temporary = target.deletingLastPathComponent()
                .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw OutputError(path: path, errno: errno) }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
            do {
                try produce { try handle.write(contentsOf: $0) }
                try handle.close()
                guard rename(temporary.path, target.path) == 0 else { throw OutputError(path: path, errno: errno) }
            } catch {
                try? handle.close()
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
        }
    }

    /// Writes what `produce` gives into a device or pipe (`OutputTarget.stream`) as it comes; errors
    /// name the path as the user gave it.
    static func write(inPlace stream: String, named path: String, _ produce: ((Data) throws -> Void) throws -> Void) throws {
        let descriptor = open(stream, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: path, errno: errno) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try produce { try handle.write(contentsOf: $0) }
        try handle.close()
    }

    /// Writes `data` to `path`, or to stdout when `path` is nil or `-`.
    static func write(_ data: Data, to path: String?) throws {
        try write(to: path) { try $0(data) }
    }
}

/// An output file that cannot be written, with the system's reason.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var errno: Int32

    var description: String {
        "cannot write \(path): \(String(cString: strerror(errno))); check that the directory exists and is writable"
    }
}
