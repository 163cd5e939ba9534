/// Receives the value of every evaluated node. The evaluator is generic over its tracer, so the
/// non-tracing path (`NoTracer`) compiles to code without any recording at all.
protocol Tracer {
    /// False when `record` does nothing: the evaluator may then skip making values only a tracer
    /// would see.
    static var recordsValues: Bool { get }
    mutating func record(_ id: Int, _ value: Value)
}

struct NoTracer: Tracer {
    static var recordsValues: Bool { false }
    @inline(__always) mutating func record(_ id: Int, _ value: Value) {}
}

struct RecordingTracer: Tracer {
    static var recordsValues: Bool { true }
    var values: [Int: Value] = [:]
    /// A node inside a comprehension is evaluated many times; the last value is kept and counted.
    var counts: [Int: Int] = [:]

    mutating func record(_ id: Int, _ value: Value) {
        values[id] = value
        counts[id, default: 0] += 1
    }
}
