import CEL

/// Hints for CEL errors in a rule, in the rule author's terms. The checker's own hint comes first
/// (it knows the operands: `flow.personal == 'true'`); these add what only the rule environment
/// knows: which variable is the subject, and how dates are written.
enum CheckErrorHints {
    static func hint(for diagnostic: CEL.Diagnostic, expression text: String, subject: SubjectKind) -> String? {
        if let hint = diagnostic.hint { return hint }
        let message = diagnostic.message
        if message.contains("undeclared reference") {
            // The checker says the same of an unknown function: the subject is no help there.
            if calls(at: diagnostic.location.offset, in: text) {
                return "the functions a rule can call are listed in Rules/README.md"
            }
            return "the subject of a `for-each: \(subject.rawValue)` rule is `\(subject.variable)`; see Rules/README.md for the variables"
        }
        if message.contains("undefined field") {
            return "field names are the YAML keys with `-` written as `_`; derived facts are listed in Rules/README.md"
        }
        if message.hasPrefix("type 'list("), message.hasSuffix("does not support field selection") {
            return listSelectionHint(at: diagnostic.location.offset, in: text, subject: subject)
        }
        if message.contains("(timestamp, string)") || message.contains("(string, timestamp)") {
            return "write date('2026-03-01') for a date, timestamp('2026-03-01T12:00:00Z') for a moment"
        }
        return nil
    }

    /// Whether the name at `offset` is called: `in_eaa(x)`, not a variable.
    private static func calls(at offset: Int, in text: String) -> Bool {
        let rest = text.unicodeScalars.dropFirst(offset)
        let name = rest.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
        return rest.dropFirst(name.count).first { $0 != " " } == "("
    }

    /// `data.personal`: a field of the list of every object where the subject was meant, or of a
    /// list fact whose items were meant.
    private static func listSelectionHint(at offset: Int, in text: String, subject: SubjectKind) -> String {
        let before = String(String.UnicodeScalarView(text.unicodeScalars.prefix(offset)))
        let list = subject.listVariable + "."
        if subject != .project, before.hasSuffix(list) {
            let head = before.dropLast(list.count)
            if head.last.map({ !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }) ?? true {
                return "the subject of a `for-each: \(subject.rawValue)` rule is `\(subject.variable)`; "
                    + "`\(subject.listVariable)` is the list of them all"
            }
        }
        return "a list has no fields: test its items with `.exists(x, x.field)` or `.all(x, x.field)`"
    }
}
