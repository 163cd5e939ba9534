import SchouwConcurrency
import CEL
import Foundation
import SchouwModel
import SchouwResult

/// The loaded rule library: rules sorted by id, their test files, the taxonomy, and every problem
/// found while loading (all at once, located in the rule files).
public struct RuleSet: Sendable {
    public var rules: [Rule]
    /// Test files by rule id.
    public var tests: [String: RuleSourceFile]
    public var taxonomy: Taxonomy
    public var diagnostics: [SchouwModel.Diagnostic]
    /// Texts of every file read, by display path, for rendering diagnostics.
    public var sources: [String: String]
    /// SHA-256 over every rule and taxonomy file (path and text), in path order.
    public var digest: String

    /// Every name that follows a `.` in a rule expression or message placeholder: the fields the rules
    /// can read, so the engine builds only the derived facts that are used. Computed once, at load.
    public var referencedFields: Set<String>

    /// Ids of rule files that failed to load: each file's name without `.yaml` and the `id:` it
    /// declares. Their test files are not for an unknown rule; the rule file's errors say what is wrong.
    public var unloadedRuleIDs: Set<String> = []

    public var hasErrors: Bool { diagnostics.hasErrors }
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
    public func rendered() -> String { DiagnosticRenderer.render(diagnostics, sources: sources) }
}

public enum RuleLoader {
    /// Loads the built-in rules plus, when given, a directory of extra rules that may override
    /// built-ins by id (with a warning).
    public static func load(rulesDirectory: String? = nil, includeBuiltIn: Bool = true) -> RuleSet {
        if rulesDirectory == nil && includeBuiltIn { return BuiltInRules.load() }
        var files = includeBuiltIn ? RuleSources.builtIn() : []
        var diagnostics: [SchouwModel.Diagnostic] = []
        if let rulesDirectory {
            let (extra, errors) = RuleSources.directory(rulesDirectory)
            files += extra
            diagnostics += errors.map { SchouwModel.Diagnostic.error($0, at: nil) }
        }
        return load(files: files, diagnostics: diagnostics)
    }

    /// The taxonomy alone (built in, extended by `rulesDirectory/taxonomy/`), for checking a
    /// descriptor's data categories and subjects without compiling rules. `rendered` holds the
    /// problems of its files, if any.
    public static func taxonomy(rulesDirectory: String?) -> (taxonomy: Taxonomy, rendered: String?, hasErrors: Bool) {
        var files = RuleSources.builtIn().filter(\.isTaxonomy)
        let sink = DiagnosticSink()
        if let rulesDirectory {
            let (extra, errors) = RuleSources.directory(rulesDirectory)
            files += extra.filter(\.isTaxonomy)
            sink.add(contentsOf: errors.map { SchouwModel.Diagnostic.error($0, at: nil) })
        }
        let taxonomy = TaxonomyLoader.load(files, sink: sink)
        guard !sink.reported.isEmpty else { return (taxonomy, nil, false) }
        var sources: [String: String] = [:]
        for f in files { sources[f.displayPath] = f.text }
        return (taxonomy, DiagnosticRenderer.render(sink.reported, sources: sources), sink.hasErrors)
    }

    public static func load(files: [RuleSourceFile], diagnostics initial: [SchouwModel.Diagnostic] = []) -> RuleSet {
        let sink = DiagnosticSink()
        sink.add(contentsOf: initial)
        var sources: [String: String] = [:]
        for f in files { sources[f.displayPath] = f.text }

        let taxonomy = TaxonomyLoader.load(files.filter(\.isTaxonomy), sink: sink)
        let environment = RuleEnvironment.make(countries: taxonomy.countries)

        // Rule files are read and compiled on every core, each with a sink of its own; their
        // diagnostics are merged in file order, so the outcome does not depend on the scheduling.
        // The digest of the rule set is taken meanwhile, as the first piece of work.
        let ruleFiles = files.filter(\.isRule)
        let slots = Slots<(Rule?, [SchouwModel.Diagnostic], declaredID: String?)>(count: ruleFiles.count, empty: (nil, [], nil))
        let digest = Slots<String>(count: 1, empty: "")
        DispatchQueue.concurrentPerform(iterations: ruleFiles.count + 1) { i in
            guard i > 0 else { return digest.set(0, ruleSetDigest(files)) }
            let own = DiagnosticSink()
            var declaredID: String?
            let rule = readRule(ruleFiles[i - 1], environment: environment, sink: own, declaredID: &declaredID)
            slots.set(i - 1, (rule, own.diagnostics, declaredID))
        }
        var byID: [String: Rule] = [:]
        var unloaded = Set<String>()
        for (index, (read, diagnostics, declaredID)) in slots.all().enumerated() {
            sink.add(contentsOf: diagnostics)
            guard let rule = read else {
                unloaded.formUnion(claimedIDs(ruleFiles[index], declaredID: declaredID))
                continue
            }
            if let existing = byID[rule.id] {
                if rule.external && !existing.external {
                    sink.add(.warning("rule \(rule.id) overrides the built-in rule of the same id",
                                      at: rule.mark, hint: "rename the id if this is meant as a new rule"))
                } else {
                    sink.add(.error("duplicate rule id \(rule.id); it is also defined in \(existing.file)", at: rule.mark,
                                    hint: "rule ids are unique and never reused: choose a new id"))
                    continue
                }
            }
            byID[rule.id] = rule
        }
        var tests: [String: RuleSourceFile] = [:]
        for file in files where file.isTests {
            let name = file.fileName
            let id = [".tests.yaml", ".tests.yml"].first { name.hasSuffix($0) }.map { String(name.dropLast($0.count)) } ?? name
            tests[id] = file
        }
        let rules = byID.values.sorted { $0.id < $1.id }
        return RuleSet(rules: rules, tests: tests, taxonomy: taxonomy,
                       diagnostics: sink.diagnostics.sorted(by: SchouwModel.Diagnostic.displayOrder),
                       sources: sources, digest: digest.all()[0],
                       referencedFields: referencedFields(rules), unloadedRuleIDs: unloaded)
    }

    /// The ids a rule file stands for: its name without the extension, and the `id:` it declares
    /// when it could be read that far.
    static func claimedIDs(_ file: RuleSourceFile, declaredID: String?) -> Set<String> {
        let name = file.fileName
        var ids: Set<String> = [[".yaml", ".yml"].first { name.hasSuffix($0) }.map { String(name.dropLast($0.count)) } ?? name]
        if let declaredID { ids.insert(declaredID) }
        return ids
    }

    /// SHA-256 over every file but the tests, in path order: each path and text followed by a NUL.
    static func ruleSetDigest(_ files: [RuleSourceFile]) -> String {
        let hashed = files.filter { !$0.isTests }.sorted { $0.relativePath < $1.relativePath }
        return SHA256Digest.hex(concatenating: hashed.flatMap { [$0.relativePath, "\u{0}", $0.text, "\u{0}"] })
    }

    /// Every name that follows a `.` in a rule's expressions or message placeholders.
    static func referencedFields(_ rules: [Rule]) -> Set<String> {
        var names = Set<String>()
        for rule in rules {
            let texts = [rule.when?.source, rule.assert.source, rule.message.nl, rule.message.en].compactMap { $0 }
            for text in texts {
                // Every run of ASCII letters, digits and `_` right after a dot (scanned as bytes).
                let bytes = Array(text.utf8)
                var i = 0
                while i < bytes.count {
                    guard bytes[i] == UInt8(ascii: ".") else { i += 1; continue }
                    var end = i + 1
                    while end < bytes.count, RuleLoader.isNameByte(bytes[end]) { end += 1 }
                    if end > i + 1 { names.insert(String(decoding: bytes[(i + 1)..<end], as: UTF8.self)) }
                    i = end
                }
            }
        }
        return names
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
            || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    /// `PREFIX-NNN`: an uppercase letter, uppercase letters or digits, a dash, three or four digits
    /// (`^[A-Z][A-Z0-9]*-[0-9]{3,4}$`). Checked by hand: a regular expression needs ICU, whose start
    /// cost more than reading a dozen rules.
    static func isRuleID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let dash = bytes.lastIndex(of: UInt8(ascii: "-")), dash > 0 else { return false }
        let isUpper = { (b: UInt8) in b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let prefix = bytes[..<dash], number = bytes[(dash + 1)...]
        return isUpper(prefix[prefix.startIndex]) && prefix.allSatisfy { isUpper($0) || isDigit($0) }
            && (3...4).contains(number.count) && number.allSatisfy(isDigit)
    }

    /// `declaredID`: set to the `id:` the file declares, as written, once the file parses; a rule
    /// that fails to load still claims its id (its tests are not for an unknown rule).
    static func readRule(_ file: RuleSourceFile, environment: RuleEnvironment, sink: DiagnosticSink,
                         declaredID: inout String?) -> Rule? {
        let (document, parseDiagnostics) = YAMLParser.parse(text: file.text, path: file.displayPath)
        sink.add(contentsOf: parseDiagnostics)
        guard let document, let root = document.root else {
            if parseDiagnostics.isEmpty {
                sink.add(.error("the rule file is empty", at: SourceMark(file: file.displayPath, line: 1, column: 1),
                                hint: "see Rules/README.md for the rule format"))
            }
            return nil
        }
        declaredID = root["id"]?.scalar
        let before = sink.diagnostics.errorCount
        var reader = MappingReader(root, schema: RuleSchemas.rule, sink: sink)
        reader.extraSchemas = ["text": RuleSchemas.localized, "reference": RuleSchemas.reference,
                               "checklist": RuleSchemas.checklist]
        guard reader.isMapping else { return nil }

        let id = reader.string("id") ?? ""
        if let idNode = reader.value("id"), !isRuleID(id) {
            sink.error("rule id `\(id)` is not of the form PREFIX-NNN", at: idNode, hint: "e.g. `AVG-024`, `BIO-005`, `SC-003`")
        }
        let expectedName = id + ".yaml"
        let fileName = file.fileName
        if !id.isEmpty, fileName != expectedName, let idNode = reader.value("id") {
            sink.warning("rule \(id) lives in \(fileName)", at: idNode,
                         hint: "name the file \(expectedName) so its tests are found beside it")
        }
        let title = localized(reader, "title", sink: sink)
        let message = localized(reader, "message", sink: sink)
        let remediation = localized(reader, "remediation", sink: sink)
        let rationale = reader.value("rationale").flatMap { _ in localized(reader, "rationale", sink: sink) }
        let severity = reader.enumValue("severity", Severity.self)
        let forEach = reader.enumValue("for-each", SubjectKind.self)
        let references = reader.objects("references").compactMap { r -> Reference? in
            guard let framework = r.string("framework"), let ref = r.string("ref") else { return nil }
            return Reference(framework: framework, ref: ref)
        }
        // An empty list; a list of entries that are wrong has had each entry's error already.
        if let node = reader.value("references"), references.isEmpty, node.kind != .sequence || node.items.isEmpty {
            sink.error("a rule needs at least one reference", at: node, hint: "e.g. `- {framework: avg, ref: \"art. 35\"}`")
        }
        var checklist: ChecklistBlock?
        if let node = reader.value("checklist") {
            let c = MappingReader(node, schema: RuleSchemas.checklist, sink: sink)
            if let phase = c.enumValue("phase", ChecklistPhase.self),
               let requirement = nestedLocalized(c, "requirement", sink: sink),
               let evidence = nestedLocalized(c, "evidence", sink: sink) {
                checklist = ChecklistBlock(phase: phase, theme: c.enumValue("theme", ChecklistTheme.self),
                                           knockOut: c.bool("knock-out") ?? false, requirement: requirement,
                                           evidence: evidence)
            }
        }
        // Without a valid `for-each` the subject variable is unknown: checking the expressions and
        // placeholders against a guess gave an error for every use of the intended subject. They are
        // only parsed then, and checked once `for-each` is fixed.
        let when = reader.value("when").flatMap {
            compile($0, key: "when", subject: forEach, environment: environment, file: file, sink: sink)
        }
        let assertion = reader.value("assert").flatMap {
            compile($0, key: "assert", subject: forEach, environment: environment, file: file, sink: sink)
        }
        if let forEach {
            for key in ["message", "remediation"] {
                TemplatePathCheck.check(reader, key, subject: forEach, environment: environment, fileText: file.text, sink: sink)
            }
        }

        guard sink.diagnostics.errorCount == before, let title, let message, let remediation, let severity,
              let forEach, let assertion else { return nil }
        return Rule(id: id, pack: file.pack, title: title, severity: severity, waivable: reader.bool("waivable") ?? true,
                    references: references, forEach: forEach, when: when, assert: assertion, message: message,
                    remediation: remediation, rationale: rationale, checklist: checklist, file: file.displayPath,
                    mark: root.mark, text: file.text, external: file.external)
    }

    static func localized(_ reader: MappingReader, _ key: String, sink: DiagnosticSink) -> LocalizedText? {
        nestedLocalized(reader, key, sink: sink)
    }

    static func nestedLocalized(_ reader: MappingReader, _ key: String, sink: DiagnosticSink) -> LocalizedText? {
        guard let node = reader.value(key) else { return nil }
        let text = MappingReader(node, schema: RuleSchemas.localized, sink: sink)
        guard let nl = text.string("nl"), let en = text.string("en") else { return nil }
        for (lang, value) in [("nl", nl), ("en", en)] where value.allSatisfy(\.isWhitespace) {
            if let n = text.value(lang) { sink.error("`\(key).\(lang)` is empty", at: n, hint: "write the text in both languages") }
        }
        return LocalizedText(nl: nl, en: en)
    }

    /// Compiles one expression (the rule's `key`) with the checker, then checks that it gives a bool
    /// and that its literal arguments can be read; errors are mapped from the expression back to the
    /// rule file's line and column. Without a subject (an invalid `for-each`) it is only parsed.
    static func compile(_ node: YAMLNode, key: String, subject: SubjectKind?, environment: RuleEnvironment,
                        file: RuleSourceFile, sink: DiagnosticSink) -> RuleExpression? {
        guard let text = node.scalar else {
            sink.error("expected a CEL expression as a string", at: node)
            return nil
        }
        var env = environment.forSubject(subject ?? .project)
        env.typeChecking = subject != nil
        let mark = { (offset: Int, source: Source) -> SourceMark in
            let location = source.location(of: offset)
            return ExpressionPosition.map(offset: offset, line: location.line, column: location.column, node: node,
                                          fileText: file.text)
        }
        do {
            let program = try env.compile(text)
            guard subject != nil else { return nil }
            var problems = LiteralArgumentCheck.problems(program, library: env.library)
            if let wrongType = ResultTypeCheck.problem(program, key: key, environment: environment, subject: env) {
                problems.insert(wrongType, at: 0)
            }
            for problem in problems {
                sink.add(.error(problem.message, at: mark(problem.offset, program.source), hint: problem.hint))
            }
            return problems.isEmpty ? RuleExpression(source: text, mark: node.mark, program: program) : nil
        } catch {
            for d in error.diagnostics {
                let hint = subject.flatMap { CheckErrorHints.hint(for: d, expression: text, subject: $0) }
                sink.add(.error("CEL \(d.phase.rawValue) error: \(d.message)", at: mark(d.location.offset, error.source),
                                hint: hint))
            }
            return nil
        }
    }
}

/// Maps a position inside an expression to the rule file, for plain, quoted and block scalars.
enum ExpressionPosition {
    static func map(offset: Int, line: Int, column: Int, node: YAMLNode, fileText: String) -> SourceMark {
        let start = node.mark
        let lines = fileText.split(separator: "\n", omittingEmptySubsequences: false)
        guard start.line >= 1, start.line <= lines.count else { return start }
        let first = Array(lines[start.line - 1].unicodeScalars)
        let indicatorIndex = start.column - 1
        let indicator = indicatorIndex < first.count ? first[indicatorIndex] : " "
        switch indicator {
        case "|", ">":
            // Block scalar: the content lines follow the indicator, each contributing its text plus
            // one separator (a newline for `|`, a space for `>`), so the offset can be walked back.
            var remaining = offset
            var fileLine = start.line + 1
            var indent: Int?
            while fileLine <= lines.count {
                let text = lines[fileLine - 1]
                let leading = text.prefix { $0 == " " }.count
                let blank = text.allSatisfy { $0 == " " }
                if !blank {
                    if indent == nil { indent = leading }
                    if let indent, leading < indent { break }
                }
                let content = blank ? 0 : text.unicodeScalars.count - (indent ?? 0)
                if remaining <= content {
                    return SourceMark(file: start.file, line: fileLine, column: (indent ?? 0) + remaining + 1)
                }
                remaining -= content + 1
                fileLine += 1
            }
            return start
        case "\"", "'":
            return line == 1 ? SourceMark(file: start.file, line: start.line, column: start.column + column) : start
        default:
            return line == 1 ? SourceMark(file: start.file, line: start.line, column: start.column + column - 1) : start
        }
    }
}
