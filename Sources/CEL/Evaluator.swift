/// Walks an evaluation plan. One evaluator serves one evaluation; the plan is shared and immutable.
struct Evaluator<T: Tracer> {
    let activation: Activation
    var locals: [Value]
    var tracer: T
    /// Comprehension iterations left before the evaluation is cut off.
    var iterationsLeft: Int

    init(activation: Activation, slots: Int, iterationLimit: Int, tracer: T) {
        self.activation = activation
        self.iterationsLeft = iterationLimit
        self.locals = Array(repeating: .null, count: slots)
        self.tracer = tracer
    }

    mutating func eval(_ node: Node) -> Value {
        var value = evalOp(node)
        // Bound with `let`, the error is read in place: a missing fact's error passes up through
        // every node above it, and copying it at each level counted references to its texts.
        if case .error(let error) = value, error.exprID == 0 {
            var located = error
            located.exprID = node.id
            value = .error(located)
        }
        tracer.record(node.id, value)
        return value
    }

    /// Evaluates a child node without retaining it: its parent's `op` holds it for the plan's life.
    @inline(__always)
    private mutating func eval(child: Unmanaged<Node>?) -> Value {
        guard let child else { return Evaluator.missingOperand }
        return child._withUnsafeGuaranteedRef { eval($0) }
    }

    /// What a node lacking an operand its kind needs gives; the planner never builds one.
    private static var missingOperand: Value { .err(.other, "malformed evaluation plan: an operand is missing") }

    private mutating func evalOp(_ node: Node) -> Value {
        switch node.kind {
        case .constant:
            return node.constant
        case .variable:
            if let value = activation.lookup(node.field) { return value }
            return .error(EvalError(.unboundVariable, "unknown variable: \(node.field.name)", field: node.field.name))
        case .local(let slot):
            return locals[slot]
        case .qualified:
            if activation.hasDottedNames, case .qualified(let candidates, _) = node.op {
                for candidate in candidates {
                    guard var value = activation[candidate.name] else { continue }
                    var path = candidate.name
                    for field in candidate.rest {
                        value = Evaluator.select(value, field: field, path: path)
                        path += "." + field.name
                    }
                    return value
                }
            }
            return eval(child: node.first)
        case .select:
            // `flow.personal`, `flow.to_zone.trust`: the field is read from the maps where the
            // activation and the maps before it hold them. Evaluating the operand first counted a
            // reference to each map on the way and dropped it, for most of the selects of every
            // rule, and a zone's or party's map is on the way for thousands of subjects on both
            // cores. A tracer sees the operands' values, so it does not take this path; nor does a
            // missing field, which needs the error the operand gives.
            if !T.recordsValues, let variable = node.operandVariable,
               let found = activation.field(node.field, along: node.operandFields, ofVariable: variable) {
                return found
            }
            let value = eval(child: node.first)
            if case .map(let m) = value, let found = m.lookup(field: node.field) { return found }
            return Evaluator.select(value, field: node.field, path: node.path, missingPath: node.missingPath)
        case .has:
            switch eval(child: node.first) {
            case .map(let m): return .bool(m.lookup(field: node.field) != nil)
            case .error(let e): return .error(e)
            case let other:
                return .err(.noSuchField, "type '\(other.typeValue.name)' does not support field selection")
            }
        case .index:
            let c = eval(child: node.first)
            if case .error = c { return c }
            let k = eval(child: node.second)
            if case .error = k { return k }
            return Evaluator.index(c, k)
        case .and2:
            let a = eval(child: node.first)
            if case .bool(false) = a { return a }
            let b = eval(child: node.second)
            switch (a, b) {
            case (_, .bool(false)): return b
            case (.bool(true), .bool(true)): return b
            case (.error, _): return a
            case (.bool, .error): return b
            case (.bool, _): return .error(EvalError.noOverload("_&&_", [b]))
            default: return .error(EvalError.noOverload("_&&_", [a]))
            }
        case .or2:
            let a = eval(child: node.first)
            if case .bool(true) = a { return a }
            let b = eval(child: node.second)
            switch (a, b) {
            case (_, .bool(true)): return b
            case (.bool(false), .bool(false)): return b
            case (.error, _): return a
            case (.bool, .error): return b
            case (.bool, _): return .error(EvalError.noOverload("_||_", [b]))
            default: return .error(EvalError.noOverload("_||_", [a]))
            }
        case .localSelect(let slot, let operandID):
            tracer.record(operandID, locals[slot])
            if case .map(let m) = locals[slot], let value = m.lookup(field: node.field) { return value }
            return Evaluator.select(locals[slot], field: node.field, path: node.path, missingPath: node.missingPath)
        case .and:
            var conjunction = Conjunction()
            for operand in node.operands where conjunction.add(eval(child: operand)) { return .bool(false) }
            return conjunction.result(decided: false)
        case .or:
            var firstError: Value?
            for operand in node.operands {
                switch eval(child: operand) {
                case .bool(true): return .bool(true)
                case .bool(false): continue
                case .error(let e): if firstError == nil { firstError = .error(e) }
                case let other: if firstError == nil { firstError = .error(EvalError.noOverload("_||_", [other])) }
                }
            }
            return firstError ?? .bool(false)
        case .not:
            switch eval(child: node.first) {
            case .bool(let b): return .bool(!b)
            case .error(let e): return .error(e)
            case let other: return .error(EvalError.noOverload("!_", [other]))
            }
        case .negate:
            switch eval(child: node.first) {
            case .int(let i):
                if i == Int64.min { return .err(.overflow, "integer overflow in negation") }
                return .int(-i)
            case .double(let d): return .double(-d)
            case .error(let e): return .error(e)
            case let other: return .error(EvalError.noOverload("-_", [other]))
            }
        case .conditional:
            switch eval(child: node.first) {
            case .bool(true): return eval(child: node.second)
            case .bool(false): return eval(child: node.third)
            case .error(let e): return .error(e)
            case let other: return .error(EvalError.noOverload("_?_:_", [other]))
            }
        case .equals(let negated):
            let a = eval(child: node.first)
            if case .error = a { return a }
            let b = eval(child: node.second)
            if case .error = b { return b }
            return .bool(a.celEquals(b) != negated)
        case .relation(let op):
            let a = eval(child: node.first)
            if case .error = a { return a }
            let b = eval(child: node.second)
            if case .error = b { return b }
            switch Value.compare(a, b) {
            case .failure(let e):
                let name = op == .less ? "_<_" : op == .lessOrEqual ? "_<=_" : op == .greater ? "_>_" : "_>=_"
                return .error(EvalError(e.kind, EvalError.noOverload(name, [a, b]).message))
            case .success(nil): return .bool(false)
            case .success(let order?):
                switch op {
                case .less: return .bool(order < 0)
                case .lessOrEqual: return .bool(order <= 0)
                case .greater: return .bool(order > 0)
                case .greaterOrEqual: return .bool(order >= 0)
                }
            }
        case .arithmetic(let op):
            let a = eval(child: node.first)
            if case .error = a { return a }
            let b = eval(child: node.second)
            if case .error = b { return b }
            return Arithmetic.apply(op, a, b)
        case .membership:
            let a = eval(child: node.first)
            if case .error = a { return a }
            let b = eval(child: node.second)
            if case .error = b { return b }
            switch b {
            case .list(let elements): return .bool(elements.contains { a.celEquals($0) })
            case .map(let m): return .bool(m.lookup(a) != nil)
            default: return .error(EvalError.noOverload("@in", [a, b]))
            }
        case .list:
            var values: [Value] = []
            values.reserveCapacity(node.operands.count)
            for element in node.operands {
                let v = eval(child: element)
                if case .error = v { return v }
                values.append(v)
            }
            return .list(values)
        case .map:
            guard case .map(let entries) = node.op else { return Evaluator.missingOperand }
            var pairs: [(Value, Value)] = []
            pairs.reserveCapacity(entries.count)
            for (keyNode, valueNode) in entries {
                let k = eval(keyNode)
                if case .error = k { return k }
                let v = eval(valueNode)
                if case .error = v { return v }
                pairs.append((k, v))
            }
            switch MapValue.make(pairs) {
            case .success(let m): return .map(m)
            case .failure(let e): return .error(e)
            }
        case .comprehension(let macro, let slot):
            return comprehension(macro, slot: slot, rangeNode: node.first, body: node.second, filter: node.third)
        case .call:
            var args: [Value] = []
            args.reserveCapacity(node.operands.count)
            for argNode in node.operands {
                let v = eval(child: argNode)
                if case .error = v { return v }
                args.append(v)
            }
            let overloads = node.overloads
            if overloads.count == 1, let implementation = overloads[0].implementation {
                return implementation(args)
            }
            for overload in overloads where overload.accepts(args) {
                if let implementation = overload.implementation { return implementation(args) }
            }
            guard case .call(let name, _, _) = node.op else { return Evaluator.missingOperand }
            return .error(EvalError.noOverload(name, args))
        case .fail:
            return node.constant
        }
    }

    private mutating func comprehension(_ macro: Comprehension.Macro, slot: Int, rangeNode: Unmanaged<Node>?,
                                        body: Unmanaged<Node>?, filter: Unmanaged<Node>?) -> Value {
        let range = eval(child: rangeNode)
        if macro == .bind {
            if case .error = range { return range }
            let saved = locals[slot]
            locals[slot] = range
            defer { locals[slot] = saved }
            return eval(child: body)
        }
        let items: [Value]
        switch range {
        case .list(let elements): items = elements
        case .map(let m): items = m.keys
        case .error: return range
        default:
            return .err(.noMatchingOverload, "\(macro.rawValue)() needs a list or map, got \(range.typeValue.name)")
        }
        iterationsLeft -= items.count
        if iterationsLeft < 0 {
            return .err(.other, "evaluation exceeded the limit on comprehension iterations")
        }
        switch macro {
        case .all, .exists:
            let decisive = macro == .exists
            var firstError: Value?
            for item in items {
                locals[slot] = item
                switch eval(child: body) {
                case .bool(let b):
                    if b == decisive { return .bool(decisive) }
                case .error(let e): if firstError == nil { firstError = .error(e) }
                case let other:
                    if firstError == nil {
                        firstError = .err(.noMatchingOverload, "\(macro.rawValue)() predicate returned \(other.typeValue.name), not bool")
                    }
                }
            }
            return firstError ?? .bool(!decisive)
        case .existsOne:
            var count = 0
            for item in items {
                locals[slot] = item
                switch eval(child: body) {
                case .bool(let b): if b { count += 1 }
                case .error(let e): return .error(e)
                case let other:
                    return .err(.noMatchingOverload, "exists_one() predicate returned \(other.typeValue.name), not bool")
                }
            }
            return .bool(count == 1)
        case .map, .filter:
            var results: [Value] = []
            results.reserveCapacity(items.count)
            for item in items {
                locals[slot] = item
                let predicateNode = macro == .filter ? body : filter
                if let predicateNode {
                    switch eval(child: predicateNode) {
                    case .bool(true): break
                    case .bool(false): continue
                    case .error(let e): return .error(e)
                    case let other:
                        return .err(.noMatchingOverload, "\(macro.rawValue)() predicate returned \(other.typeValue.name), not bool")
                    }
                }
                if macro == .filter {
                    results.append(item)
                } else {
                    let v = eval(child: body)
                    if case .error = v { return v }
                    results.append(v)
                }
            }
            return .list(results)
        case .bind:
            return eval(child: body)
        }
    }

    /// `missingPath`: `[path.field]`, when the caller has it made already.
    static func select(_ operand: Value, field fieldName: FieldName, path: String?, missingPath: [String] = []) -> Value {
        let field = fieldName.name
        switch operand {
        case .map(let m):
            if let value = m.lookup(field: fieldName) { return value }
            return .error(EvalError(missingField: field, objectType: m.objectType, path: path, missingPath: missingPath))
        case .error: return operand
        default:
            return .error(EvalError(.noSuchField, "type '\(operand.typeValue.name)' does not support field selection",
                                    field: field, path: path))
        }
    }

    static func index(_ container: Value, _ key: Value) -> Value {
        switch container {
        case .list(let elements):
            let position: Int64
            switch key {
            case .int(let i): position = i
            case .uint(let u): position = u > UInt64(Int64.max) ? Int64.max : Int64(u)
            case .double(let d):
                guard d.rounded() == d, abs(d) < 9.2e18 else {
                    return .err(.invalidArgument, "unsupported index value \(Value.doubleLiteral(d)) for list")
                }
                position = Int64(d)
            default: return .error(EvalError.noOverload("_[_]", [container, key]))
            }
            guard position >= 0, position < Int64(elements.count) else {
                return .err(.indexOutOfRange, "index out of range: \(position) (list size \(elements.count))")
            }
            return elements[Int(position)]
        case .map(let m):
            switch key {
            case .bool, .int, .uint, .string, .double: break
            default: return .err(.invalidArgument, "unsupported key type \(key.typeValue.name)")
            }
            if let value = m.lookup(key) { return value }
            let keyText: String
            if case .string(let s) = key { keyText = s } else { keyText = key.literal }
            return .error(EvalError(.noSuchKey, "no such key: '\(keyText)'", field: keyText))
        default:
            return .error(EvalError.noOverload("_[_]", [container, key]))
        }
    }
}
