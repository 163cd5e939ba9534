/// CEL's `&&` over any number of operands, one operand at a time: false if any operand is false,
/// else the first error (a non-bool operand is an error too), else true. Operands may be given in
/// any order and the result is the same, which is what lets an engine take an operand's value from
/// elsewhere (see `Program.conjuncts`). The evaluator folds `&&` with this, so both agree.
public struct Conjunction {
    private var firstError: Value?

    public init() {}

    /// Adds an operand's value; true when the result is decided (an operand was false).
    @inline(__always)
    public mutating func add(_ value: Value) -> Bool {
        switch value {
        case .bool(false): return true
        case .bool(true): return false
        case .error(let e): if firstError == nil { firstError = .error(e) }
        case let other: if firstError == nil { firstError = .error(EvalError.noOverload("_&&_", [other])) }
        }
        return false
    }

    /// The value once every operand was added, or `false` once `add` returned true.
    public func result(decided: Bool) -> Value {
        decided ? .bool(false) : firstError ?? .bool(true)
    }
}

/// One operand of a top-level `&&`, as a program of its own.
public struct Conjunct: Sendable {
    /// The operand's source text, as written.
    public let text: String
    public let program: Program
    /// True when the operand iterates (`all`, `exists`, ...): iterations count against one budget
    /// per evaluation, so such an operand evaluated apart would get a budget of its own.
    public let iterates: Bool
}

extension Program {
    /// The operands of the expression's top-level `&&`, each planned as it is inside the whole;
    /// the whole expression as the one operand when it is not a conjunction. Evaluating them in
    /// order and folding with `Conjunction` gives what evaluating the whole gives, apart from
    /// expression ids of errors the `&&` itself raises (see `finishConjunction`).
    public var conjuncts: [Conjunct] {
        let operands: [Node]
        switch root.op {
        case .and2(let left, let right): operands = [left, right]
        case .and(let all): operands = all
        default: return [Conjunct(text: source.text, program: self, iterates: ast.iterates)]
        }
        guard case .call(nil, "_&&_", let args) = ast.kind, args.count == operands.count else {
            return [Conjunct(text: source.text, program: self, iterates: ast.iterates)]
        }
        return zip(args, operands).map { expr, node in
            let text = source.nodeText(expr.start, expr.end)
            return Conjunct(text: text, program: Program(source: source, ast: expr, root: node, slots: slots,
                                                          resultType: .dyn, iterationLimit: iterationLimit),
                            iterates: expr.iterates)
        }
    }

    /// A `Conjunction` result as the whole program would return it: an error the `&&` raised
    /// itself carries the id of the program's root.
    public func finishConjunction(_ value: Value) -> Value {
        if case .error(let error) = value, error.exprID == 0 {
            var located = error
            located.exprID = root.id
            return .error(located)
        }
        return value
    }
}

extension Expr {
    /// True when a comprehension occurs anywhere in the expression.
    var iterates: Bool {
        var found = false
        forEachNode { if case .comprehension = $0.kind { found = true } }
        return found
    }
}
