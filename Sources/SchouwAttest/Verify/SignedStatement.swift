import Foundation

/// The fields a verifier relies on, read strictly from a verified payload.
///
/// Only what checks need is read; other fields are ignored as in-toto requires of consumers. Every field
/// read must be present with the right type, or the statement is rejected.
public struct SignedStatement: Sendable {
    public var subjectDigests: [String]
    /// The sha256 of every descriptor file the audit read (`predicate.descriptor.files`): the
    /// descriptor and the files it includes. Nil when the predicate lists none; when it does, the
    /// list must be well formed.
    public var descriptorFileDigests: [String]?
    public var projectID: String
    public var signer: String
    public var time: Date
    public var verdict: String
    public var failOn: String
    public var rulesetDigest: String

    public init(payload: Data) throws {
        let json: JSONValue
        do {
            json = try StrictJSON.parse(payload)
        } catch {
            throw AttestError("payload:\(error.line):\(error.column): not valid JSON: \(error.message)")
        }
        let root = JSONReader(json, path: "payload")
        let type = try root.field("_type").string()
        guard type == InTotoStatement.typeURI else {
            throw AttestError("payload._type is '\(type)', expected '\(InTotoStatement.typeURI)'")
        }
        let subjects = try root.field("subject").array()
        guard !subjects.isEmpty else { throw AttestError("payload.subject is empty") }
        var digests: [String] = []
        for subject in subjects {
            let digest = try subject.field("digest")
            _ = try digest.object()
            if let sha = try digest.optionalField("sha256") {
                let value = try sha.string()
                guard isSHA256Hex(value) else { throw AttestError("\(sha.path) is not 64 lowercase hex digits") }
                digests.append(value)
            }
        }
        subjectDigests = digests
        let predicateType = try root.field("predicateType").string()
        guard predicateType == AuditPredicate.typeURI else {
            throw AttestError("payload.predicateType is '\(predicateType)', expected '\(AuditPredicate.typeURI)'")
        }
        let predicate = try root.field("predicate")
        if let files = try predicate.optionalField("descriptor")?.optionalField("files") {
            var fileDigests: [String] = []
            for file in try files.array() {
                let sha = try file.field("sha256")
                let value = try sha.string()
                guard isSHA256Hex(value) else { throw AttestError("\(sha.path) is not 64 lowercase hex digits") }
                fileDigests.append(value)
            }
            descriptorFileDigests = fileDigests
        }
        projectID = try predicate.field("project").field("id").string()
        signer = try predicate.field("signer").field("name").string()
        let timeField = try predicate.field("time")
        let timeText = try timeField.string()
        guard let time = Timestamp.parse(timeText) else {
            throw AttestError("\(timeField.path) '\(timeText)' is not an RFC 3339 timestamp")
        }
        self.time = time
        let verdictField = try predicate.field("verdict")
        verdict = try verdictField.string()
        guard verdict == "passed" || verdict == "failed" else {
            throw AttestError("\(verdictField.path) is '\(verdict)', expected 'passed' or 'failed'")
        }
        failOn = try predicate.field("gate").field("fail-on").string()
        rulesetDigest = try predicate.field("ruleset").field("sha256").string()
    }
}
