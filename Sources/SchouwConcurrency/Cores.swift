import Foundation

/// The cores this process may use, read once. Foundation answers `activeProcessorCount` by opening
/// the cgroup's cpuset and CPU quota files each time, and the parallel helpers ask before every
/// list they spread: a city-wide audit asked about thirty times, sixty file opens on the way.
public let availableCores: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
