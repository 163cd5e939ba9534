/// Static type checking: resolves identifiers, fields and overloads against an `Environment` and
/// reports problems with positions. Types that cannot be known (`dyn`) are accepted everywhere, so
/// the checker never rejects an expression that could succeed at run time for declared types.
struct Checker {
    let environment: Environment
    let source: Source
    var diagnostics: [Diagnostic] = []
    private var scopes: [(name: String, type: CELType)] = []

    init(environment: Environment, source: Source) {
        self.environment = environment
        self.source = source
    }

    private mutating func report(_ message: String, at offset: Int, hint: String? = nil) {
        diagnostics.append(Diagnostic(phase: .check, message: message, location: source.location(of: offset), hint: hint))
    }

    mutating func check(_ e: Expr) -> CELType {
        switch e.kind {
        case .literal(let value):
            return Checker.type(of: value)
        case .ident(let name):
            return identifier(name, offset: e.offset)
        case .select(let operand, let field, let testOnly):
            if !testOnly, let resolved = qualified(e) { return resolved }
            let operandType = check(operand)
            let fieldType = select(operandType, field: field, offset: e.offset)
            return testOnly ? .bool : fieldType
        case .call(let target, let function, let args):
            return call(e, target: target, function: function, args: args)
        case .list(let elements):
            let types = elements.map { check($0) }
            return .list(Checker.join(types))
        case .map(let entries):
            var keys: [CELType] = [], values: [CELType] = []
            for entry in entries {
                let keyType = check(entry.key)
                switch keyType {
                case .string, .int, .uint, .bool, .dyn, .error, .param: break
                default: report("unsupported map key type \(keyType.readable)", at: entry.key.offset)
                }
                keys.append(keyType)
                values.append(check(entry.value))
            }
            return .map(Checker.join(keys), Checker.join(values))
        case .message(let typeName, let fields):
            for field in fields { _ = check(field.value) }
            report("message construction (\(typeName){...}) is not supported", at: e.offset)
            return .error
        case .comprehension(let c) where c.macro == .bind:
            let valueType = check(c.range)
            scopes.append((c.iterVar, valueType))
            defer { scopes.removeLast() }
            return check(c.body)
        case .comprehension(let c):
            let rangeType = check(c.range)
            let elementType: CELType
            switch rangeType {
            case .list(let element): elementType = element
            case .map(let key, _): elementType = key
            case .dyn, .error, .param: elementType = .dyn
            default:
                report("\(c.macro.rawValue)() needs a list or map, not \(rangeType.readable)", at: c.range.offset)
                elementType = .error
            }
            scopes.append((c.iterVar, elementType))
            defer { scopes.removeLast() }
            if let filter = c.filter { expectBool(check(filter), at: filter.offset, what: "the map() filter") }
            let bodyType = check(c.body)
            switch c.macro {
            case .all, .exists, .existsOne:
                expectBool(bodyType, at: c.body.offset, what: "the \(c.macro.rawValue)() predicate")
                return .bool
            case .filter:
                expectBool(bodyType, at: c.body.offset, what: "the filter() predicate")
                return .list(elementType)
            case .map:
                return .list(bodyType)
            case .bind:
                return bodyType
            }
        }
    }

    /// `what` is only composed when the type is wrong: most operands are fine.
    private mutating func expectBool(_ type: CELType, at offset: Int, what: @autoclosure () -> String) {
        switch type {
        case .bool, .dyn, .error, .param: return
        default: report("\(what()) must be a bool, not \(type.readable)", at: offset)
        }
    }

    // MARK: - Identifiers and fields

    private mutating func identifier(_ rawName: String, offset: Int) -> CELType {
        let name = rawName.hasPrefix(".") ? String(rawName.dropFirst()) : rawName
        if !rawName.hasPrefix("."), let local = scopes.last(where: { $0.name == name }) { return local.type }
        if let type = environment.variables[name] { return type }
        if let type = Planner.typeNames[name] {
            return .type(CELType.parse(type.name) ?? .dyn)
        }
        if environment.objectTypes[name] != nil { return .type(.object(name)) }
        var message = "undeclared reference to '\(name)'"
        let candidates = Array(environment.variables.keys) + scopes.map(\.name)
        if let suggestion = Checker.suggestion(for: name, among: candidates) {
            message += " (did you mean '\(suggestion)'?)"
        }
        report(message, at: offset)
        return .error
    }

    /// `a.b.c` as a declared dotted variable or type name; nil when it is an ordinary selection.
    private mutating func qualified(_ e: Expr) -> CELType? {
        guard var path = e.dottedPath else { return nil }
        if path.hasPrefix(".") { path.removeFirst() }
        let root = String(Expr.rootName(ofDottedPath: path))
        if scopes.contains(where: { $0.name == root }) { return nil }
        if let type = environment.variables[path] { return type }
        if environment.variables[root] == nil, let type = Planner.typeNames[path] {
            return .type(CELType.parse(type.name) ?? .dyn)
        }
        if environment.variables[root] == nil, environment.objectTypes[path] != nil { return .type(.object(path)) }
        return nil
    }

    private mutating func select(_ operandType: CELType, field: String, offset: Int) -> CELType {
        switch operandType {
        case .object(let name):
            guard let object = environment.objectTypes[name] else { return .dyn }
            if let type = object.fields[field] { return type }
            var message = "undefined field '\(field)' on type '\(name)'"
            if let suggestion = Checker.suggestion(for: field, among: Array(object.fields.keys)) {
                message += " (did you mean '\(suggestion)'?)"
            }
            report(message, at: offset)
            return .error
        case .map(let key, let value):
            switch key {
            case .string, .dyn, .error, .param: return value
            default:
                report("field selection needs a map with string keys, not \(operandType.readable)", at: offset)
                return .error
            }
        case .dyn, .error, .param:
            return .dyn
        default:
            report("type '\(operandType.readable)' does not support field selection", at: offset)
            return .error
        }
    }

    // MARK: - Calls

    private mutating func call(_ e: Expr, target: Expr?, function: String, args: [Expr]) -> CELType {
        let name = function.hasPrefix(".") ? String(function.dropFirst()) : function
        switch name {
        case "_&&_", "_||_", "!_":
            for arg in args { expectBool(check(arg), at: arg.offset, what: "operand of '\(EvalError.displayName(name))'") }
            return .bool
        case "_?_:_" where args.count == 3:
            expectBool(check(args[0]), at: args[0].offset, what: "the condition of '?:'")
            return Checker.join([check(args[1]), check(args[2])])
        case "_==_", "_!=_":
            let left = check(args[0]), right = check(args[1])
            if !Checker.comparableForEquality(left, right) {
                report("found no matching overload for '\(EvalError.displayName(name))' applied to '(\(left.readable), \(right.readable))'",
                       at: e.offset, hint: quotedLiteralHint([left, right], args))
            }
            return .bool
        default:
            break
        }
        var argTypes: [CELType] = []
        var qualifiedName = name
        var member = target != nil
        if let target {
            if let path = target.dottedPath, !scopes.contains(where: { $0.name == Expr.rootName(ofDottedPath: path) }),
               environment.variables[path] == nil,
               environment.library.functions[path + "." + name] != nil || Checker.operators[path + "." + name] != nil {
                qualifiedName = path + "." + name
                member = false
            } else {
                argTypes.append(check(target))
            }
        }
        argTypes.append(contentsOf: args.map { check($0) })
        let overloads: [Overload]
        if let operatorOverloads = Checker.operators[qualifiedName], !member {
            overloads = operatorOverloads
        } else if let decl = environment.library.functions[qualifiedName] {
            overloads = decl.overloads.filter { $0.isMember == member }
        } else {
            var message = "undeclared reference to '\(qualifiedName)'"
            let known = Array(environment.library.functions.keys)
            if let suggestion = Checker.suggestion(for: qualifiedName, among: known) {
                message += " (did you mean '\(suggestion)'?)"
            }
            report(message, at: e.offset)
            return .error
        }
        var results: [CELType] = []
        for overload in overloads where overload.parameters.count == argTypes.count {
            var bindings: [String: CELType] = [:]
            if zip(overload.parameters, argTypes).allSatisfy({ Checker.assignable($1, to: $0, &bindings) }) {
                results.append(Checker.substitute(overload.result, bindings))
            }
        }
        if results.isEmpty {
            if argTypes.contains(.error) { return .error }
            let shown = argTypes.map(\.readable).joined(separator: ", ")
            let style = member ? "receiver-style " : ""
            var hint: String?
            if Checker.operators[qualifiedName] != nil, !member {
                hint = quotedLiteralHint(argTypes, args)
            } else if member, name == "contains", let target, case .list = argTypes[0], args.count == 1 {
                hint = "to test whether a list holds a value, write `\(source.nodeText(args[0].start, args[0].end)) in \(source.nodeText(target.start, target.end))`"
            }
            report("found no matching overload for \(style)'\(EvalError.displayName(qualifiedName))' applied to '(\(shown))'",
                   at: e.offset, hint: hint)
            return .error
        }
        return Checker.join(results)
    }

    /// A hint for an operator applied to a value and a quoted literal that was meant as another
    /// type: `flow.personal == 'true'`, `asset.retention <= 'P1Y'`. Nil for any other mismatch.
    private func quotedLiteralHint(_ types: [CELType], _ operands: [Expr]) -> String? {
        guard types.count == 2, operands.count == 2 else { return nil }
        for (other, quoted) in [(0, 1), (1, 0)] {
            guard types[quoted] == .string, case .literal(.string(let text)) = operands[quoted].kind else { continue }
            let written = source.slice(operands[quoted].start, operands[quoted].end)
            switch types[other] {
            case .bool where text == "true" || text == "false":
                return "write \(text) without quotes"
            case .int where Int64(text) != nil, .uint where UInt64(text) != nil, .double where Double(text) != nil:
                return "write \(text) without quotes"
            case .duration where converts("duration", text):
                return "write duration(\(written))"
            case .timestamp where converts("timestamp", text):
                return "write timestamp(\(written))"
            default:
                continue
            }
        }
        return nil
    }

    /// Whether the environment's conversion `function(string)` accepts `text`, so a hint never
    /// proposes a call that would fail.
    private func converts(_ function: String, _ text: String) -> Bool {
        environment.library.acceptsLiteral(text, function: function) == true
    }

    // MARK: - Type relations

    static func type(of value: Value) -> CELType {
        switch value {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .list: return .list(.dyn)
        case .map: return .map(.dyn, .dyn)
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .type: return .type(.dyn)
        case .error: return .error
        }
    }

    /// The common type of several expressions; `dyn` when they differ.
    static func join(_ types: [CELType]) -> CELType {
        let concrete = types.filter { $0 != .error }
        guard let first = concrete.first else { return types.isEmpty ? .dyn : .error }
        return concrete.allSatisfy { $0 == first } ? first : .dyn
    }

    static func isNumeric(_ t: CELType) -> Bool { t == .int || t == .uint || t == .double }

    static func comparableForEquality(_ a: CELType, _ b: CELType) -> Bool {
        if a.isDynamic || b.isDynamic || a == .null || b == .null { return true }
        if isNumeric(a) && isNumeric(b) { return true }
        switch (a, b) {
        case (.type, .type): return true
        case (.list(let x), .list(let y)): return comparableForEquality(x, y)
        case (.map(let xk, let xv), .map(let yk, let yv)): return comparableForEquality(xk, yk) && comparableForEquality(xv, yv)
        case (.object(let x), .map(let k, _)), (.map(let k, _), .object(let x)):
            _ = x
            return k == .string || k.isDynamic
        default: return a == b
        }
    }

    /// Whether an argument of type `arg` may be passed for a parameter of type `param`, binding
    /// type parameters as it goes.
    static func assignable(_ arg: CELType, to param: CELType, _ bindings: inout [String: CELType]) -> Bool {
        if arg == .dyn || arg == .error { return true }
        switch param {
        case .dyn, .error: return true
        case .param(let name):
            if let bound = bindings[name] {
                if bound == .dyn { return true }
                if assignable(arg, to: bound, &bindings) { return true }
                if case .param = arg { return true }
                // Mixed element types widen to dyn rather than failing.
                bindings[name] = .dyn
                return true
            }
            bindings[name] = arg
            return true
        case .list(let element):
            if case .list(let argElement) = arg { return assignable(argElement, to: element, &bindings) }
            if case .param = arg { return true }
            return false
        case .map(let key, let value):
            if case .map(let argKey, let argValue) = arg {
                return assignable(argKey, to: key, &bindings) && assignable(argValue, to: value, &bindings)
            }
            if case .object = arg, key == .string || key.isDynamic { return true }
            if case .param = arg { return true }
            return false
        case .type:
            if case .type = arg { return true }
            return arg.isDynamic
        case .object(let name):
            if case .object(let argName) = arg { return name == argName }
            return arg == .null || arg.isDynamic
        default:
            if case .param = arg { return true }
            return arg == param
        }
    }

    static func substitute(_ type: CELType, _ bindings: [String: CELType]) -> CELType {
        switch type {
        case .param(let name): return bindings[name] ?? .dyn
        case .list(let e): return .list(substitute(e, bindings))
        case .map(let k, let v): return .map(substitute(k, bindings), substitute(v, bindings))
        case .type(let t): return .type(substitute(t, bindings))
        default: return type
        }
    }

    /// The closest candidate within an edit distance of about a third of the name's length.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        let limit = max(1, name.count / 3)
        var best: (String, Int)?
        for candidate in candidates.sorted() where candidate != name {
            let distance = editDistance(name, candidate)
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }

    /// Operator signatures (operators are evaluated by dedicated plan nodes, not the library).
    static let operators: [String: [Overload]] = {
        var table: [String: [Overload]] = [:]
        func add(_ name: String, _ params: [CELType], _ result: CELType) {
            table[name, default: []].append(Overload(id: name, parameters: params, result: result, implementation: nil))
        }
        let numeric: [CELType] = [.int, .uint, .double]
        for t in numeric {
            add("_+_", [t, t], t); add("_-_", [t, t], t); add("_*_", [t, t], t); add("_/_", [t, t], t)
        }
        add("_%_", [.int, .int], .int); add("_%_", [.uint, .uint], .uint)
        add("_+_", [.string, .string], .string); add("_+_", [.bytes, .bytes], .bytes)
        add("_+_", [.list(.param("A")), .list(.param("A"))], .list(.param("A")))
        add("_+_", [.timestamp, .duration], .timestamp); add("_+_", [.duration, .timestamp], .timestamp)
        add("_+_", [.duration, .duration], .duration)
        add("_-_", [.timestamp, .timestamp], .duration); add("_-_", [.timestamp, .duration], .timestamp)
        add("_-_", [.duration, .duration], .duration)
        add("-_", [.int], .int); add("-_", [.double], .double)
        let ordered: [CELType] = [.string, .bytes, .bool, .timestamp, .duration]
        for op in ["_<_", "_<=_", "_>_", "_>=_"] {
            for a in numeric { for b in numeric { add(op, [a, b], .bool) } }
            for t in ordered { add(op, [t, t], .bool) }
        }
        add("_[_]", [.list(.param("A")), .int], .param("A"))
        add("_[_]", [.list(.param("A")), .uint], .param("A"))
        add("_[_]", [.map(.param("K"), .param("V")), .param("K")], .param("V"))
        add("@in", [.param("A"), .list(.param("A"))], .bool)
        add("@in", [.param("A"), .map(.param("A"), .param("B"))], .bool)
        return table
    }()
}
