/// The values of an expression's sub-expressions from one traced evaluation.
public struct Trace: Sendable {
    public let result: Value
    /// Node id -> value. Inside a comprehension a node's last value is kept.
    public let values: [Int: Value]
    /// Node id -> how many times it was evaluated (0 or absent: short-circuited away).
    public let counts: [Int: Int]
    public let source: Source
    public let ast: Expr

    /// One step of the explanation: a node, its source text, and its value if it was evaluated.
    public struct Step: Sendable {
        public let id: Int
        public let text: String
        public let location: SourceLocation
        public let value: Value?
        public let evaluations: Int
        /// Depth in the tree (0 = the whole expression), for indentation.
        public let depth: Int
    }

    /// The source text of node `id`.
    public func text(of id: Int) -> String? {
        var found: String?
        ast.forEachNode { node in
            if node.id == id { found = source.nodeText(node.start, node.end) }
        }
        return found
    }

    /// Every node in source order (pre-order), with its text and value; literals are skipped.
    public var steps: [Step] {
        var result: [Step] = []
        var stack: [(Expr, Int)] = [(ast, 0)]
        while let (node, depth) = stack.popLast() {
            if case .literal = node.kind {} else {
                result.append(Step(id: node.id, text: source.nodeText(node.start, node.end),
                                   location: source.location(of: node.offset), value: values[node.id],
                                   evaluations: counts[node.id] ?? 0, depth: depth))
            }
            var children: [Expr] = []
            switch node.kind {
            case .literal, .ident: break
            case .select(let operand, _, _): children = [operand]
            case .call(let target, _, let args): children = (target.map { [$0] } ?? []) + args
            case .list(let elements): children = elements
            case .map(let entries), .message(_, let entries): children = entries.flatMap { [$0.key, $0.value] }
            case .comprehension(let c): children = [c.range] + (c.filter.map { [$0] } ?? []) + [c.body]
            }
            for child in children.reversed() { stack.append((child, depth + 1)) }
        }
        return result
    }

    /// A plain-text rendering: one line per sub-expression, `text = value`.
    public func rendered() -> String {
        steps.map { step in
            let value = step.value.map { $0.literal } ?? "(not evaluated)"
            return String(repeating: "  ", count: step.depth) + step.text + " = " + value
        }.joined(separator: "\n")
    }
}
