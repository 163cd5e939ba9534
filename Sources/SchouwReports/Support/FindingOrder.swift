import SchouwResult

extension ReportModel {
    /// The outcomes whose effective status `keep` accepts, in finding-id order (ties by rule), as
    /// SARIF and OSCAL list them. Each finding id is made once: it is derived when read, and
    /// sorting a city's hundreds of thousands of outcomes made it at every comparison.
    static func inFindingOrder(_ outcomes: [Outcome], keep: (OutcomeStatus) -> Bool) -> [Outcome] {
        outcomes.filter { keep($0.effectiveStatus) }
            .map { (finding: $0.finding, outcome: $0) }
            .sorted { ($0.finding, $0.outcome.rule) < ($1.finding, $1.outcome.rule) }
            .map(\.outcome)
    }
}

/// The relative URI of every descriptor file a report points at, made once per file: percent
/// encoding goes through Foundation and cost more than the rest of a SARIF result.
struct ArtifactURIs: Sendable {
    private let uris: [String: String]
    private let root: String?

    init(_ outcomes: [Outcome], descriptorPath: String, root: String?) {
        var files: Set<String> = [descriptorPath]
        for outcome in outcomes { if let file = outcome.location?.file { files.insert(file) } }
        var uris: [String: String] = [:]
        for file in files { uris[file] = SARIFReporter.relativeURI(file, root: root) }
        self.uris = uris
        self.root = root
    }

    subscript(file: String) -> String { uris[file] ?? SARIFReporter.relativeURI(file, root: root) }
}
