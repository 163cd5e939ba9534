import Foundation
import SchouwResult

/// NIST OSCAL assessment-results (oscal-version 1.1.3): an observation and a finding per rule outcome,
/// and a risk per failing or waived outcome (a waiver is a `deviation-approved` risk). Not-applicable
/// outcomes are left out: they assessed nothing.
///
/// Every UUID is a name-based v5 UUID derived from the finding id (or the result digests), and every
/// timestamp is the audit's `evaluated-at`, so the same result always gives the same bytes.
public struct OSCALReporter: StreamingReporter {
    public static let format = "oscal"
    public static let summary = "OSCAL 1.1.3 assessment-results: observations, findings and risks per outcome"
    public init() {}

    static let oscalVersion = "1.1.3"
    static let propertyNamespace = "https://schouw.nl/ns/oscal"

    public func stream(_ result: AuditResult, context: ReportContext, to sink: (Data) throws -> Void) throws {
        try document(result, context: context).write(to: sink)
    }

    /// The assessment results; observations, findings and risks are made while they are written
    /// (`JSONValue.generated`), each from its outcome alone.
    func document(_ result: AuditResult, context: ReportContext) throws -> JSONValue {
        let t = ReportTexts.of(context.lang)
        let model = ReportModel(result, policy: context.gatePolicy(for: result))
        let time = try Self.timestamp(result.evaluatedAt)
        let runKey = "\(result.descriptor.sha256)|\(result.ruleset.sha256)|\(result.evaluatedAt)|\(result.project.id)"
        let rulesetResource = NameBasedUUID.v5("ruleset:" + runKey)
        let descriptorResource = NameBasedUUID.v5("descriptor:" + runKey)

        let assessed = ReportModel.inFindingOrder(result.outcomes) { $0 != .notApplicable }
        let uris = ArtifactURIs(assessed, descriptorPath: result.descriptor.path, root: context.sourceRoot)
        let risky = assessed.indices.filter { [.fail, .waived].contains(assessed[$0].effectiveStatus) }
        /// The UUID of one of an outcome's items (`observation`, `finding` or `risk`).
        func id(_ item: String, _ outcome: Outcome) -> String { NameBasedUUID.v5("\(item):\(outcome.finding)|\(runKey)") }
        let observations = GeneratedArray(count: assessed.count) { i in
            let outcome = assessed[i]
            let status = outcome.effectiveStatus
            var observation: JSONObject = [
                "uuid": .string(id("observation", outcome)),
                "title": .string(Self.propValue(outcome.finding)),
                "description": .string(Self.text(outcomeDescription(outcome, status: status,
                                                                    ruleTitle: model.rule(outcome.rule)?.title, t: t))),
                "methods": ["EXAMINE"],
                "types": ["finding"],
                "collected": .string(time),
                "props": .array(outcomeProps(outcome, status: status)),
            ]
            if let loc = outcome.location {
                observation["relevant-evidence"] = [[
                    "href": .string(uris[loc.file]),
                    "description": .string(Self.text("\(loc.file):\(loc.line):\(loc.column)")),
                ]]
            }
            return .object(observation)
        }
        let findings = GeneratedArray(count: assessed.count) { i in
            let outcome = assessed[i]
            let status = outcome.effectiveStatus
            let rule = model.rule(outcome.rule)
            let observationID = id("observation", outcome)
            var target: JSONObject = [
                "type": "objective-id",
                "target-id": .string(Self.token(outcome.rule)),
                "status": .object(Self.targetStatus(status)),
            ]
            if let rule { target["title"] = .string(Self.propValue(rule.title)) }
            var finding: JSONObject = [
                "uuid": .string(id("finding", outcome)),
                "title": .string(Self.propValue("\(outcome.rule): \(rule?.title ?? outcome.rule)")),
                "description": .string(Self.text(outcomeDescription(outcome, status: status, ruleTitle: rule?.title, t: t))),
                "target": .object(target),
                "related-observations": [["observation-uuid": .string(observationID)]],
                "props": [Self.prop("finding-id", outcome.finding)],
            ]
            if status == .fail || status == .waived { finding["related-risks"] = [["risk-uuid": .string(id("risk", outcome))]] }
            return .object(finding)
        }
        let risks = GeneratedArray(count: risky.count) { i in
            let outcome = assessed[risky[i]]
            return risk(outcome, id: id("risk", outcome), status: outcome.effectiveStatus, rule: model.rule(outcome.rule),
                        observation: id("observation", outcome), t: t)
        }

        var resultObject: JSONObject = [
            "uuid": .string(NameBasedUUID.v5("result:" + runKey)),
            "title": .string(Self.propValue("\(t.reportTitle): \(result.project.name)")),
            "description": .string(Self.text("\(result.tool.name) \(result.tool.version); \(t.ruleset) sha256:\(result.ruleset.sha256); \(t.verdict): \(model.passed ? t.passed : t.failed) (\(gateDescription(model.policy, t: t)))")),
            "start": .string(time),
            "end": .string(time),
            "reviewed-controls": ["control-selections": [["include-all": [:]]]],
            "props": [Self.prop("verdict", model.passed ? "passed" : "failed"),
                      Self.prop("fail-on", model.policy.failOn.rawValue)],
        ]
        if observations.count > 0 { resultObject["observations"] = .generated(observations) }
        if findings.count > 0 { resultObject["findings"] = .generated(findings) }
        if risks.count > 0 { resultObject["risks"] = .generated(risks) }

        var metadata: JSONObject = [
            "title": .string(Self.propValue("\(t.reportTitle): \(result.project.name)")),
            "last-modified": .string(time),
            "version": .string(Self.text(result.tool.version)),
            "oscal-version": .string(Self.oscalVersion),
            "props": [Self.prop("tool", "\(result.tool.name) \(result.tool.version)"),
                      Self.prop("project-id", result.project.id)],
        ]
        if let organisation = result.project.organisation, !Self.text(organisation).isEmpty {
            metadata["parties"] = [[
                "uuid": .string(NameBasedUUID.v5("party:" + organisation)),
                "type": "organization",
                "name": .string(Self.propValue(organisation)),
            ]]
        }
        let backMatter: JSONValue = ["resources": [
            [
                "uuid": .string(rulesetResource),
                "title": .string("\(result.tool.name) \(t.ruleset)"),
                "description": .string(Self.text("\(result.ruleset.rules) \(t.rules); sha256:\(result.ruleset.sha256)")),
                "props": [Self.prop("ruleset-sha256", result.ruleset.sha256)],
            ],
            [
                "uuid": .string(descriptorResource),
                "title": .string(Self.propValue("\(t.descriptor): \(result.descriptor.path)")),
                "rlinks": [[
                    "href": .string(SARIFReporter.relativeURI(result.descriptor.path, root: context.sourceRoot)),
                    "hashes": [["algorithm": "SHA-256", "value": .string(Self.hexOrPlaceholder(result.descriptor.sha256))]],
                ]],
            ],
        ]]
        return ["assessment-results": [
            "uuid": .string(NameBasedUUID.v5("assessment-results:" + runKey)),
            "metadata": .object(metadata),
            "import-ap": ["href": .string("#" + rulesetResource)],
            "results": [.object(resultObject)],
            "back-matter": backMatter,
        ]]
    }

    /// What was found for the subject. A rule's title names the problem it looks for, so a passed
    /// check says it was not found, and an unknown one which check lacked facts, not the failure's
    /// sentence.
    private func outcomeDescription(_ outcome: Outcome, status: OutcomeStatus, ruleTitle: String?, t: ReportTexts) -> String {
        let subject = "\(t.subjectKind(outcome.subject.kind)) \(outcome.subject.id): "
        var text: String
        switch status {
        case .pass, .notApplicable:
            text = subject + "\(t.checkedNotFound): \(ruleTitle ?? outcome.message)"
        case .unknown:
            text = subject + "\(t.informationNeeded) (\(ruleTitle ?? outcome.rule))"
            if !outcome.missing.isEmpty { text += ": \(t.missingFacts.lowercased()): \(outcome.missing.joined(separator: ", "))" }
        case .fail, .waived:
            text = subject + outcome.message
        }
        if let w = outcome.waiver, w.expired { text += " (\(t.waiverExpiredNote) \(w.expires))" }
        return text
    }

    private func outcomeProps(_ outcome: Outcome, status: OutcomeStatus) -> [JSONValue] {
        var props = [Self.prop("finding-id", outcome.finding), Self.prop("rule-id", outcome.rule),
                     Self.prop("status", status.rawValue), Self.prop("severity", outcome.severity.rawValue),
                     Self.prop("subject", "\(outcome.subject.kind):\(outcome.subject.id)")]
        for ref in outcome.references { props.append(Self.prop("reference", "\(ref.framework) \(ref.ref)")) }
        if outcome.hasExpiredWaiver { props.append(Self.prop("waiver-expired", "true")) }
        return props
    }

    private func risk(_ outcome: Outcome, id: String, status: OutcomeStatus, rule: RuleInfo?, observation: String,
                      t: ReportTexts) -> JSONValue {
        var object: JSONObject = [
            "uuid": .string(id),
            "title": .string(Self.propValue("\(outcome.rule): \(rule?.title ?? outcome.rule)")),
            "description": .string(Self.text(outcome.message)),
            "statement": .string(Self.text(rule.map { $0.remediation.isEmpty ? outcome.message : $0.remediation } ?? outcome.message)),
            "status": .string(status == .waived ? "deviation-approved" : "open"),
            "props": [Self.prop("severity", outcome.severity.rawValue)],
            "related-observations": [["observation-uuid": .string(observation)]],
        ]
        if let w = outcome.waiver {
            // Risks carry no remarks in OSCAL 1.1.3: the waiver goes into the description and props.
            var note = w.expired ? "\(t.waiverExpiredNote) \(w.expires). " : ""
            note += "\(t.reason): \(w.reason); \(t.approvedBy): \(w.approvedBy); \(t.expires): \(w.expires)"
            if let ticket = w.ticket { note += "; \(t.ticket): \(ticket)" }
            object["description"] = .string(Self.text(outcome.message + "\n\n" + note))
            var props = [Self.prop("severity", outcome.severity.rawValue), Self.prop("waiver", w.finding),
                         Self.prop("waiver-approved-by", w.approvedBy), Self.prop("waiver-expires", w.expires),
                         Self.prop("waiver-expired", w.expired ? "true" : "false")]
            if let ticket = w.ticket { props.append(Self.prop("waiver-ticket", ticket)) }
            object["props"] = .array(props)
            if !w.expired, let deadline = Self.deadline(w.expires) { object["deadline"] = .string(deadline) }
        }
        return .object(object)
    }

    static func targetStatus(_ status: OutcomeStatus) -> JSONObject {
        switch status {
        case .pass: ["state": "satisfied", "reason": "pass"]
        case .fail: ["state": "not-satisfied", "reason": "fail"]
        case .unknown: ["state": "not-satisfied", "reason": "other", "remarks": "information-needed"]
        case .waived: ["state": "not-satisfied", "reason": "other", "remarks": "waived"]
        case .notApplicable: ["state": "satisfied", "reason": "other"]
        }
    }

    static func prop(_ name: String, _ value: String) -> JSONValue {
        ["name": .string(name), "ns": .string(propertyNamespace), "value": .string(propValue(value))]
    }

    /// OSCAL strings may not be empty nor start or end with whitespace, and prop values are one line.
    static func propValue(_ s: String) -> String {
        let line = text(s)
        // `text` is trimmed already: only a value with line breaks needs joining and trimming again.
        guard line.utf8.contains(UInt8(ascii: "\n")) else { return line }
        let flat = line.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        return flat.isEmpty ? "-" : flat
    }

    static func text(_ s: String) -> String {
        let visible = Escape.visibleControls(s, keepNewlines: true)
        // Nearly every string has nothing to trim; Foundation's trimming of each of the millions of
        // strings in a city's assessment cost more than building the document.
        let trimmed = isTrimmed(visible) ? visible : visible.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "-" : trimmed
    }

    /// Whether `s` neither starts nor ends with whitespace or a line break (trimming would keep it).
    private static func isTrimmed(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return true }
        return !isBlank(first) && !isBlank(last)
    }

    /// Whether Foundation's `whitespacesAndNewlines` holds the scalar, without making the set
    /// for the ASCII ones (nearly all).
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return CharacterSet.whitespacesAndNewlines.contains(scalar)
    }

    /// An OSCAL token (`^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$`) made from a rule id.
    static func token(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil || scalar == "." || scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_"
            }
        }
        if let first = out.unicodeScalars.first, first.properties.isAlphabetic || first == "_" { return out }
        return "_" + out
    }

    /// The audit time as an RFC 3339 date-time with a zone (a bare date means midnight UTC).
    static func timestamp(_ s: String) throws -> String {
        let pattern = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#
        if s.range(of: pattern, options: .regularExpression) != nil { return s }
        if s.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil { return s + "T00:00:00Z" }
        throw ReportError("evaluated-at '\(Escape.terminal(s))' is not an RFC 3339 date-time; OSCAL needs a time-zoned timestamp")
    }

    static func deadline(_ date: String) -> String? { try? timestamp(date) }

    static func hexOrPlaceholder(_ s: String) -> String {
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "0" : trimmed
    }
}
