/// The evaluation plan: an expression tree with identifiers, functions and macros resolved.
final class Node: Sendable {
    let id: Int
    /// What the node does, as the planner built it and as tools that inspect a plan read it.
    let op: Op

    // MARK: The same operation unpacked for the evaluator
    //
    // Matching on `op` copies the case's payload, which retains every child node and string on
    // each step of every evaluation: that was half the time of a simple rule expression. The
    // evaluator reads these fields instead. Children are unmanaged references: `op` keeps them
    // alive for as long as this node lives, and the evaluator only borrows them.

    let kind: Kind
    /// The operand(s) of one-, two- and three-operand nodes, in source order (for a comprehension:
    /// range, body, filter; for a qualified name: the field-by-field fallback).
    let first: Unmanaged<Node>?
    let second: Unmanaged<Node>?
    let third: Unmanaged<Node>?
    /// The operands of `&&`/`||` with more than two operands, list elements and call arguments.
    let operands: [Unmanaged<Node>]
    /// The variable or field a lookup names (empty for other nodes).
    let field: FieldName
    /// The dotted text of a select's operand, for messages about missing fields.
    let path: String?
    /// For a select on a chain of selects rooted at a variable (`flow.to_zone.trust`), the
    /// variable and the fields from it to the operand (`flow`, `[to_zone]`).
    let operandVariable: FieldName?
    let operandFields: [FieldName]
    /// `[path.field]`: what a rule reports as missing when the select finds no field.
    let missingPath: [String]
    /// A constant's value; the error of a `fail` node.
    let constant: Value
    /// A call's overloads, as the planner resolved them.
    let overloads: [Overload]

    /// The kind of operation, with the payloads that need no reference counting.
    enum Kind: Sendable {
        case constant, variable, local(slot: Int), qualified, select, has, index, and, or, and2, or2
        case localSelect(slot: Int, operandID: Int)
        case not, negate, conditional, equals(negated: Bool), relation(RelationOp), arithmetic(ArithmeticOp)
        case membership, list, map, comprehension(Comprehension.Macro, slot: Int), call, fail
    }

    init(id: Int, op: Op) {
        self.id = id
        self.op = op
        var kind = Kind.fail
        var a: Node?, b: Node?, c: Node?
        var operands: [Node] = []
        var field = FieldName.none
        var path: String?
        var operandVariable: FieldName?
        var operandFields: [FieldName] = []
        var constant = Value.null
        var overloads: [Overload] = []
        switch op {
        case .constant(let value): kind = .constant; constant = value
        case .variable(let name): kind = .variable; field = name
        case .local(let slot): kind = .local(slot: slot)
        case .qualified(_, let fallback): kind = .qualified; a = fallback
        case .select(let operand, let name, let dotted):
            kind = .select; a = operand; field = name; path = dotted
            var steps: [FieldName] = []
            var inner = operand
            while case .select(let next, let step, _) = inner.op {
                steps.append(step)
                inner = next
            }
            if case .variable(let variable) = inner.op {
                operandVariable = variable
                operandFields = steps.reversed()
            }
        case .has(let operand, let name): kind = .has; a = operand; field = name
        case .index(let container, let key): kind = .index; a = container; b = key
        case .and(let all): kind = .and; operands = all
        case .or(let all): kind = .or; operands = all
        case .and2(let left, let right): kind = .and2; a = left; b = right
        case .or2(let left, let right): kind = .or2; a = left; b = right
        case .localSelect(let slot, let name, let dotted, let operandID):
            kind = .localSelect(slot: slot, operandID: operandID); field = name; path = dotted
        case .not(let operand): kind = .not; a = operand
        case .negate(let operand): kind = .negate; a = operand
        case .conditional(let condition, let whenTrue, let whenFalse):
            kind = .conditional; a = condition; b = whenTrue; c = whenFalse
        case .equals(let left, let right, let negated): kind = .equals(negated: negated); a = left; b = right
        case .relation(let relation, let left, let right): kind = .relation(relation); a = left; b = right
        case .arithmetic(let arithmetic, let left, let right): kind = .arithmetic(arithmetic); a = left; b = right
        case .membership(let element, let container): kind = .membership; a = element; b = container
        case .list(let elements): kind = .list; operands = elements
        case .map: kind = .map
        case .comprehension(let macro, let slot, let range, let body, let filter):
            kind = .comprehension(macro, slot: slot); a = range; b = body; c = filter
        case .call(_, let candidates, let args): kind = .call; operands = args; overloads = candidates
        case .fail(let error): kind = .fail; constant = .error(error)
        }
        self.kind = kind
        first = a.map(Unmanaged.passUnretained)
        second = b.map(Unmanaged.passUnretained)
        third = c.map(Unmanaged.passUnretained)
        self.operands = operands.map(Unmanaged.passUnretained)
        self.field = field
        self.path = path
        self.operandVariable = operandVariable
        self.operandFields = operandFields
        self.missingPath = path.map { [$0 + "." + field.name] } ?? []
        self.constant = constant
        self.overloads = overloads
    }

    enum ArithmeticOp: Sendable { case add, subtract, multiply, divide, modulo }
    enum RelationOp: Sendable { case less, lessOrEqual, greater, greaterOrEqual }

    enum Op: Sendable {
        case constant(Value)
        /// A variable from the activation.
        case variable(FieldName)
        /// A comprehension variable in the evaluator's local slots.
        case local(Int)
        /// `a.b.c` where `a` is not a local: the activation may bind a dotted name (`a.b`), in which
        /// case the longest bound prefix wins; otherwise `fallback` selects field by field.
        case qualified(candidates: [(name: String, rest: [FieldName])], fallback: Node)
        /// `path` is the dotted text of the operand, when it is a chain of selects on an identifier.
        case select(Node, field: FieldName, path: String?)
        case has(Node, field: FieldName)
        case index(Node, Node)
        case and([Node])
        case or([Node])
        /// Two-operand `&&` / `||`, the common case, without an operand array.
        case and2(Node, Node)
        case or2(Node, Node)
        /// `x.field` where `x` is a comprehension variable: no recursion for the operand.
        case localSelect(slot: Int, field: FieldName, path: String, operandID: Int)
        case not(Node)
        case negate(Node)
        case conditional(Node, Node, Node)
        case equals(Node, Node, negated: Bool)
        case relation(RelationOp, Node, Node)
        case arithmetic(ArithmeticOp, Node, Node)
        case membership(Node, Node)
        case list([Node])
        case map([(Node, Node)])
        case comprehension(macro: Comprehension.Macro, slot: Int, range: Node, body: Node, filter: Node?)
        case call(name: String, overloads: [Overload], args: [Node])
        case fail(EvalError)
    }
}
