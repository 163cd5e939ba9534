import Foundation
import SchouwEngine
import SchouwModel
import SchouwReports
import SchouwResult

/// `schouw-bench audit FILE [--runs N] [--json] [--no-json-result] [--per-rule]`: the whole audit of FILE with the
/// built-in rules, phase by phase, next to libyaml's bare event parse of the same file (the floor), with
/// the process's peak memory.
///
/// The phases are what `schouw audit FILE` does, in order: load the descriptor, load and compile the
/// rules, build the graph facts and CEL values, evaluate every rule for every subject, assemble the
/// result (waivers, gate, summary) and render the default text report. Encoding the JSON result is
/// timed apart: its size grows with rules × subjects, not with the descriptor.
func runAuditBenchmark(_ arguments: [String]) -> Int32 {
    guard let path = arguments.first, !path.hasPrefix("--") else {
        FileHandle.standardError.write(Data("usage: schouw-bench audit FILE [--runs N] [--json] [--no-json-result] [--per-rule]\n".utf8))
        return 2
    }
    var runs = 5
    if let i = arguments.firstIndex(of: "--runs"), i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 { runs = n }
    let encodeJSON = !arguments.contains("--no-json-result")
    // The size of what a link names: a suite directory may link to inventories generated earlier.
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard let size = (try? FileManager.default.attributesOfItem(atPath: target))?[.size] as? Int else {
        FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
        return 2
    }
    let now = Date(timeIntervalSince1970: 1_772_323_200)
    if arguments.contains("--per-rule") { return perRuleTimes(path: path, now: now) }
    var phases = AuditPhases()
    var facts = BenchFacts(path: path, bytes: size)
    // `--memory`: resident and peak memory after each phase of the first run, to see which step
    // holds what (every page first touched is a fault, the dearest part of a cold run).
    var memoryTrace = arguments.contains("--memory")
    func traceMemory(_ phase: String) {
        guard memoryTrace else { return }
        let resident = statusMemoryMB("VmRSS") ?? 0, peak = statusMemoryMB("VmHWM") ?? 0
        FileHandle.standardError.write(Data(String(format: "memory after %@: %.0f MB resident, %.0f MB peak\n", phase, resident, peak).utf8))
    }
    for _ in 0..<runs {
        defer { memoryTrace = false }
        phases.parse.add { _ = bareEventParse(path: path) }
        traceMemory("bare parse")
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = processCPUSeconds()
        var loaded: LoadResult?
        // As `schouw audit` does: the parsed YAML is let go once the descriptor is read.
        phases.load.add {
            loaded = DescriptorLoader.load(path: path)
            loaded?.descriptor?.releaseSourceNodes().freeOnWorker()
        }
        traceMemory("load")
        guard let descriptor = loaded?.descriptor else {
            FileHandle.standardError.write(Data((loaded?.rendered() ?? "error: cannot load \(path)\n").utf8))
            return 2
        }
        var loadedRules: RuleSet?
        phases.rules.add { loadedRules = RuleLoader.load(files: RuleSources.builtIn()) }
        guard let rules = loadedRules, !rules.hasErrors else { return 2 }
        traceMemory("rules")
        var evaluator: RuleEvaluator?
        phases.facts.add {
            evaluator = RuleEvaluator(descriptor: descriptor, taxonomy: rules.taxonomy, now: now, fields: rules.referencedFields)
        }
        traceMemory("facts")
        var outcomes: [Outcome] = []
        phases.evaluate.add { outcomes = evaluator?.evaluate(rules.rules, lang: .nl) ?? [] }
        traceMemory("evaluate")
        let settings = AuditSettings(now: now, toolVersion: "bench")
        var result: AuditResult?
        phases.result.add {
            result = Auditor.assemble(descriptor, descriptorPath: path, rules: rules, settings: settings, outcomes: outcomes)
        }
        outcomes = []
        guard let result else { return 2 }
        traceMemory("result")
        phases.report.add {
            // As `schouw audit` does: streamed to the output (here counted), never whole in memory.
            var written = 0
            try? TextReporter().stream(result, context: ReportContext(descriptor: descriptor)) { written += $0.count }
        }
        traceMemory("text report")
        phases.total.add(wall: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu: processCPUSeconds() - cpuStart)
        // Freed after the run is timed: `schouw audit` keeps the evaluator (the descriptor as CEL
        // values) until it exits, which releases it at once (see `Auditor.run`'s `keep`).
        evaluator = nil
        if encodeJSON {
            // Streamed and counted, as `schouw audit --format json` writes it: never whole in memory.
            phases.json.add {
                var bytes = 0
                ResultJSONWriter.write(result) { bytes += $0.count }
                facts.jsonBytes = bytes
            }
        }
        facts.outcomes = result.outcomes.count
        facts.evaluations = expressionEvaluations(result, rules: rules)
        facts.rules = rules.rules.count
        facts.inventory = (descriptor.systems.count, descriptor.flows.count, descriptor.data.count)
    }
    facts.runs = runs
    facts.peakMB = peakMemoryMB()
    if arguments.contains("--json") {
        FileHandle.standardOutput.write(phases.json(facts))
    } else {
        print(phases.table(facts))
    }
    return 0
}

/// Rule expressions the evaluation ran: `when` for every subject of a rule that has one, `assert` for
/// every subject it applied to. Gives the CEL rate of a real audit, not of a micro-benchmark.
private func expressionEvaluations(_ result: AuditResult, rules: RuleSet) -> Int {
    let hasWhen = Set(rules.rules.filter { $0.when != nil }.map(\.id))
    return result.outcomes.reduce(0) { total, outcome in
        let when = hasWhen.contains(outcome.rule) ? 1 : 0
        return total + when + (outcome.status == .notApplicable ? 0 : 1)
    }
}

struct BenchFacts {
    var path: String
    var bytes: Int
    var inventory = (systems: 0, flows: 0, data: 0)
    var rules = 0
    var outcomes = 0
    var evaluations = 0
    var jsonBytes = 0
    var runs = 0
    var peakMB = 0.0
}

struct AuditPhases {
    var parse = Samples(), load = Samples(), rules = Samples(), facts = Samples(), evaluate = Samples()
    var result = Samples(), report = Samples(), total = Samples(), json = Samples()

    private var named: [(key: String, label: String, samples: Samples)] {
        [("parse", "libyaml bare event parse (floor)", parse),
         ("load", "1 load descriptor", load),
         ("rules", "2 load and compile rules", rules),
         ("facts", "3 graph facts and CEL values", facts),
         ("evaluate", "4 evaluate rules", evaluate),
         ("result", "5 waivers, gate, result", result),
         ("report", "6 text report", report),
         ("total", "audit total (1-6)", total),
         ("json", "JSON result (apart)", json)]
    }

    func table(_ f: BenchFacts) -> String {
        var lines = ["file: \(f.path) (\(f.bytes) bytes; \(f.inventory.systems) systems, \(f.inventory.flows) flows, "
                     + "\(f.inventory.data) data assets; \(f.rules) rules; \(f.outcomes) outcomes; \(f.runs) runs)",
                     "                                        wall min   wall median     cpu min"]
        for (_, label, samples) in named where !samples.wall.isEmpty {
            lines.append(label.padding(toLength: 36, withPad: " ", startingAt: 0)
                         + "\(ms(samples.min))  \(ms(samples.median))  \(ms(samples.cpuMin))")
        }
        lines.append(String(format: "audit/parse: %.2fx (wall min), %.2fx (wall median), %.2fx (median of each run's own ratio)",
                            total.min / parse.min, total.median / parse.median, pairedRatio))
        lines.append(String(format: "rule expressions evaluated: %d (%.1f million per second of evaluation wall time)",
                            f.evaluations, Double(f.evaluations) / max(evaluate.min, 1e-9) / 1e6))
        if f.jsonBytes > 0 { lines.append("JSON result: \(f.jsonBytes) bytes") }
        lines.append(String(format: "peak memory: %.0f MB", f.peakMB))
        return lines.joined(separator: "\n")
    }

    func json(_ f: BenchFacts) -> Data {
        var object: [String: Any] = [
            "file": f.path, "bytes": f.bytes, "systems": f.inventory.systems, "flows": f.inventory.flows,
            "data": f.inventory.data, "rules": f.rules, "outcomes": f.outcomes, "expression_evaluations": f.evaluations,
            "json_bytes": f.jsonBytes, "runs": f.runs, "peak_mb": (f.peakMB * 10).rounded() / 10,
            "total_over_parse_per_run_median": (pairedRatio * 100).rounded() / 100,
        ]
        for (key, _, samples) in named where !samples.wall.isEmpty {
            object[key] = ["wall_min_ms": round1(samples.min * 1000), "wall_median_ms": round1(samples.median * 1000),
                           "cpu_min_ms": round1(samples.cpuMin * 1000)]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return data + Data("\n".utf8)
    }

    private func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    /// The median over runs of each run's total divided by its own parse. Every run parses and
    /// then audits, so a machine that slows down or speeds up between runs moves both figures of a
    /// run together; minimums and medians taken apart can come from different hours.
    var pairedRatio: Double {
        zip(total.wall, parse.wall).map { $0 / Swift.max($1, 1e-9) }.median
    }
}

/// `--per-rule`: each rule evaluated alone over its subjects, slowest first: where to look when
/// evaluation grows faster than the inventory.
private func perRuleTimes(path: String, now: Date) -> Int32 {
    let rules = RuleLoader.load()
    guard let descriptor = DescriptorLoader.load(path: path).descriptor, !rules.hasErrors else { return 2 }
    let evaluator = RuleEvaluator(descriptor: descriptor, taxonomy: rules.taxonomy, now: now, fields: rules.referencedFields)
    var times: [(rule: Rule, seconds: Double, subjects: Int)] = []
    for rule in rules.rules {
        var samples = Samples()
        var count = 0
        samples.add { count = evaluator.evaluate([rule], lang: .nl).count }
        times.append((rule, samples.cpuMin, count))
    }
    let total = times.reduce(0) { $0 + $1.seconds }
    print(String(format: "%d rules, %.1f ms CPU in all; slowest first:", times.count, total * 1000))
    for entry in times.sorted(by: { $0.seconds > $1.seconds }).prefix(25) {
        let perSubject = entry.seconds / Double(max(entry.subjects, 1)) * 1e9
        print("\(entry.rule.id.padding(toLength: 10, withPad: " ", startingAt: 0)) \(ms(entry.seconds))  "
              + String(format: "%6d subjects  %6.0f ns/subject  ", entry.subjects, perSubject)
              + (entry.rule.when.map { "when: \($0.source)  " } ?? "") + "assert: \(entry.rule.assert.source)")
    }
    return 0
}
