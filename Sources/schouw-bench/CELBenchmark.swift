import CEL
import Foundation

/// `schouw-bench cel [--seconds S]`: evaluations per second of typical rule expressions.
///
/// Each case runs for about S seconds (default 1) after a short warm-up and reports evaluations
/// per second. The flows case scans all 1,000 flows (none matches), the worst case for `exists`.
func runCELBenchmark(_ arguments: [String]) -> Int32 {
    var seconds = 1.0
    if let index = arguments.firstIndex(of: "--seconds"), index + 1 < arguments.count,
       let value = Double(arguments[index + 1]), value > 0 {
        seconds = value
    }

    var env = Environment()
    env.declare(ObjectType(name: "schouw.Flow", fields: ["id": .string, "personal": .bool, "encrypted": .bool]))
    env.declare(variable: "flows", type: .list(.object("schouw.Flow")))
    env.declare(variable: "flow", type: .object("schouw.Flow"))
    env.declare(variable: "days", type: .int)

    let flows: [Value] = (0..<1000).map { i in
        .object(["id": .string("flow-\(i)"), "personal": .bool(i % 2 == 0), "encrypted": .bool(true)],
                typeName: "schouw.Flow")
    }
    let activation = Activation(["flows": .list(flows), "flow": flows[0], "days": .int(45)])

    let cases: [(String, String)] = [
        ("exists over 1,000 flows", "flows.exists(f, f.personal && !f.encrypted)"),
        ("simple comparison", "days > 30"),
        ("field comparison", "flow.personal && flow.encrypted"),
    ]
    print("schouw-bench cel (\(String(format: "%.1f", seconds)) s of CPU time per case; rates per CPU second)")
    for (label, text) in cases {
        let program: Program
        do {
            program = try env.compile(text)
        } catch {
            FileHandle.standardError.write(Data("schouw-bench cel: \(error.rendered())\n".utf8))
            return 2
        }
        let rate = measure(seconds: seconds) { program.evaluate(activation) }
        print("  \(label): \(text)")
        print("    \(formatRate(rate)) evaluations/s")
    }
    let compileRate = measure(seconds: seconds / 2) {
        (try? env.compile("flows.exists(f, f.personal && !f.encrypted)")).map { _ in Value.bool(true) } ?? .null
    }
    print("  compile: \(formatRate(compileRate)) compilations/s")
    return 0
}

/// Runs `body` repeatedly for about `seconds` of this thread's CPU time and returns runs per CPU
/// second. CPU time rather than wall time keeps the figure steady on a machine shared with other work.
private func measure(seconds: Double, _ body: () -> Value) -> Double {
    var sink = 0
    for _ in 0..<10 where !body().isError { sink += 1 }
    let start = threadCPUSeconds()
    var runs = 0, batch = 1
    while true {
        for _ in 0..<batch where !body().isError { sink &+= 1 }
        runs += batch
        let elapsed = threadCPUSeconds() - start
        if elapsed >= seconds {
            if sink == -1 { print("") }
            return Double(runs) / elapsed
        }
        batch = min(batch * 2, 1 << 16)
    }
}

private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

private func formatRate(_ rate: Double) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.maximumFractionDigits = 0
    formatter.locale = Locale(identifier: "en_US")
    return formatter.string(from: NSNumber(value: rate.rounded())) ?? String(Int(rate))
}
