import Foundation

/// `schouw-bench suite [--sizes 100,1000,10000,50000] [--runs N] [--rounds K] [--dir DIR] [--json FILE]`:
/// the audit benchmark over inventories of several sizes (flows 5x the systems, data assets a
/// fifth), each in a process of its own so its peak memory is its own. Prints one table and how
/// the total grows from the smallest size of 10,000 systems or more; `--json` also writes every
/// figure to FILE. Descriptors are generated into DIR (seed 1) unless already there.
///
/// `--rounds K` measures all sizes K times in turn. A shared machine drifts within minutes, and
/// measuring each size once, one after the other, let the drift decide whether doubling the input
/// looked like 1.7x or 2.2x the time; the growth is then the median of each round's own ratio.
func runSuite(_ arguments: [String]) -> Int32 {
    var sizes = [100, 1_000, 10_000, 50_000]
    var runs = 3
    var rounds = 1
    var directory = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-bench").path
    var jsonPath: String?
    var i = 0
    while i < arguments.count {
        let key = arguments[i]
        guard i + 1 < arguments.count else { return suiteUsage() }
        let value = arguments[i + 1]
        switch key {
        case "--sizes":
            let parsed = value.split(separator: ",").compactMap { Int($0) }
            guard !parsed.isEmpty, parsed.allSatisfy({ $0 >= 10 }) else { return suiteUsage() }
            sizes = parsed
        case "--runs":
            guard let n = Int(value), n > 0 else { return suiteUsage() }
            runs = n
        case "--rounds":
            guard let n = Int(value), n > 0 else { return suiteUsage() }
            rounds = n
        case "--dir": directory = value
        case "--json": jsonPath = value
        default: return suiteUsage()
        }
        i += 2
    }
    do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
        FileHandle.standardError.write(Data("error: cannot create \(directory): \(error.localizedDescription)\n".utf8))
        return 2
    }
    var paths: [String] = []
    for size in sizes {
        let path = (directory as NSString).appendingPathComponent("inventory-\(size).yaml")
        if !FileManager.default.fileExists(atPath: path) {
            var generator = DescriptorGenerator(seed: 1)
            let text = generator.generate(systems: size, flows: size * 5, data: max(1, size / 5))
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                FileHandle.standardError.write(Data("error: cannot write \(path)\n".utf8))
                return 2
            }
        }
        paths.append(path)
    }
    // measured[round][size]
    var measured: [[[String: Any]]] = []
    for round in 1...rounds {
        var row: [[String: Any]] = []
        for (size, path) in zip(sizes, paths) {
            let label = rounds > 1 ? " (round \(round) of \(rounds))" : ""
            FileHandle.standardError.write(Data("measuring \(size) systems, \(runs) runs\(label)...\n".utf8))
            guard let figures = measureInChildProcess(path: path, runs: runs) else { return 2 }
            row.append(figures)
        }
        measured.append(row)
    }
    let rows = sizes.indices.map { k in combined(measured.map { $0[k] }) }
    let growth = growthFromReference(sizes: sizes, measured: measured)
    print(suiteTable(rows))
    if !growth.lines.isEmpty { print("\n" + growth.lines.joined(separator: "\n")) }
    if let jsonPath {
        var object: [String: Any] = ["runs": runs, "rounds": rounds, "sizes": rows]
        if rounds > 1 { object["each_round"] = measured }
        if !growth.figures.isEmpty { object["growth"] = growth.figures }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]),
              FileManager.default.createFile(atPath: jsonPath, contents: data + Data("\n".utf8)) else {
            FileHandle.standardError.write(Data("error: cannot write \(jsonPath)\n".utf8))
            return 2
        }
    }
    return 0
}

private func suiteUsage() -> Int32 {
    FileHandle.standardError.write(Data("usage: schouw-bench suite [--sizes 100,1000,10000,50000] [--runs N] [--rounds K] [--dir DIR] [--json FILE]\n".utf8))
    return 2
}

/// The phases timed by `schouw-bench audit --json`.
private let phaseKeys = ["parse", "load", "rules", "facts", "evaluate", "result", "report", "total", "json"]

/// One size's figures over several rounds: each phase's minimum wall and CPU time, the median of
/// the rounds' medians, the largest peak memory, the median of the per-run ratios.
private func combined(_ rounds: [[String: Any]]) -> [String: Any] {
    guard var row = rounds.first, rounds.count > 1 else { return rounds.first ?? [:] }
    for key in phaseKeys {
        let phases = rounds.compactMap { $0[key] as? [String: Any] }
        guard !phases.isEmpty else { continue }
        let values = { (field: String) in phases.compactMap { $0[field] as? Double } }
        row[key] = ["wall_min_ms": values("wall_min_ms").min() ?? 0, "cpu_min_ms": values("cpu_min_ms").min() ?? 0,
                    "wall_median_ms": values("wall_median_ms").median]
    }
    row["peak_mb"] = rounds.compactMap { $0["peak_mb"] as? Double }.max() ?? 0
    row["total_over_parse_per_run_median"] = rounds.compactMap { $0["total_over_parse_per_run_median"] as? Double }.median
    return row
}

/// How the total grows from the smallest size of 10,000 systems or more to each larger size: per
/// round (the wall minimum of that round's runs), and the median over the rounds.
private func growthFromReference(sizes: [Int], measured: [[[String: Any]]]) -> (lines: [String], figures: [[String: Any]]) {
    guard let reference = sizes.indices.filter({ sizes[$0] >= 10_000 }).min(by: { sizes[$0] < sizes[$1] }) else { return ([], []) }
    func total(_ row: [String: Any]) -> Double { ((row["total"] as? [String: Any])?["wall_min_ms"] as? Double) ?? 0 }
    var lines: [String] = [], figures: [[String: Any]] = []
    for k in sizes.indices where sizes[k] > sizes[reference] {
        let ratios = measured.compactMap { round -> Double? in
            let base = total(round[reference])
            return base > 0 ? total(round[k]) / base : nil
        }
        guard !ratios.isEmpty else { continue }
        let median = ratios.median
        let each = ratios.map { String(format: "%.2fx", $0) }.joined(separator: ", ")
        lines.append(String(format: "Growth %@ → %@ systems: %.2fx", sizes[reference].formatted(), sizes[k].formatted(), median)
                     + (ratios.count > 1 ? " (median of the rounds: \(each))" : " (total, wall minimum)")
                     + String(format: " for %.1fx the input.", Double(sizes[k]) / Double(sizes[reference])))
        figures.append(["from": sizes[reference], "to": sizes[k], "median": median, "rounds": ratios])
    }
    return (lines, figures)
}

/// Runs `schouw-bench audit FILE --json` in a new process and reads its figures.
private func measureInChildProcess(path: String, runs: Int) -> [String: Any]? {
    let process = Process()
    process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["audit", path, "--runs", String(runs), "--json"]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch {
        FileHandle.standardError.write(Data("error: cannot start the audit benchmark: \(error.localizedDescription)\n".utf8))
        return nil
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        FileHandle.standardError.write(Data("error: the audit benchmark of \(path) failed (exit \(process.terminationStatus))\n".utf8))
        return nil
    }
    return object
}

private func suiteTable(_ rows: [[String: Any]]) -> String {
    func phase(_ row: [String: Any], _ key: String) -> Double {
        ((row[key] as? [String: Any])?["wall_min_ms"] as? Double) ?? 0
    }
    func cell(_ x: Double) -> String { x >= 100 ? String(format: "%.0f", x) : String(format: "%.1f", x) }
    var lines = [
        "Wall-clock minimum in ms per phase; peak memory of the whole benchmark process.",
        "",
        "| systems / flows / data | MB | outcomes | parse (floor) | load | rules | facts | evaluate | result | text report | total | total / parse | JSON (apart) | peak MB | CEL M/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows {
        let systems = row["systems"] as? Int ?? 0, flows = row["flows"] as? Int ?? 0, data = row["data"] as? Int ?? 0
        let bytes = Double(row["bytes"] as? Int ?? 0) / 1_000_000
        let outcomes = row["outcomes"] as? Int ?? 0
        let total = phase(row, "total"), parse = phase(row, "parse"), evaluate = phase(row, "evaluate")
        let evaluations = Double(row["expression_evaluations"] as? Int ?? 0)
        let rate = evaluate > 0 ? evaluations / (evaluate / 1000) / 1e6 : 0
        let cells = [
            "\(systems.formatted()) / \(flows.formatted()) / \(data.formatted())", String(format: "%.1f", bytes),
            outcomes.formatted(), cell(parse), cell(phase(row, "load")), cell(phase(row, "rules")), cell(phase(row, "facts")),
            cell(evaluate), cell(phase(row, "result")), cell(phase(row, "report")), cell(total),
            String(format: "%.1fx", parse > 0 ? total / parse : 0), cell(phase(row, "json")),
            String(format: "%.0f", row["peak_mb"] as? Double ?? 0), String(format: "%.2f", rate),
        ]
        lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
}
