/// A problem a rule's own checks find in a compiled expression, at a scalar offset into the
/// expression's text; the loader maps the offset to the rule file's line and column.
struct ExpressionProblem: Sendable, Equatable {
    var offset: Int
    var message: String
    var hint: String?
}
