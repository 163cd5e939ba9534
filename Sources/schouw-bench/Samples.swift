import Foundation

/// Wall-clock and process CPU time of repeated runs of one step. CPU time is given next to wall time
/// because the second core works during rule evaluation, and because it is steadier on a busy machine.
struct Samples {
    private(set) var wall: [Double] = []
    private(set) var cpu: [Double] = []

    mutating func add(_ body: () -> Void) {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = processCPUSeconds()
        body()
        cpu.append(processCPUSeconds() - cpuStart)
        wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    mutating func add(wall w: Double, cpu c: Double) {
        wall.append(w)
        cpu.append(c)
    }

    var min: Double { wall.min() ?? 0 }
    var median: Double { wall.median }
    var cpuMin: Double { cpu.min() ?? 0 }
    var cpuMedian: Double { cpu.median }
}

extension Array where Element == Double {
    /// The middle value (the upper one of an even count); 0 when empty.
    var median: Double { isEmpty ? 0 : sorted()[count / 2] }
}

func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func ms(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }

/// Resident (`VmRSS`) or peak resident (`VmHWM`) memory of this process, in MiB; nil where
/// `/proc` does not say.
func statusMemoryMB(_ field: String) -> Double? {
    #if os(Linux)
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
       let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Double($0) }) {
        return kilobytes / 1024
    }
    #endif
    return nil
}

/// Peak resident memory of this process so far, in MiB.
func peakMemoryMB() -> Double {
    #if os(Linux)
    // VmHWM is the high-water mark of this program's own memory. `ru_maxrss` is not: at exec,
    // Linux keeps the larger of it and the parent's resident size at fork, so a suite that had
    // just generated 50,000 systems reported 177 MB for auditing 100.
    if let peak = statusMemoryMB("VmHWM") { return peak }
    #endif
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_maxrss) / 1024
}
