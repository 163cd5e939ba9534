import Foundation
import SchouwConcurrency

// The same memory policy as `schouw` itself, so the figures are those of the command.
ProcessMemory.keepFreedMemoryForReuse()

/// `schouw-bench <suite> [options]`: each suite lives in its own file and prints its figures.
let arguments = Array(CommandLine.arguments.dropFirst())
let suites: [String: ([String]) -> Int32] = [
    "cel": runCELBenchmark,
    "load": runLoadBenchmark,
    "generate": runGenerate,
    "audit": runAuditBenchmark,
    "suite": runSuite,
]

guard let name = arguments.first, let suite = suites[name] else {
    let list = suites.keys.sorted().joined(separator: "|")
    FileHandle.standardError.write(Data("usage: schouw-bench \(list) [options]\n".utf8))
    exit(2)
}
exit(suite(Array(arguments.dropFirst())))
