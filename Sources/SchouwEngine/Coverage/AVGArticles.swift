import SchouwModel

/// Reads `Rules/catalogues/avg-articles.yaml`: the AVG articles that oblige a controller, with a
/// short title in Dutch and English.
///
/// The file is data so a privacy officer can extend the list without touching Swift:
///
///     name: Algemene verordening gegevensbescherming (AVG)
///     version: "(EU) 2016/679"
///     source: "..."
///     articles:
///       - {article: 5, nl: "Beginselen ...", en: "Principles ..."}
enum AVGArticles {
    /// The AVG has 99 articles.
    static let articleRange = 1...99

    static func parse(_ text: String, path: String) throws(CoverageError) -> Catalogue {
        let (document, diagnostics) = YAMLParser.parse(text: text, path: path)
        if let error = diagnostics.first(where: { $0.severity == .error }) {
            throw .malformed(path: path, line: error.mark?.line ?? 1, message: error.message)
        }
        guard let root = document?.root, root.kind == .mapping else {
            throw .malformed(path: path, line: 1, message: "expected a mapping with `articles:`")
        }
        guard let list = root["articles"], list.kind == .sequence else {
            throw .malformed(path: path, line: root.line, message: "`articles:` is missing or not a list")
        }
        var entries: [CatalogueEntry] = []
        var seen: Set<Int> = []
        for item in list.items {
            guard let number = item["article"]?.int, articleRange.contains(number) else {
                throw .malformed(path: path, line: item.line, message: "`article:` must be a number from 1 to 99")
            }
            guard let nl = item["nl"]?.string, let en = item["en"]?.string else {
                throw .malformed(path: path, line: item.line, message: "article \(number) needs `nl:` and `en:` titles")
            }
            guard seen.insert(number).inserted else {
                throw .malformed(path: path, line: item.line, message: "article \(number) is listed twice")
            }
            entries.append(CatalogueEntry(id: "art. \(number)", title: LocalizedText(nl: nl, en: en), text: nil,
                                          group: item["chapter"]?.string, level: nil, standing: .listed))
        }
        entries.sort { articleNumber($0.id) < articleNumber($1.id) }
        return Catalogue(framework: .avg, name: root["name"]?.string ?? "AVG", version: root["version"]?.string ?? "",
                         source: root["source"]?.string ?? "", entries: entries)
    }

    static func articleNumber(_ id: String) -> Int { Int(id.dropFirst(5)) ?? 0 }
}
