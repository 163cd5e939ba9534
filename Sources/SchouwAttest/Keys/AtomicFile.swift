import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crash-safe file writes: a temporary file in the same directory, fsync, then rename (or link).
///
/// Readers see the old file or the new one, never a torn one. The temporary file is created with its final
/// mode, so a private key is never readable by others, not even for a moment.
public enum AtomicFile {
    /// Writes `data` to `path` with `mode`. With `replace == false` an existing file is left alone and an
    /// error is thrown (the check and the write are one atomic `link`).
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o644, replace: Bool) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        let base = (path as NSString).lastPathComponent
        let temp = "\(dir)/.\(base).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw AttestError("cannot create \(path): \(errnoText())") }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        do {
            defer { close(fd) }
            // The umask may have narrowed the mode; set it exactly (never wider than asked).
            guard fchmod(fd, mode) == 0 else { throw AttestError("cannot set the mode of \(path): \(errnoText())") }
            try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let written = posixWrite(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw AttestError("cannot write \(path): \(errnoText())")
                    }
                    offset += written
                }
            }
            guard fsync(fd) == 0 else { throw AttestError("cannot flush \(path) to disk: \(errnoText())") }
        }
        if replace {
            guard rename(temp, path) == 0 else { throw AttestError("cannot move the new \(path) into place: \(errnoText())") }
        } else {
            guard link(temp, path) == 0 else {
                if errno == EEXIST { throw AttestError("\(path) already exists; refusing to overwrite it") }
                throw AttestError("cannot create \(path): \(errnoText())")
            }
            unlink(temp)
        }
        ok = true
        syncDirectory(dir)
    }

    /// Makes a rename durable: the directory entry itself must reach the disk.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
