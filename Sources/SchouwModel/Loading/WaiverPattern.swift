/// The form of a waiver's `finding`: `RULE-ID@kind:id`, `*` matching within one segment (SPEC 2.4).
///
/// Checked when the waiver is read, so a malformed pattern is an error at its line like any other,
/// not a note at the end of a report that a pipeline writing SARIF never shows.
enum WaiverPattern {
    /// The subject kinds a finding can name: the project and the kinds of the descriptor's sections.
    static let kinds = ["project"] + DescriptorSchema.sections.map(\.kind)

    /// Reports what is wrong with `pattern`, at `node` (the `finding` value).
    static func check(_ pattern: String, at node: YAMLNode, sink: DiagnosticSink) {
        let example = "write RULE-ID@kind:id, e.g. `AVG-026@party:cloudco` or `AVG-026@party:*`"
        guard let at = pattern.firstIndex(of: "@") else {
            sink.error("waiver pattern `\(pattern)` has no `@`", at: node, hint: example)
            return
        }
        let rule = pattern[..<at], rest = pattern[pattern.index(after: at)...]
        guard let colon = rest.firstIndex(of: ":") else {
            sink.error("waiver pattern `\(pattern)` has no `:` between kind and id", at: node, hint: example)
            return
        }
        let kind = rest[..<colon], id = rest[rest.index(after: colon)...]
        if rule.isEmpty || kind.isEmpty || id.isEmpty {
            let part = rule.isEmpty ? "rule id" : kind.isEmpty ? "kind" : "id"
            sink.error("waiver pattern `\(pattern)` has an empty \(part)", at: node, hint: example + " (`*` matches any)")
            return
        }
        if !kind.contains("*"), !kinds.contains(String(kind)) {
            let suggestion = Suggestions.didYouMean(String(kind), in: kinds).map { $0 + " " } ?? ""
            sink.error("waiver pattern `\(pattern)` names no kind of subject `\(kind)`", at: node,
                       hint: suggestion + "kinds are " + kinds.joined(separator: ", "))
        }
    }
}
