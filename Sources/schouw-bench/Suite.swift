import Foundation

/// `schouw-bench suite [--sizes 100,1000,10000,50000] [--runs N] [--dir DIR] [--json FILE]`: the
/// audit benchmark over inventories of several sizes (flows 5x the systems, data assets a fifth),
/// each in a process of its own so its peak memory is its own. Prints one table; `--json` also
/// writes every figure to FILE. Descriptors are generated into DIR (seed 1) unless already there.
func runSuite(_ arguments: [String]) -> Int32 {
    var sizes = [100, 1_000, 10_000, 50_000]
    var runs = 3
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
    var rows: [[String: Any]] = []
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
        FileHandle.standardError.write(Data("measuring \(size) systems (\(runs) runs)...\n".utf8))
        guard let row = measureInChildProcess(path: path, runs: runs) else { return 2 }
        rows.append(row)
    }
    print(suiteTable(rows))
    if let jsonPath {
        let object: [String: Any] = ["runs": runs, "sizes": rows]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]),
              FileManager.default.createFile(atPath: jsonPath, contents: data + Data("\n".utf8)) else {
            FileHandle.standardError.write(Data("error: cannot write \(jsonPath)\n".utf8))
            return 2
        }
    }
    return 0
}

private func suiteUsage() -> Int32 {
    FileHandle.standardError.write(Data("usage: schouw-bench suite [--sizes 100,1000,10000,50000] [--runs N] [--dir DIR] [--json FILE]\n".utf8))
    return 2
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
