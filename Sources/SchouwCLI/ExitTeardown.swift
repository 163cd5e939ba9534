import Foundation

/// Values a command is done with but leaves for the process exit to release. An audit of a city-wide
/// inventory holds a million objects; freeing them one by one as the command returns took longer
/// than writing its report, and the exit releases the memory at once anyway.
enum ExitTeardown {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func skip(_ values: Any...) {
        lock.lock()
        kept.append(contentsOf: values)
        lock.unlock()
    }
}
