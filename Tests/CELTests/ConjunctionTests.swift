import Testing
@testable import CEL

/// The operands of a top-level `&&`, evaluated one by one and folded with `Conjunction`, give what
/// the whole expression gives: values and errors alike (an engine shares such operands).
@Suite struct ConjunctionTests {
    /// Expressions and the number of operands of their top-level `&&`.
    static let expressions: [(String, Int)] = [
        ("a && b", 2),
        ("a && b && c", 3),
        ("!(x.present && x.missing == 'r') && b", 2),
        ("x.missing && a && n", 3),
        ("n && a", 2),
        ("a && (b || x.missing)", 2),
        ("[1, 2].exists(i, i == 2) && a", 2),
        ("a || b", 1),
    ]

    /// Every combination of true, false, an error (missing key) and a non-bool for a, b and c.
    static var bindings: [[String: Value]] {
        let choices: [Value?] = [.bool(true), .bool(false), nil, .int(3)]
        var all: [[String: Value]] = []
        for a in choices { for b in choices { for c in choices {
            var vars: [String: Value] = ["x": .object(["present": .bool(true)]), "n": .string("text")]
            if let a { vars["a"] = a }
            if let b { vars["b"] = b }
            if let c { vars["c"] = c }
            all.append(vars)
        } } }
        return all
    }

    @Test(arguments: expressions)
    func foldedOperandsGiveTheWholeValue(_ text: String, _ operands: Int) throws {
        var env = Environment()
        for name in ["a", "b", "c", "x", "n"] { env.declare(variable: name, type: .dyn) }
        let program = try env.compile(text)
        let conjuncts = program.conjuncts
        #expect(conjuncts.count == operands)
        for vars in Self.bindings {
            // An unbound a, b or c is an error, as is the missing key of x.
            let activation = Activation(vars)
            let whole = program.evaluate(activation)
            var conjunction = Conjunction()
            var folded: Value?
            for conjunct in conjuncts where conjunction.add(conjunct.program.evaluate(activation)) {
                folded = .bool(false)
                break
            }
            let result = program.finishConjunction(folded ?? conjunction.result(decided: false))
            #expect(result.literal == whole.literal, "\(text) with \(vars.keys.sorted())")
            #expect(result.errorValue == whole.errorValue, "\(text) with \(vars.keys.sorted())")
        }
    }

    @Test func operandTextsAndIteration() throws {
        var env = Environment()
        for name in ["a", "b"] { env.declare(variable: name, type: .dyn) }
        let conjuncts = try env.compile("a  &&  [1].all(i, i > 0) && (b || a)").conjuncts
        #expect(conjuncts.map(\.text) == ["a", "[1].all(i, i > 0)", "b || a"])
        #expect(conjuncts.map(\.iterates) == [false, true, false])
        let single = try env.compile("a || b").conjuncts
        #expect(single.map(\.text) == ["a || b"])
    }
}
