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
    /// file it names is replaced, or made when it does not exist yet.
    case file(path: String)

    init(_ path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            guard type == S_IFREG || type == S_IFDIR else {
                self = .stream(path: path)
                return
            }
        }
        // An existing file, nothing there yet, or a link to nothing yet: the file at the end of the
        // links is replaced or made, as the shell's `>` makes it, and the links stay. A loop of
        // links is opened where it is, so the system says what is wrong.
        if let end = Self.linkEnd(path) {
            self = .file(path: end)
        } else {
            self = .stream(path: path)
        }
    }

    /// The path a chain of links starting at `path` ends in (`path` itself when it is no link);
    /// nil for a loop or a link that cannot be read.
    private static func linkEnd(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return nil }
            current = target.hasPrefix("/") ? target
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(target).path
        }
        return nil
    }
}
