import ArgumentParser
import CEL
import Foundation
import SchouwEngine
import SchouwModel
import SchouwResult

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a rule, and why it failed or passed for each subject.",
        discussion: """
        Without FILE: the rule's text, references and expressions. With FILE: for each subject the \
        outcome and the value of every sub-expression that decided it, and beneath a derived fact \
        the values it was computed from, e.g.

          assert flow.encrypted = false
            from flow.encryption = "none"
            from flow.protocol = not given
            flow = Flow("wifi-naar-platform")
        """)

    @Argument(help: "A rule id, e.g. AVG-024.")
    var rule: String

    @Argument(help: "A descriptor to evaluate the rule against.")
    var file: String?

    @Option(help: ArgumentHelp("Only this subject, as kind:id (e.g. party:cloudco).", valueName: "KIND:ID"))
    var subject: String?

    @Option(help: "Language of rule texts: nl or en.")
    var lang: Language = .nl

    @OptionGroup var ruleSource: RuleSourceOptions

    func run() throws {
        let now = try ruleSource.clock()
        let set = try Load.rules(ruleSource.rulesDirectory)
        guard let r = set.rule(rule.uppercased()) else {
            var hint = Suggestions.closest(to: rule.uppercased(), in: set.rules.map(\.id)).map { " (did you mean \($0)?)" } ?? ""
            if let file, set.rule(file.uppercased()) != nil {
                hint = " (the rule comes first: `schouw explain \(file) \(rule)`)"
            }
            Console.err("error: no rule `\(rule)`\(hint); `schouw rules list` shows them all\n")
            throw ExitCode(2)
        }
        var out = describe(r)
        if let file {
            let descriptor = try Load.descriptor(file, taxonomy: set.taxonomy)
            let evaluator = RuleEvaluator(descriptor: descriptor, taxonomy: set.taxonomy, now: now)
            var subjects = evaluator.subjects(r.forEach)
            if let subject {
                subjects = subjects.filter { "\($0.kind.rawValue):\($0.id)" == subject }
                if subjects.isEmpty {
                    Console.err("error: no \(r.forEach.rawValue) subject `\(subject)` in \(file)\n")
                    throw ExitCode(2)
                }
            }
            out += "\n"
            for s in subjects { out += explain(r, s, evaluator: evaluator) }
        }
        Console.out(out)
    }

    func describe(_ r: Rule) -> String {
        var out = "\(r.id)  [\(r.severity.rawValue)]  \(r.title.text(lang))\n"
        out += "  pack: \(r.pack)   for-each: \(r.forEach.rawValue)   waivable: \(r.waivable)\n"
        out += "  references: " + r.references.map { "\($0.framework) \($0.ref)" }.joined(separator: "; ") + "\n"
        if let when = r.when { out += "  when:   \(oneLine(when.source))\n" }
        out += "  assert: \(oneLine(r.assert.source))\n"
        if let rationale = r.rationale { out += "  why: \(rationale.text(lang))\n" }
        out += "  remediation: \(r.remediation.text(lang))\n"
        out += "  file: \(r.file)\n"
        return out
    }

    func explain(_ r: Rule, _ s: RuleEvaluator.Subject, evaluator: RuleEvaluator) -> String {
        let outcome = evaluator.evaluate(r, s, lang: lang)
        var out = "\(outcome.finding): \(outcome.status.rawValue)"
        if !outcome.missing.isEmpty { out += " (missing: \(outcome.missing.joined(separator: ", ")))" }
        out += "\n"
        if outcome.status == .fail { out += "  \(outcome.message)\n" }
        let activation = evaluator.activation(for: s)
        if let when = r.when {
            let trace = when.program.trace(activation)
            out += "  when \(oneLine(when.source)) = \(Self.short(trace.result))\n"
            out += steps(trace)
            if case .bool(false) = trace.result { return out + "\n" }
        }
        let trace = r.assert.program.trace(activation)
        out += "  assert \(oneLine(r.assert.source)) = \(Self.short(trace.result))\n"
        out += steps(trace) + "\n"
        return out
    }

    /// The sub-expression values, one per line, skipping the whole expression (already shown). A
    /// derived fact is followed by the values it was computed from (`DerivedFactCatalog`).
    func steps(_ trace: Trace) -> String {
        var out = ""
        for (k, step) in trace.steps.enumerated() {
            if k > 0 {
                let value = step.value.map(Self.short) ?? "(not evaluated)"
                out += String(repeating: "  ", count: step.depth + 1) + "\(oneLine(step.text)) = \(value)\n"
            }
            let operand = k + 1 < trace.steps.count ? trace.steps[k + 1] : nil
            out += Self.inputs(of: step, operand: operand).map {
                String(repeating: "  ", count: step.depth + 2) + "from \($0)\n"
            }.joined()
        }
        return out
    }

    /// For a select of a derived fact (`flow.encrypted`, whose operand `flow` is the next step), each
    /// input as `flow.encryption = "none"`; otherwise nothing.
    static func inputs(of step: Trace.Step, operand: Trace.Step?) -> [String] {
        guard let operand, operand.depth == step.depth + 1, case .map(let object)? = operand.value,
              let type = object.objectType else { return [] }
        let text = step.text.filter { !$0.isWhitespace }, base = operand.text.filter { !$0.isWhitespace }
        guard text.hasPrefix(base + ".") else { return [] }
        let fact = String(text.dropFirst(base.count + 1))
        guard fact.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return [] }
        return DerivedFactCatalog.inputs(of: fact, onType: type).map { path in
            var value: Value? = .map(object)
            for field in path.split(separator: ".") {
                guard case .map(let map)? = value else { value = nil; break }
                value = map.lookup(field: String(field))
            }
            return "\(base).\(path) = \(value.map(short) ?? "not given")"
        }
    }

    func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// A value short enough for one line: objects by id, long lists cut.
    static func short(_ value: Value) -> String {
        switch value {
        case .map(let m):
            if let id = m.lookup(field: "id") { return "\(m.objectType.map { $0.replacingOccurrences(of: "schouw.", with: "") } ?? "map")(\(id.literal))" }
            return m.count > 4 ? "{… \(m.count) entries}" : value.literal
        case .list(let items):
            let shown = items.prefix(5).map(short).joined(separator: ", ")
            return items.count > 5 ? "[\(shown), … \(items.count) items]" : "[\(shown)]"
        case .error(let e):
            if let path = e.missingPath { return "unknown (\(path) is not in the descriptor)" }
            return "error: \(e.message)"
        default:
            return value.literal
        }
    }
}
