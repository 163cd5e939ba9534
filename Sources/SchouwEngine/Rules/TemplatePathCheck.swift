import CEL
import SchouwModel

/// `{{path}}` placeholders in a rule's message and remediation must name the subject or the project
/// and a field that exists: a misspelt one (`{{flow.naam}}`) rendered as `?` in every report.
enum TemplatePathCheck {
    /// Checks the texts under `key` (`message`, `remediation`), reporting at each placeholder.
    static func check(_ reader: MappingReader, _ key: String, subject: SubjectKind, environment: RuleEnvironment,
                      fileText: String, sink: DiagnosticSink) {
        guard let node = reader.value(key) else { return }
        let env = environment.forSubject(subject)
        for entry in node.entries {
            guard let text = entry.value.scalar else { continue }
            for (path, offset) in MessageTemplate.located(text) {
                guard let problem = problem(path, subject: subject, environment: environment, env: env) else { continue }
                let location = Source(text).location(of: offset)
                let mark = ExpressionPosition.map(offset: offset, line: location.line, column: location.column,
                                                  node: entry.value, fileText: fileText)
                sink.add(.error(problem.message, at: mark, hint: problem.hint, path: entry.value.yamlPath))
            }
        }
    }

    static func problem(_ path: String, subject: SubjectKind, environment: RuleEnvironment,
                        env: Environment) -> (message: String, hint: String)? {
        let names = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let root = names.first ?? ""
        guard root == subject.variable || root == "project" else {
            let allowed = subject == .project ? "`project`" : "`\(subject.variable)` or `project`"
            return ("placeholder {{\(path)}} does not start with \(allowed)", "write e.g. {{\(subject.variable).id}}")
        }
        switch environment.resolve(names, in: env) {
        case .unknownField(let index, _, let known):
            let field = names[index], prefix = names[..<index].joined(separator: ".")
            let hint = Suggestions.didYouMean(field, in: known)
                ?? "field names are the YAML keys with `-` written as `_`; derived facts are listed in Rules/README.md"
            return ("placeholder {{\(path)}}: `\(prefix)` has no field `\(field)`", hint)
        case .noFields(let index, let type):
            let prefix = names[..<index].joined(separator: ".")
            return ("placeholder {{\(path)}}: `\(prefix)` is a \(type.readable), which has no fields",
                    "end the placeholder at {{\(prefix)}}")
        case .resolved, .undeclared, .unknownVariable:
            return nil
        }
    }
}
