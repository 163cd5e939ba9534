import Foundation
import SeededRandom
import Testing
@testable import CEL

/// Mangled expressions must produce errors, never crashes: rule files are untrusted input.
@Suite struct RobustnessTests {
    static let pieces: [String] = [
        "(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-", "+", "*", "/", "%", "<", "<=", "==", "!=", "&&",
        "||", " in ", "'", "\"", "'''", "\\", "b'", "r'", "0x", "u", "1e", "9223372036854775808", "18446744073709551616u",
        "x", "has(", ".all(", ".map(", ".exists_one(", "size(", "timestamp(", "duration(", "'%.3f'.format(", "matches(",
        "'('", "null", "true", "1.5", "`", "\u{0}", "é", "\n", "dyn(", "type(", "int(", "uint(", "double(",
    ]

    @Test func mutatedConformanceExpressionsNeverCrash() throws {
        var expressions = ["flows.exists(f, f.personal && !f.encrypted)", "x.y.z[0] + 1", "{'a': [1, 2u]}['a'][1]"]
        if let cases = try? Conformance.loadCases() {
            expressions += cases.map(\.expr)
        }
        // SCHOUW_FUZZ_ROUNDS / SCHOUW_FUZZ_SEED run a longer search by hand.
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["SCHOUW_FUZZ_ROUNDS"].flatMap(Int.init) ?? 4000
        var random = SeededRandom(seed: environment["SCHOUW_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_129)
        var env = Environment()
        env.declare(variable: "x", type: .dyn)
        env.iterationLimit = 10_000
        let activation = Activation(["x": .object(["y": .list([.int(1)])])])
        for round in 0..<rounds {
            var scalars = Array(expressions[round % expressions.count].unicodeScalars)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0 where !scalars.isEmpty: scalars.remove(at: position)
                case 1:
                    let piece = RobustnessTests.pieces[Int.random(in: 0..<RobustnessTests.pieces.count, using: &random)]
                    scalars.insert(contentsOf: piece.unicodeScalars, at: position)
                case 2 where scalars.count > 1: scalars.swapAt(position, Int.random(in: 0..<scalars.count, using: &random))
                default: scalars = Array(scalars.prefix(position))
                }
            }
            let text = String(String.UnicodeScalarView(scalars))
            for checking in [true, false] {
                env.typeChecking = checking
                if let program = try? env.compile(text) {
                    _ = program.evaluate(activation)
                    _ = program.trace(activation).rendered()
                }
            }
        }
    }
}
