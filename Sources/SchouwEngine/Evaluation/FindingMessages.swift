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
            let renderer = MessageRenderer(MessageTemplate.Compiled(rule.message.text(lang), language: lang), project: project)
            message = renderer
            part = Outcome.RulePart(rule: rule.id, severity: rule.severity, references: rule.references,
                                    message: rule.title.text(lang), findingMessage: renderer)
        }
    }

    /// A rule's message template with the project its placeholders may name: one per rule, shared
    /// by the rule's findings, each of which then holds one reference instead of both.
    final class MessageRenderer: FindingMessageTemplate {
        let template: MessageTemplate.Compiled
        let project: Value

        init(_ template: MessageTemplate.Compiled, project: Value) { self.template = template; self.project = project }

        /// The outcomes the engine makes name a `Subject`; another subject part (a result read
        /// back from JSON has its messages as text) has no values to fill the template with.
        func render(for subject: Outcome.SubjectPart) -> String {
            guard let subject = subject as? Subject else { return template.render { _ in nil } }
            return render(subject)
        }

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

/// The shared parts of one rule's unknown outcomes without a note, one per list of missing facts.
///
/// A rule's selects each make their list of missing facts once (the plan holds it), so its unknown
/// outcomes meet a few lists, each the same array again: comparing them is a pointer comparison.
struct SharedFindings {
    private var parts: [Outcome.SharedFinding] = []

    /// Forgets the parts of the rule before: they name its missing facts, not the next rule's.
    mutating func startRule() { parts.removeAll(keepingCapacity: true) }

    mutating func part(missing: [String]) -> Outcome.SharedFinding {
        if let known = parts.first(where: { $0.missing == missing }) { return known }
        let made = Outcome.SharedFinding(missing: missing)
        parts.append(made)
        return made
    }
}
