/// The data categories and data subjects a descriptor may name: the taxonomy's keys.
///
/// The loader knows no taxonomy (the rules bring it, and `--rules DIR/taxonomy/` extends it), so
/// callers that have one hand its keys in. A category the taxonomy lacks would otherwise carry no
/// flags: camera images written as `persoonsgegevens` count as non-personal, and every privacy rule
/// quietly stops applying.
public struct Vocabulary: Sendable {
    public var categories: Set<String>
    public var subjects: Set<String>

    public init(categories: Set<String>, subjects: Set<String>) {
        self.categories = categories; self.subjects = subjects
    }
}

extension Vocabulary {
    /// An error for each category or subject of `assets` that is not a key, at the list item.
    func check(_ assets: [DataAsset], sink: DiagnosticSink) {
        for asset in assets {
            for (i, key) in asset.categories.enumerated() where !categories.contains(key) {
                report(key, "data category", at: asset.marks, field: "categories", index: i, known: categories, sink: sink)
            }
            for (i, key) in (asset.subjects ?? []).enumerated() where !subjects.contains(key) {
                report(key, "data subject", at: asset.marks, field: "subjects", index: i, known: subjects, sink: sink)
            }
        }
    }

    private func report(_ key: String, _ what: String, at marks: Marks, field: String, index: Int,
                        known: Set<String>, sink: DiagnosticSink) {
        if sink.isFull { sink.add(.error("unknown \(what) `\(key)`", at: nil)); return }
        let suggestion = Suggestions.didYouMean(key, in: known)
        let listed = "`schouw rules taxonomy` lists the known ones; add your own under `--rules DIR/taxonomy/`"
        sink.add(.error("unknown \(what) `\(key)`", at: marks.mark(of: "\(field)[\(index)]") ?? marks[field],
                        hint: suggestion.map { "\($0) \(listed)" } ?? listed,
                        path: (marks.sourcePath.map { $0 + "." } ?? "") + "\(field)[\(index)]"))
    }
}
