#if canImport(Glibc)
import Glibc
#endif

/// How a short-lived command keeps the memory it frees.
///
/// By default glibc hands large blocks (from 128 KB, a threshold it raises as it goes) straight to
/// the kernel with `mmap`, and returns the free top of each heap once it passes 128 KB. An audit
/// frees and allocates hundreds of megabytes step by step, so the next step faulted the same
/// pages in again: at 10,000 systems a quarter of its 72,000 page faults came from memory it had
/// already touched, and faults were 18 % of its CPU time on this kind of virtual machine, where a
/// first touch is dear.
public enum ProcessMemory {
    /// Blocks from this size on still come from `mmap` and go back to the kernel when freed. With
    /// every block in the heap (a 1 GB threshold) the HTML report of 50,000 systems peaked 18 %
    /// higher, its largest pieces no longer given back; at 32 MB an audit of 20,000 systems
    /// faulted in its largest arrays again.
    static let mmapThreshold: Int32 = 64 << 20
    /// A heap keeps this much free memory at its top before it gives any back, for the next step
    /// to reuse. Page faults of an audit at 10,000, 20,000 and 50,000 systems: 54,000, 103,000 and
    /// 300,000 with these two settings, as with both at 1 GB, against 72,000, 141,000 and 350,000
    /// by default.
    static let trimThreshold: Int32 = 256 << 20
    /// A heap grows by at least this much at a time. A worker thread's heap is 64 MB of reserved
    /// address space made usable by `mprotect` as it grows, a few pages at a time: 4,500 calls at
    /// 10,000 systems, each holding the process's memory map while the other core waited to fault
    /// in a page. A pad of the heap's whole size makes it usable at once (17 calls in all); at
    /// 16 MB there were still 2,900. Untouched pages of the pad take no memory.
    static let topPad: Int32 = 64 << 20

    /// Keeps freed memory in the process for reuse instead of returning it to the kernel. Call it
    /// once, first thing in a command-line process; long-running processes should not.
    public static func keepFreedMemoryForReuse() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which Swift's Glibc module does not import; looked
        // up by name, a C library without it (musl) simply keeps its own policy.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(mallocTrimThreshold, trimThreshold)
        _ = mallopt(mallocMmapThreshold, mmapThreshold)
        _ = mallopt(mallocTopPad, topPad)
        #endif
    }

    /// `M_TRIM_THRESHOLD`, `M_TOP_PAD` and `M_MMAP_THRESHOLD` of glibc's <malloc.h>, part of its
    /// stable ABI.
    private static let mallocTrimThreshold: Int32 = -1
    private static let mallocTopPad: Int32 = -2
    private static let mallocMmapThreshold: Int32 = -3
}
