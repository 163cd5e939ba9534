import CYAML
import Foundation
import SchouwModel

/// `schouw-bench load FILE [--runs N]`: the bare libyaml event parse of FILE next to the full load
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
    var events = 0
    let bare = measure(runs) { events = bareEventParse(bytes) }
    var summary = ""
    let full = measure(runs) {
        let result = DescriptorLoader.load(path: path)
        if let d = result.descriptor {
            summary = "\(d.systems.count) systems, \(d.flows.count) flows, \(d.data.count) data assets"
        } else {
            summary = "\(result.diagnostics.errorCount) errors"
        }
    }
    print("file: \(path) (\(bytes.count) bytes, \(events) events; \(summary))")
    print("libyaml event parse:  min \(ms(bare.min)) ms  median \(ms(bare.median)) ms  (\(runs) runs)")
    print("load into model:      min \(ms(full.min)) ms  median \(ms(full.median)) ms  (\(runs) runs)")
    print(String(format: "ratio (median):       %.2fx", full.median / bare.median))
    return 0
}

/// Parses every event and frees it: the floor any libyaml-based loader has to stand on.
func bareEventParse(_ bytes: [UInt8]) -> Int {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) != 0 else { return 0 }
    defer { yaml_parser_delete(&parser) }
    var count = 0
    bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) != 0 {
            count += 1
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if done { break }
        }
    }
    return count
}

func measure(_ runs: Int, _ body: () -> Void) -> (min: Double, median: Double) {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    return (times[0], times[times.count / 2])
}

func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
