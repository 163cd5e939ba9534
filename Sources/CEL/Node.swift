/// The evaluation plan: an expression tree with identifiers, functions and macros resolved.
final class Node: Sendable {
    let id: Int
    let op: Op

    init(id: Int, op: Op) {
        self.id = id
        self.op = op
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
