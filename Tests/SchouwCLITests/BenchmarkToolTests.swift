import Foundation
import SchouwModel
import Testing

/// `schouw-bench`, run as docs/benchmarks.md tells a user to: the generator's inventories are valid,
/// deterministic for a seed and have the shape the benchmarks promise; the suite prints its table
/// and writes its figures as JSON.
@Suite struct BenchmarkToolTests {
    /// The `schouw-bench` binary SwiftPM built next to `schouw`.
    static var bench: URL { CLI.binary.deletingLastPathComponent().appendingPathComponent("schouw-bench") }

    static func runBench(_ arguments: [String]) throws -> CLIRun {
        let process = Process()
        process.executableURL = bench
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: process.terminationStatus)
    }

    /// `systems` systems, five flows each, a data asset per five systems (as the suite makes them).
    static func generate(seed: Int, systems: Int = 200, in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent("inventory-\(seed)-\(systems).yaml")
        let run = try runBench(["generate", "--systems", "\(systems)", "--flows", "\(systems * 5)", "--data", "\(systems / 5)",
                                "--seed", "\(seed)", "--output", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        return file
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func theGeneratorIsDeterministicForASeed() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Data(contentsOf: Self.generate(seed: 7, in: directory))
        let again = try Data(contentsOf: Self.generate(seed: 7, in: directory))
        let other = try Data(contentsOf: Self.generate(seed: 8, in: directory))
        #expect(first == again)
        #expect(first != other)
    }

    @Test func aGeneratedInventoryIsValidAndShapedLikeACity() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Large enough for the generator's full cast: ten parties and two dozen zones.
        let file = try Self.generate(seed: 1, systems: 1000, in: directory)
        let validated = try CLI.run(["validate", file.path])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")

        let descriptor = try #require(DescriptorLoader.load(path: file.path).descriptor)
        #expect(descriptor.systems.count == 1000 && descriptor.flows.count == 5000 && descriptor.data.count == 200)
        // Parties in and outside the EEA.
        let countries = Set(descriptor.parties.compactMap(\.country))
        #expect(countries.contains("NL") && countries.contains("US"))
        // Zones nested in zones.
        #expect(descriptor.zones.contains { $0.parent != nil })
        // Flows in chains with fan-out and at least one cycle.
        var next: [String: Set<String>] = [:]
        for flow in descriptor.flows { next[flow.from, default: []].insert(flow.to) }
        #expect(next.values.contains { $0.count >= 3 }, "a system sends to several others")
        #expect(Self.hasCycle(next), "the flows loop back somewhere")
        #expect(!Self.hasCycle(["a": ["b", "c"], "b": ["c"]]), "the search itself tells a chain from a loop")
    }

    /// Depth-first search for a back edge, without recursion.
    static func hasCycle(_ next: [String: Set<String>]) -> Bool {
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        for root in next.keys.sorted() where state[root] == nil {
            var stack: [(node: String, targets: [String])] = [(root, next[root, default: []].sorted())]
            state[root] = 1
            while !stack.isEmpty {
                guard let target = stack[stack.count - 1].targets.popLast() else {
                    state[stack.removeLast().node] = 2
                    continue
                }
                switch state[target] {
                case 1: return true
                case 2: continue
                default:
                    state[target] = 1
                    stack.append((target, next[target, default: []].sorted()))
                }
            }
        }
        return false
    }

    @Test func theSuitePrintsItsTableAndWritesItsFigures() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("bench.json")
        let run = try Self.runBench(["suite", "--sizes", "100", "--runs", "1", "--dir", directory.path, "--json", json.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("| systems / flows / data |"))
        #expect(run.stdout.contains("| 100 / 500 / 20 |"))
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let size = try #require((figures["sizes"] as? [[String: Any]])?.first)
        #expect(size["flows"] as? Int == 500)
        #expect((size["outcomes"] as? Int ?? 0) > 0)
        #expect((size["peak_mb"] as? Double ?? 0) > 0)
        for phase in ["parse", "load", "rules", "facts", "evaluate", "result", "report", "total"] {
            let timing = try #require(size[phase] as? [String: Any], "phase \(phase)")
            #expect((timing["wall_min_ms"] as? Double ?? -1) >= 0, "phase \(phase)")
        }
    }
}
