/// Placeholder checker (replaced by the full checker).
struct Checker {
    let environment: Environment
    let source: Source
    var diagnostics: [Diagnostic] = []
    init(environment: Environment, source: Source) {
        self.environment = environment
        self.source = source
    }
    mutating func check(_ e: Expr) -> CELType { .dyn }
}
