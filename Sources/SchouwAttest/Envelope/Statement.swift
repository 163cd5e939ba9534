/// An in-toto Statement v1: what is attested (subjects by digest) and the claim about it (the predicate).
public struct InTotoStatement: Codable, Equatable, Sendable {
    public static let typeURI = "https://in-toto.io/Statement/v1"

    public var type: String
    public var subject: [Subject]
    public var predicateType: String
    public var predicate: AuditPredicate

    enum CodingKeys: String, CodingKey {
        case type = "_type"
        case subject, predicateType, predicate
    }

    public init(subject: [Subject], predicate: AuditPredicate) {
        self.type = Self.typeURI
        self.subject = subject
        self.predicateType = AuditPredicate.typeURI
        self.predicate = predicate
    }

    /// A ResourceDescriptor with a name and a sha256 digest.
    public struct Subject: Codable, Equatable, Sendable {
        public var name: String
        public var digest: [String: String]

        public init(name: String, sha256: String) {
            self.name = name
            self.digest = ["sha256": sha256]
        }
    }
}
