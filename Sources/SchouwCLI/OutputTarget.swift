import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an output path (`--output`, `--out`) leads to, and so how it is written.
///
/// Files are written whole: a temporary file beside them, renamed into place. That is wrong for
/// anything else a user may name: renaming a new file over `/dev/null`, `/dev/stdout` or a named
/// pipe replaces the device node or the link itself (for a CI job running as root, `/dev/null`
/// became a regular file), and the bytes never reach the reader.
enum OutputTarget: Equatable {
    /// A device, pipe or socket: opened and written where it is.
    case stream(path: String)
    /// A regular file, a directory (which then fails with the system's reason) or a path with
    /// nothing there yet: written whole. A symbolic link is followed, so the link stays and the
    /// file it names is replaced.
    case file(path: String)

    init(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            self = .file(path: path)
            return
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFDIR else {
            self = .stream(path: path)
            return
        }
        self = .file(path: Self.resolvingLinks(path))
    }

    private static func resolvingLinks(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}
