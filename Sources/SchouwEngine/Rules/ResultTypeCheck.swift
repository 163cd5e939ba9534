import Foundation
import CEL

/// A `when` or `assert` must give a bool. One that gives a string or a number type-checks as an
/// expression, but at audit time every subject became *unknown* without saying why, so such a rule
/// is refused when it loads. `dyn` passes: its type is known only at run time.
enum ResultTypeCheck {
    /// The problem with `program` as the rule's `key` (`when`, `assert`), or nil when it gives a
    /// bool or may.
    static func problem(_ program: Program, key: String, environment: RuleEnvironment,
                        subject: Environment) -> ExpressionProblem? {
        let type = program.resultType
        switch type {
        case .bool, .dyn, .error, .param: return nil
        default: break
        }
        return ExpressionProblem(offset: program.ast.start,
                                 message: "\(key) must give a bool; this gives \(type.readable)",
                                 hint: hint(program, type, environment: environment, subject: subject))
    }

    /// A comparison of the right kind for the type, written with the expression itself when it is short.
    static func hint(_ program: Program, _ type: CELType, environment: RuleEnvironment, subject: Environment) -> String {
        let text = program.source.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let e = text.count <= 60 && !text.contains("\n") ? text : "(...)"
        switch type {
        case .string:
            if let values = enumerationValues(program, environment: environment, subject: subject), let first = values.first {
                if values.contains("none") { return "compare it: `\(e) != 'none'`" }
                return "compare it with one of its values: `\(e) == '\(first)'` (values: \(values.joined(separator: ", ")))"
            }
            return "compare it: `\(e) == 'value'`, or `\(e) in ['a', 'b']`"
        case .int, .uint, .double:
            return "compare it: `\(e) > 0`"
        case .duration:
            return "compare it: `\(e) <= duration('P1Y')`"
        case .timestamp:
            return "compare it: `now - \(e) <= duration('P1Y')`"
        case .list:
            return "test its items: `\(e).exists(x, ...)`, or its length: `size(\(e)) > 0`"
        case .map, .object:
            return "read one of its bool fields, or test whether a field is given with `has(\(e).field)`"
        default:
            return "write a condition that is true or false, such as a comparison"
        }
    }

    /// The allowed values when the expression is an enumerated field (`flow.encryption`).
    private static func enumerationValues(_ program: Program, environment: RuleEnvironment,
                                          subject: Environment) -> [String]? {
        guard let path = program.ast.dottedPath,
              case .resolved(_, let owner?, let field?) = environment.resolve(path.split(separator: ".").map(String.init), in: subject)
        else { return nil }
        return environment.enumerations[owner + "." + field]
    }
}
