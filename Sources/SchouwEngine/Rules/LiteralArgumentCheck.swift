import CEL

/// Conversions and patterns written as string literals (`duration('P1Y')`, `date('2026-03-01')`,
/// `x.matches('^[a-z]+$')`) give the same result for every subject. One that cannot be read made
/// every subject *unknown* at audit time; it is evaluated once when the rule loads instead, and
/// refused there with the format it should have.
enum LiteralArgumentCheck {
    /// A function whose literal argument is checked: which argument, what it must be, and how to
    /// write one.
    private struct Checked {
        var function: String
        /// The argument position in the global form `f(a, b)`; in the receiver form `a.f(b)` the
        /// receiver counts as the first.
        var argument: Int
        var arity: Int
        var what: String
        var hint: String
    }

    private static let checked: [Checked] = [
        Checked(function: "duration", argument: 0, arity: 1, what: "a duration",
                hint: "write an ISO 8601 duration such as P1Y, P30D or PT24H (or CEL's 30s, 1h30m)"),
        Checked(function: "timestamp", argument: 0, arity: 1, what: "an RFC 3339 time",
                hint: "write an RFC 3339 time such as 2026-01-01T00:00:00Z, or date('2026-01-01') for a date"),
        Checked(function: "date", argument: 0, arity: 1, what: "an ISO date",
                hint: "write an ISO date such as 2026-03-01"),
        Checked(function: "matches", argument: 1, arity: 2, what: "a valid regular expression",
                hint: "write an RE2 regular expression; escape characters such as ( [ . * with a backslash"),
    ]

    /// Every literal argument in `program` that the function it is passed to rejects (a pattern is
    /// tried on an empty string).
    static func problems(_ program: Program, library: FunctionLibrary) -> [ExpressionProblem] {
        var found: [ExpressionProblem] = []
        program.ast.forEachNode { node in
            guard case .call(let target, let function, let args) = node.kind else { return }
            let operands = (target.map { [$0] } ?? []) + args
            for check in checked where check.function == function && operands.count == check.arity {
                let operand = operands[check.argument]
                guard case .literal(.string(let text)) = operand.kind,
                      library.acceptsLiteral(text, function: check.function, argument: check.argument,
                                             arity: check.arity) == false else { continue }
                let written = program.source.slice(operand.start, operand.end)
                found.append(ExpressionProblem(
                    offset: operand.start,
                    message: "\(written) is not \(check.what), so \(function)() fails for every subject",
                    hint: check.hint))
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }
}
