/// Resolves a parsed expression into an evaluation plan: locals get slots, operators get dedicated
/// nodes, calls get their overload lists, qualified names get their candidate bindings.
struct Planner {
    let library: FunctionLibrary
    /// Variables the environment declares; used to resolve dotted names such as `a.b.c` statically.
    let declaredVariables: Dictionary<String, CELType>.Keys
    /// Each comprehension variable in scope, with how errors name it: `e` over `system.endpoints`
    /// is `system.endpoints[]`, so a missing `e.dnssec` reads `system.endpoints[].dnssec`.
    private var scopes: [(name: String, slot: Int, shownAs: String)] = []
    private(set) var slotCount = 0

    /// Type names usable as values in expressions (`type(x) == int`).
    static let typeNames: [String: TypeValue] = [
        "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string, "bytes": .bytes,
        "list": .list, "map": .map, "null_type": .nullType, "type": .type,
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
    ]

    /// Declared object types, usable as type values (`type(p) == schouw.Party`).
    let objectTypeNames: Dictionary<String, ObjectType>.Keys

    /// The environment's own key views: looked up in place, not copied into sets per compilation.
    init(library: FunctionLibrary, declaredVariables: Dictionary<String, CELType>.Keys,
         objectTypeNames: Dictionary<String, ObjectType>.Keys) {
        self.library = library
        self.declaredVariables = declaredVariables
        self.objectTypeNames = objectTypeNames
    }

    private func typeValue(named name: String) -> TypeValue? {
        if let type = Planner.typeNames[name] { return type }
        return objectTypeNames.contains(name) ? TypeValue(name: name) : nil
    }

    private func local(_ name: String) -> Int? {
        scopes.last { $0.name == name }?.slot
    }

    /// A dotted path as errors show it: a comprehension variable at its root is named by its range.
    private func shown(_ path: String?) -> String? {
        guard let path else { return nil }
        let root = path.prefix { $0 != "." }
        guard let scope = scopes.last(where: { $0.name == root }) else { return path }
        return scope.shownAs + path.dropFirst(root.count)
    }

    mutating func plan(_ e: Expr) -> Node {
        Node(id: e.id, op: planOp(e))
    }

    private mutating func planOp(_ e: Expr) -> Node.Op {
        switch e.kind {
        case .literal(let value):
            return .constant(value)
        case .ident(let name):
            return identifier(name)
        case .select(let operand, let field, let testOnly):
            if testOnly { return .has(plan(operand), field: FieldName(field)) }
            return select(e, operand: operand, field: field)
        case .call(let target, let function, let args):
            return call(e, target: target, function: function, args: args)
        case .list(let elements):
            let nodes = elements.map { plan($0) }
            // A list of literals (`role in ['recipient', 'third-party']`) is the same value for every
            // evaluation: built once here instead of allocated per subject.
            let constants = nodes.compactMap { node -> Value? in
                if case .constant(let value) = node.op, !value.isError { return value }
                return nil
            }
            if constants.count == nodes.count { return .constant(.list(constants)) }
            return .list(nodes)
        case .map(let entries):
            return .map(entries.map { (plan($0.key), plan($0.value)) })
        case .message(let typeName, _):
            return .fail(EvalError(.invalidArgument, "message construction (\(typeName){...}) is not supported", exprID: e.id))
        case .comprehension(let c):
            let range = plan(c.range)
            let slot = scopes.count
            scopes.append((c.iterVar, slot, shown(c.range.dottedPath).map { $0 + "[]" } ?? c.iterVar))
            slotCount = max(slotCount, scopes.count)
            let body = plan(c.body)
            let filter = c.filter.map { plan($0) }
            scopes.removeLast()
            return .comprehension(macro: c.macro, slot: slot, range: range, body: body, filter: filter)
        }
    }

    private func identifier(_ name: String) -> Node.Op {
        if name.hasPrefix(".") { return .variable(FieldName(String(name.dropFirst()))) }
        if let slot = local(name) { return .local(slot) }
        if !declaredVariables.contains(name), let type = typeValue(named: name) { return .constant(.type(type)) }
        return .variable(FieldName(name))
    }

    /// The identifier and field names of a select chain `a.b.c`, if it is one.
    private func chain(_ e: Expr) -> [String]? {
        switch e.kind {
        case .ident(let name): return [name]
        case .select(let operand, let field, false):
            guard var parts = chain(operand) else { return nil }
            parts.append(field)
            return parts
        default: return nil
        }
    }

    private mutating func select(_ e: Expr, operand: Expr, field: String) -> Node.Op {
        let simple: () -> Node.Op = { [self] in
            var copy = self
            return .select(copy.plan(operand), field: FieldName(field), path: copy.shown(operand.dottedPath))
        }
        if case .ident(let name) = operand.kind, !name.hasPrefix("."), let slot = local(name) {
            return .localSelect(slot: slot, field: FieldName(field), path: shown(name) ?? name, operandID: operand.id)
        }
        guard var parts = chain(e), let root = parts.first, local(root) == nil else {
            return simple()
        }
        let leadingDot = root.hasPrefix(".")
        if leadingDot { parts[0] = String(root.dropFirst()) }
        // Known type names and statically declared dotted variables resolve now.
        for length in stride(from: parts.count, through: 2, by: -1) {
            let name = parts[0..<length].joined(separator: ".")
            if length == parts.count, !declaredVariables.contains(name), let type = typeValue(named: name) {
                return .constant(.type(type))
            }
            if declaredVariables.contains(name) {
                var node = Node(id: e.id, op: .variable(FieldName(name)))
                var path = name
                for field in parts[length...] {
                    node = Node(id: e.id, op: .select(node, field: FieldName(field), path: path))
                    path += "." + field
                }
                return node.op
            }
        }
        // A declared root variable with no declared dotted name on top is a plain chain of selects,
        // as the checker resolved it: no dotted-name lookup at run time.
        if !leadingDot, declaredVariables.contains(parts[0]) { return simple() }
        var candidates: [(name: String, rest: [FieldName])] = []
        for length in stride(from: parts.count, through: 2, by: -1) {
            candidates.append((parts[0..<length].joined(separator: "."), parts[length...].map { FieldName($0) }))
        }
        return .qualified(candidates: candidates, fallback: Node(id: e.id, op: simple()))
    }

    private mutating func call(_ e: Expr, target: Expr?, function: String, args: [Expr]) -> Node.Op {
        if target == nil {
            switch (function, args.count) {
            case ("_&&_", 2): return .and2(plan(args[0]), plan(args[1]))
            case ("_||_", 2): return .or2(plan(args[0]), plan(args[1]))
            case ("_&&_", 3...): return .and(args.map { plan($0) })
            case ("_||_", 3...): return .or(args.map { plan($0) })
            case ("_?_:_", 3): return .conditional(plan(args[0]), plan(args[1]), plan(args[2]))
            case ("!_", 1): return .not(plan(args[0]))
            case ("-_", 1): return .negate(plan(args[0]))
            case ("_[_]", 2): return .index(plan(args[0]), plan(args[1]))
            case ("@in", 2): return .membership(plan(args[0]), plan(args[1]))
            case ("_==_", 2): return .equals(plan(args[0]), plan(args[1]), negated: false)
            case ("_!=_", 2): return .equals(plan(args[0]), plan(args[1]), negated: true)
            case ("_<_", 2): return .relation(.less, plan(args[0]), plan(args[1]))
            case ("_<=_", 2): return .relation(.lessOrEqual, plan(args[0]), plan(args[1]))
            case ("_>_", 2): return .relation(.greater, plan(args[0]), plan(args[1]))
            case ("_>=_", 2): return .relation(.greaterOrEqual, plan(args[0]), plan(args[1]))
            case ("_+_", 2): return .arithmetic(.add, plan(args[0]), plan(args[1]))
            case ("_-_", 2): return .arithmetic(.subtract, plan(args[0]), plan(args[1]))
            case ("_*_", 2): return .arithmetic(.multiply, plan(args[0]), plan(args[1]))
            case ("_/_", 2): return .arithmetic(.divide, plan(args[0]), plan(args[1]))
            case ("_%_", 2): return .arithmetic(.modulo, plan(args[0]), plan(args[1]))
            default: break
            }
        }
        var name = function.hasPrefix(".") ? String(function.dropFirst()) : function
        var member = target != nil
        var argNodes: [Node] = []
        if let target {
            // `sets.contains(a, b)`: a namespaced global function, unless `sets` is a local.
            if let path = chain(target)?.joined(separator: "."), local(String(Expr.rootName(ofDottedPath: path))) == nil,
               library.functions[path + "." + name] != nil, !declaredVariables.contains(path) {
                name = path + "." + name
                member = false
            } else {
                argNodes.append(plan(target))
            }
        }
        argNodes.append(contentsOf: args.map { plan($0) })
        guard let decl = library.functions[name] else {
            return .fail(EvalError(.noMatchingOverload, "no such function: \(name)", exprID: e.id))
        }
        let overloads = decl.overloads.filter { $0.isMember == member && $0.parameters.count == argNodes.count }
        guard !overloads.isEmpty else {
            let style = member ? "receiver-style " : ""
            return .fail(EvalError(.noMatchingOverload,
                                   "no such overload: \(style)\(name) with \(argNodes.count) argument(s)", exprID: e.id))
        }
        if Planner.foldable.contains(name), let folded = fold(overloads, argNodes) { return .constant(folded) }
        return .call(name: name, overloads: overloads, args: argNodes)
    }

    /// Conversions that depend on their argument alone: `duration('P3M')` on a literal is the same
    /// value for every subject, so it is computed once here instead of parsed per evaluation.
    static let foldable: Set<String> = ["duration", "timestamp"]

    /// The value of a call whose arguments are all constants, unless it is an error (errors keep
    /// their place and their expression id at run time).
    private func fold(_ overloads: [Overload], _ args: [Node]) -> Value? {
        var values: [Value] = []
        for arg in args {
            guard case .constant(let value) = arg.op else { return nil }
            values.append(value)
        }
        guard let overload = overloads.first(where: { $0.accepts(values) }), let implementation = overload.implementation else {
            return nil
        }
        let result = implementation(values)
        return result.isError ? nil : result
    }
}
