import Foundation
import SchouwEngine
import SchouwModel
import SchouwResult

/// `schouw-bench audit FILE [--runs N] [--json]`: the whole audit of FILE with the built-in rules,
/// phase by phase (load, rule compilation, graph facts, rule evaluation, result), next to libyaml's
/// bare event parse of the same file, with the process's peak memory.
func runAuditBenchmark(_ arguments: [String]) -> Int32 {
    guard let path = arguments.first, !path.hasPrefix("--") else {
        FileHandle.standardError.write(Data("usage: schouw-bench audit FILE [--runs N] [--json]\n".utf8))
        return 2
    }
    var runs = 5
    if let i = arguments.firstIndex(of: "--runs"), i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 { runs = n }
    guard let bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
        FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
        return 2
    }
    let now = Date(timeIntervalSince1970: 1_772_323_200)
    let rules = RuleLoader.load()
    guard !rules.hasErrors else {
        FileHandle.standardError.write(Data(rules.rendered().utf8))
        return 2
    }
    var phases: [String: [Double]] = [:]
    func time<T>(_ name: String, _ body: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = body()
        phases[name, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        return value
    }
    var outcomes = 0
    var sizes = ""
    for _ in 0..<runs {
        _ = time("0 libyaml event parse") { bareEventParse(bytes) }
        let start = DispatchTime.now().uptimeNanoseconds
        let loaded = time("1 load descriptor") { DescriptorLoader.load(path: path) }
        guard let descriptor = loaded.descriptor else {
            FileHandle.standardError.write(Data(loaded.rendered().utf8))
            return 2
        }
        _ = time("2 load and compile rules") { RuleLoader.load() }
        let evaluator = time("3 graph facts and values") { RuleEvaluator(descriptor: descriptor, taxonomy: rules.taxonomy, now: now, fields: rules.referencedFields) }
        let raw = time("4 evaluate rules") { evaluator.evaluate(rules.rules, lang: .nl) }
        let result = time("5 waivers, gate, result") {
            Auditor.run(descriptor, descriptorPath: path, rules: rules,
                        settings: AuditSettings(now: now, toolVersion: "bench"))
        }
        _ = time("6 encode JSON") { ResultJSONWriter.encode(result) }
        phases["7 total audit (1-6, 5 re-evaluates)", default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        outcomes = raw.count
        sizes = "\(descriptor.systems.count) systems, \(descriptor.flows.count) flows, \(descriptor.data.count) data assets"
    }
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let peakMB = Double(usage.ru_maxrss) / 1024
    print("file: \(path) (\(bytes.count) bytes; \(sizes); \(rules.rules.count) rules; \(outcomes) outcomes)")
    for name in phases.keys.sorted() {
        let times = phases[name, default: []].sorted()
        print(name.padding(toLength: 40, withPad: " ", startingAt: 0)
              + String(format: "min %8.1f ms  median %8.1f ms", times[0] * 1000, times[times.count / 2] * 1000))
    }
    print(String(format: "peak memory: %.0f MB (%d runs)", peakMB, runs))
    return 0
}
