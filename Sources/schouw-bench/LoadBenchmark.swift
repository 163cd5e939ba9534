import CYAML
import Foundation
import SchouwModel

/// `schouw-bench load FILE [--runs N]`: the bare libyaml event parse of FILE (read by libyaml, and
/// from memory) next to the full load
/// into the model (`DescriptorLoader.load(path:)`), min and median of N runs each (wall-clock time;
/// run it on an otherwise idle machine).
func runLoadBenchmark(_ arguments: [String]) -> Int32 {
    guard let path = arguments.first else {
        FileHandle.standardError.write(Data("usage: schouw-bench load FILE [--runs N]\n".utf8))
        return 2
    }
    var runs = 7
    if let i = arguments.firstIndex(of: "--runs"), i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 { runs = n }
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
        return 2
    }
    let bytes = [UInt8](data)

    // `--profile`: only the full load, for running under a profiler.
    if arguments.contains("--profile") {
        for _ in 0..<runs { _ = DescriptorLoader.load(path: path) }
        return 0
    }
    // `--profile-bare`: only libyaml's event parse of the file, to compare under `perf stat`.
    if arguments.contains("--profile-bare") {
        for _ in 0..<runs { _ = bareEventParse(path: path) }
        return 0
    }
    // `--profile-tree`: only the loader's parse into the YAML tree.
    if arguments.contains("--profile-tree") {
        for _ in 0..<runs { _ = YAMLParser.parse(bytes: bytes, path: path) }
        return 0
    }
    // Interleave the four measurements so a change in machine load affects them alike.
    var events = 0
    var summary = ""
    var bare = Samples(), inMemory = Samples(), tree = Samples(), full = Samples()
    for _ in 0..<runs {
        bare.add { events = bareEventParse(path: path) }
        inMemory.add { _ = bareEventParse(bytes) }
        tree.add { _ = YAMLParser.parse(bytes: bytes, path: path) }
        full.add {
            let result = DescriptorLoader.load(path: path)
            if let d = result.descriptor {
                summary = "\(d.systems.count) systems, \(d.flows.count) flows, \(d.data.count) data assets"
            } else {
                summary = "\(result.diagnostics.errorCount) errors"
            }
        }
    }
    print("file: \(path) (\(bytes.count) bytes, \(events) events; \(summary))")
    print("                      wall min   wall median   cpu min   cpu median   (\(runs) runs)")
    print("libyaml event parse:  \(ms(bare.min))   \(ms(bare.median))   \(ms(bare.cpuMin))   \(ms(bare.cpuMedian))   (reading the file)")
    print("  same, from memory:  \(ms(inMemory.min))   \(ms(inMemory.median))   \(ms(inMemory.cpuMin))   \(ms(inMemory.cpuMedian))")
    print("YAML tree, in memory: \(ms(tree.min))   \(ms(tree.median))   \(ms(tree.cpuMin))   \(ms(tree.cpuMedian))   (the loader's parse)")
    print("load into model:      \(ms(full.min))   \(ms(full.median))   \(ms(full.cpuMin))   \(ms(full.cpuMedian))")
    print(String(format: "ratio load/parse:     wall min %.2fx, wall median %.2fx, cpu min %.2fx, cpu median %.2fx",
                 full.min / bare.min, full.median / bare.median, full.cpuMin / bare.cpuMin, full.cpuMedian / bare.cpuMedian))
    return 0
}

/// Parses every event of a file, as libyaml reads it, and frees it: the floor any libyaml-based
/// loader of that file stands on.
func bareEventParse(path: String) -> Int {
    guard let file = fopen(path, "rb") else { return 0 }
    defer { fclose(file) }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) != 0 else { return 0 }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_file(&parser, file)
    return drainEvents(&parser)
}

/// The same from bytes already in memory.
func bareEventParse(_ bytes: [UInt8]) -> Int {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) != 0 else { return 0 }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        return drainEvents(&parser)
    }
}

/// Parses and frees every event up to the end of the stream (or the first error); the event count.
private func drainEvents(_ parser: inout yaml_parser_t) -> Int {
    var count = 0
    var event = yaml_event_t()
    while yaml_parser_parse(&parser, &event) != 0 {
        count += 1
        let done = event.type == YAML_STREAM_END_EVENT
        yaml_event_delete(&event)
        if done { break }
    }
    return count
}

/// Wall-clock and CPU time of each run; CPU time is the steadier figure on a shared machine.
