import Foundation
import SchouwModel
import SchouwResult

/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
///
/// One `reportingDescriptor` per rule; a result per failing, unknown (level `note`) or waived outcome
/// (with an external `suppression`). Passing and not-applicable outcomes are not results. Results point
/// at the descriptor line and column; `partialFingerprints` derive from the finding id, so an alert
/// follows its finding when lines move.
public struct SARIFReporter: StreamingReporter {
    public static let format = "sarif"
    public static let summary = "SARIF 2.1.0 for GitHub code scanning (waived findings as suppressions)"
    public init() {}

    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public func stream(_ result: AuditResult, context: ReportContext, to sink: (Data) throws -> Void) throws {
        try document(result, context: context).write(to: sink)
    }

    /// The SARIF log; its results are made while it is written (`JSONValue.generated`).
    func document(_ result: AuditResult, context: ReportContext) -> JSONValue {
        let t = ReportTexts.of(context.lang)
        let rules = Self.ruleList(result)
        var index: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { index[rule.id] = i }

        let reported = ReportModel.inFindingOrder(result.outcomes) { $0.isFinding }
        let lines = SourceLines(context.descriptor)
        let uris = ArtifactURIs(reported, descriptorPath: result.descriptor.path, root: context.sourceRoot)
        let results = GeneratedArray(count: reported.count) { i in
            let ruleIndex = index[reported[i].rule] ?? 0
            return sarifResult(reported[i], ruleIndex: ruleIndex, ruleTitle: rules.indices.contains(ruleIndex) ? rules[ruleIndex].title : "",
                               result: result, lines: lines, uris: uris, t: t)
        }
        let driver: JSONValue = [
            "name": .string(result.tool.name),
            "version": .string(result.tool.version),
            "semanticVersion": .string(Self.semanticVersion(result.tool.version)),
            "rules": .array(rules.map { Self.descriptor($0, t: t) }),
        ]
        // Stale, expired and refused waivers travel as configuration notifications of the invocation.
        let notes: [JSONValue] = result.waiverNotes
            .sorted { ($0.kind, $0.finding) < ($1.kind, $1.finding) }
            .map { note in
                var n: JSONObject = [
                    "descriptor": ["id": .string("waiver-\(note.kind)")],
                    "level": .string(note.kind == "stale" ? "note" : "warning"),
                    "message": ["text": .string(Escape.sarifText("\(t.waiverNoteKind(note.kind)): \(note.finding): \(note.message)"))],
                ]
                if let loc = note.location {
                    n["locations"] = [["physicalLocation": [
                        "artifactLocation": ["uri": .string(Self.relativeURI(loc.file, root: context.sourceRoot))],
                        "region": ["startLine": .int(max(1, loc.line)), "startColumn": .int(max(1, loc.column))],
                    ]]]
                }
                return .object(n)
            }
        var invocation: JSONObject = ["executionSuccessful": true]
        if !notes.isEmpty { invocation["toolConfigurationNotifications"] = .array(notes) }
        let run: JSONValue = [
            "tool": ["driver": driver],
            "invocations": [.object(invocation)],
            "automationDetails": ["id": .string("schouw/\(result.project.id)/")],
            "columnKind": "unicodeCodePoints",
            "results": .generated(results),
            "properties": [
                "descriptor-sha256": .string(result.descriptor.sha256),
                "ruleset-sha256": .string(result.ruleset.sha256),
                "evaluated-at": .string(result.evaluatedAt),
                "verdict": .string(Gate.verdict(result, policy: context.gatePolicy(for: result))),
            ],
        ]
        return ["$schema": .string(Self.schemaURI), "version": "2.1.0", "runs": [run]]
    }

    /// Rules from the result's metadata, plus a minimal entry for any rule an outcome names but the
    /// metadata lacks, so every `ruleIndex` resolves.
    static func ruleList(_ result: AuditResult) -> [RuleInfo] {
        var byID: [String: RuleInfo] = [:]
        for rule in result.rules where byID[rule.id] == nil { byID[rule.id] = rule }
        for outcome in result.outcomes where byID[outcome.rule] == nil {
            byID[outcome.rule] = RuleInfo(id: outcome.rule, pack: ReportModel.packFromRuleID(outcome.rule),
                                          title: outcome.rule, severity: outcome.severity,
                                          references: outcome.references, remediation: "", description: nil,
                                          waivable: true)
        }
        return byID.values.sorted { $0.id < $1.id }
    }

    static func securitySeverity(_ s: Severity) -> String {
        switch s {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    static func descriptor(_ rule: RuleInfo, t: ReportTexts) -> JSONValue {
        let title = limit(Escape.visibleControls(rule.title), 1024)
        let full = limit(Escape.visibleControls(rule.description ?? rule.title), 1024)
        let refs = rule.references.map(referenceLabel)
        var helpText = "\(t.remediation): \(rule.remediation.isEmpty ? "-" : rule.remediation)"
        if !refs.isEmpty { helpText += "\n\n\(t.references): " + refs.joined(separator: "; ") }
        var helpMarkdown = "**\(t.remediation)**: \(rule.remediation.isEmpty ? "-" : Escape.markdown(rule.remediation))"
        if !refs.isEmpty {
            helpMarkdown += "\n\n**\(t.references)**:\n\n" + rule.references.map {
                "- \(Escape.markdown(referenceLabel($0)))"
            }.joined(separator: "\n")
        }
        var tags = ["security", rule.pack]
        for framework in Set(rule.references.map(\.framework)).sorted() where !tags.contains(framework) {
            tags.append(framework)
        }
        return [
            "id": .string(rule.id),
            "name": .string(ruleName(rule.id)),
            "shortDescription": ["text": .string(title)],
            "fullDescription": ["text": .string(full)],
            "help": ["text": .string(Escape.visibleControls(helpText, keepNewlines: true)), "markdown": .string(helpMarkdown)],
            "defaultConfiguration": ["level": .string(level(rule.severity))],
            "properties": [
                "security-severity": .string(securitySeverity(rule.severity)),
                "precision": "high",
                "tags": .array(tags.prefix(20).map { .string(Escape.visibleControls($0)) }),
                "severity": .string(rule.severity.rawValue),
                "waivable": .bool(rule.waivable),
            ],
        ]
    }

    private func sarifResult(_ outcome: Outcome, ruleIndex: Int, ruleTitle: String, result: AuditResult,
                             lines: SourceLines, uris: ArtifactURIs, t: ReportTexts) -> JSONValue {
        let status = outcome.effectiveStatus
        var text = "\(t.subjectKind(outcome.subject.kind)) \(outcome.subject.id): "
        if status == .unknown {
            // Not the failure's sentence: nothing has failed, the descriptor lacks what the check needs.
            text += "\(t.informationNeeded) (\(ruleTitle)): "
                + (outcome.missing.isEmpty ? outcome.message : outcome.missing.joined(separator: ", "))
        } else {
            text += outcome.message
        }
        if let waiver = outcome.waiver, waiver.expired { text += " (\(t.waiverExpiredNote) \(waiver.expires))" }

        var object: JSONObject = [
            "ruleId": .string(outcome.rule),
            "ruleIndex": .int(ruleIndex),
            // An unknown outcome is SARIF's `open`: evaluated, not enough information to decide.
            // Its level must then be `none`, so it is not ranked as a finding of the rule's severity.
            "level": .string(status == .unknown ? "none" : Self.level(outcome.severity)),
            "message": ["text": .string(Escape.sarifText(text))],
            "locations": [location(outcome, result: result, lines: lines, uris: uris)],
            "partialFingerprints": [
                "schouwFinding/v1": .string(outcome.finding),
                "primaryLocationLineHash": .string(SHA1.hex(outcome.finding) + ":1"),
            ],
            "properties": properties(outcome, status: status),
        ]
        if status == .unknown { object["kind"] = "open" }
        if let baseline = outcome.baseline { object["baselineState"] = .string(baseline ? "unchanged" : "new") }
        if status == .waived, let waiver = outcome.waiver {
            var justification = "\(waiver.reason) (\(t.approvedBy): \(waiver.approvedBy); \(t.expires): \(waiver.expires)"
            if let ticket = waiver.ticket { justification += "; \(t.ticket): \(ticket)" }
            justification += ")"
            var props: JSONObject = ["approved-by": .string(waiver.approvedBy), "expires": .string(waiver.expires),
                                              "pattern": .string(waiver.finding)]
            if let ticket = waiver.ticket { props["ticket"] = .string(ticket) }
            object["suppressions"] = [[
                "kind": "external",
                "status": "accepted",
                "justification": .string(Escape.visibleControls(justification)),
                "properties": .object(props),
            ]]
        }
        return .object(object)
    }

    private func properties(_ outcome: Outcome, status: OutcomeStatus) -> JSONValue {
        var props: JSONObject = [
            "finding": .string(outcome.finding),
            "status": .string(status.rawValue),
            "severity": .string(outcome.severity.rawValue),
            "subject-kind": .string(outcome.subject.kind),
            "subject-id": .string(outcome.subject.id),
        ]
        if !outcome.missing.isEmpty { props["missing"] = .array(outcome.missing.map { .string($0) }) }
        if let waiver = outcome.waiver, waiver.expired {
            props["waiver-expired"] = true
            props["waiver-expires"] = .string(waiver.expires)
        }
        return .object(props)
    }

    private func location(_ outcome: Outcome, result: AuditResult, lines: SourceLines, uris: ArtifactURIs) -> JSONValue {
        let loc = outcome.location ?? Location(file: result.descriptor.path, line: 1, column: 1)
        let line = max(1, loc.line)
        let column = max(1, loc.column)
        var endColumn = column + 1
        if let text = lines.line(line, of: loc.file).map(Self.withoutCarriageReturns), text.count + 1 > column {
            endColumn = text.count + 1
        }
        let physical: JSONValue = [
            "artifactLocation": ["uri": .string(uris[loc.file])],
            "region": ["startLine": .int(line), "startColumn": .int(column), "endLine": .int(line), "endColumn": .int(endColumn)],
        ]
        return [
            "physicalLocation": physical,
            "logicalLocations": [["name": .string(outcome.subject.id), "fullyQualifiedName": .string("\(outcome.subject.kind):\(outcome.subject.id)"),
                                  "kind": "object"]],
        ]
    }

    /// A source line as SARIF measures it: a CRLF file's carriage returns are not part of it.
    static func withoutCarriageReturns(_ line: Substring) -> String {
        guard line.utf8.contains(UInt8(ascii: "\r")) else { return String(line) }
        return String(line).trimmingCharacters(in: carriageReturn)
    }

    private static let carriageReturn = CharacterSet(charactersIn: "\r")

    /// Characters a URI path keeps as they are; built once, not per result.
    private static let uriCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")

    /// A relative, percent-encoded URI for a descriptor path (GitHub resolves it from the repository root).
    static func relativeURI(_ path: String, root: String?) -> String {
        var p = path
        if let root, !root.isEmpty {
            let base = root.hasSuffix("/") ? root : root + "/"
            if p.hasPrefix(base) { p = String(p.dropFirst(base.count)) }
        }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        let encoded = p.addingPercentEncoding(withAllowedCharacters: uriCharacters) ?? "descriptor"
        if encoded.hasPrefix("/") { return "file://" + encoded }
        return encoded.isEmpty ? "descriptor" : encoded
    }

    /// `AVG-024` → `AVG024`: SARIF names are identifiers, ids may hold hyphens.
    static func ruleName(_ id: String) -> String {
        let name = String(id.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
        return name.isEmpty ? "Rule" : String(name.prefix(255))
    }

    static func semanticVersion(_ v: String) -> String {
        let core = v.split(separator: "-").first.map(String.init) ?? v
        let parts = core.split(separator: ".")
        if parts.count == 3, parts.allSatisfy({ Int($0) != nil }) { return v }
        return "0.0.0"
    }

    static func limit(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}

/// `AVG art. 44-46`; a reference in framework `other` is shown by its text alone.
func referenceLabel(_ r: Reference) -> String {
    r.framework == "other" ? r.ref : "\(frameworkName(r.framework)) \(r.ref)"
}

/// Display names of reference frameworks (SPEC section 5).
func frameworkName(_ id: String) -> String {
    switch id {
    case "avg": "AVG"
    case "uavg": "UAVG"
    case "bio2": "BIO2"
    case "bio-1.04": "BIO 1.04"
    case "bio-cloud": "BIO Cloud"
    case "gibit": "GIBIT"
    case "vng-vwo": "VNG model verwerkersovereenkomst"
    case "forum-standaardisatie": "Forum Standaardisatie"
    case "ncsc-tls": "NCSC"
    case "ap-dpia-list": "AP DPIA-lijst"
    case "gemeentewet": "Gemeentewet"
    case "ai-act": "AI-verordening"
    default: id
    }
}
