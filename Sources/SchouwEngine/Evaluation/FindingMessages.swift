import CEL
import SchouwResult

/// What a rule's outcomes say, in one language: the part every outcome of the rule shares, and the
/// message of each finding, rendered from the rule's template when a report reads it.
extension RuleEvaluator {
    /// A rule's texts in one language, with its message template compiled once for all subjects.
    struct RuleTexts {
        let message: MessageRenderer
        /// What every outcome of the rule carries, made once and shared by them; its message, the
        /// title, names the check for outcomes that are not findings.
        let part: Outcome.RulePart

        init(_ rule: Rule, lang: Language, project: Value) {
            message = MessageRenderer(MessageTemplate.Compiled(rule.message.text(lang), language: lang), project: project)
            part = Outcome.RulePart(rule: rule.id, severity: rule.severity, references: rule.references,
                                    message: rule.title.text(lang))
        }
    }

    /// A rule's message template with the project its placeholders may name: one per rule, shared
    /// by the rule's findings, each of which then holds one reference instead of both.
    final class MessageRenderer: Sendable {
        let template: MessageTemplate.Compiled
        let project: Value

        init(_ template: MessageTemplate.Compiled, project: Value) { self.template = template; self.project = project }

        func render(_ subject: Subject) -> String {
            template.render { name in
                // What placeholders may name is checked when rules load: the subject and the project.
                if name == "project" { return project }
                return name == subject.kind.variable ? subject.value : nil
            }
        }
    }

    /// An unknown outcome's message, rendered from its rule's template and the subject's values
    /// when a report reads it (`DeferredMessage`).
    final class FindingMessage: DeferredMessage {
        let renderer: MessageRenderer
        let subject: Subject
        /// Why the expression could not be evaluated, when that made the outcome unknown.
        let note: String?

        init(_ renderer: MessageRenderer, subject: Subject, note: String?) {
            self.renderer = renderer; self.subject = subject; self.note = note
        }

        func render() -> String {
            var message = renderer.render(subject)
            if let note { message += " (evaluation error: \(note))" }
            return message
        }
    }
}
