/// A parsed CEL expression: a tree of nodes, each with a unique id and a source range.
///
/// Macros (`all`, `exists`, `exists_one`, `map`, `filter`) are expanded by the parser into
/// `comprehension` nodes; `has(a.b)` becomes a `select` with `testOnly` set.
public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
        case literal(Value)
        case ident(String)
        case select(operand: Expr, field: String, testOnly: Bool)
        case call(target: Expr?, function: String, args: [Expr])
        case list([Expr])
        case map([MapEntry])
        case comprehension(Comprehension)
        /// A message construction `Name{field: value}`; parsed so it can be reported, never evaluated.
        case message(typeName: String, fields: [MapEntry])
    }

    public struct MapEntry: Sendable {
        public var key: Expr
        public var value: Expr
    }

    public var id: Int
    /// Scalar offsets of the node's source text: `start..<end`; `offset` is where diagnostics point.
    public var start: Int
    public var end: Int
    public var offset: Int
    /// Height of the tree below this node; used to refuse expressions that nest too deeply.
    public var height: Int
    public var kind: Kind
}

/// A macro expansion: iterate `range`, binding `iterVar` to each element (or key of a map).
public struct Comprehension: Sendable {
    public enum Macro: String, Sendable {
        case all, exists, existsOne = "exists_one", map, filter
        /// `cel.bind(name, value, body)`: `range` is the value bound to `iterVar` while `body` runs.
        case bind = "cel.bind"
    }

    public var macro: Macro
    public var iterVar: String
    public var range: Expr
    /// For `all`/`exists`/`exists_one`/`filter` the predicate; for `map` the transform.
    public var body: Expr
    /// For the three-argument `map(x, predicate, transform)`.
    public var filter: Expr?
}

extension Expr {
    /// The expression's function name if it is a call, for callers that inspect shapes.
    public var functionName: String? {
        if case .call(_, let function, _) = kind { return function }
        return nil
    }

    /// The first name of a dotted path (`flow` of `flow.to.zone` and of `.flow.to`), found by byte:
    /// splitting the string by characters cost more than the rest of checking a select.
    static func rootName(ofDottedPath path: String) -> Substring {
        let utf8 = path.utf8
        let start = utf8.firstIndex { $0 != UInt8(ascii: ".") } ?? utf8.endIndex
        let end = utf8[start...].firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
        return path[start..<end]
    }

    /// `a.b.c` for a select chain rooted at an identifier, nil otherwise.
    public var dottedPath: String? {
        switch kind {
        case .ident(let name): return name
        case .select(let operand, let field, false):
            guard let base = operand.dottedPath else { return nil }
            return base + "." + field
        default: return nil
        }
    }

    /// Calls `visit` for this node and every node below it, iteratively (no recursion).
    public func forEachNode(_ visit: (Expr) -> Void) {
        var stack: [Expr] = [self]
        while let node = stack.popLast() {
            visit(node)
            switch node.kind {
            case .literal, .ident: break
            case .select(let operand, _, _): stack.append(operand)
            case .call(let target, _, let args):
                stack.append(contentsOf: args.reversed())
                if let target { stack.append(target) }
            case .list(let elements): stack.append(contentsOf: elements.reversed())
            case .map(let entries), .message(_, let entries):
                for entry in entries.reversed() { stack.append(entry.value); stack.append(entry.key) }
            case .comprehension(let c):
                if let filter = c.filter { stack.append(filter) }
                stack.append(c.body)
                stack.append(c.range)
            }
        }
    }
}
