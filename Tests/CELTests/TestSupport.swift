@testable import CEL

/// Compiles and evaluates `text` with the given variables (declared as `dyn` unless typed).
func evaluate(_ text: String, _ variables: [String: Value] = [:], types: [String: CELType] = [:]) throws -> Value {
    var env = Environment()
    for name in variables.keys { env.declare(variable: name, type: types[name] ?? .dyn) }
    return try env.compile(text).evaluate(variables)
}

func evalError(_ text: String, _ variables: [String: Value] = [:]) throws -> EvalError? {
    if case .error(let e) = try evaluate(text, variables) { return e }
    return nil
}

