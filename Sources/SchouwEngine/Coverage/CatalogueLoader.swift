import Foundation
import SchouwModel

/// Reads the catalogues embedded with the rules (`Rules/catalogues/`).
public enum CatalogueLoader {
    /// The built-in catalogue of `framework`.
    public static func builtIn(_ framework: CoverageFramework) throws(CoverageError) -> Catalogue {
        let path = framework.cataloguePath
        guard let text = EmbeddedRules.files.first(where: { $0.path == path })?.text else {
            throw .missingCatalogue("Rules/" + path)
        }
        return try parse(framework, text: text, path: "Rules/" + path)
    }

    /// Parses a catalogue file of `framework`; `path` is only used in error messages.
    public static func parse(_ framework: CoverageFramework, text: String, path: String) throws(CoverageError) -> Catalogue {
        switch framework {
        case .bio2: try bio2(CSVTable.parse(text, path: path), path: path)
        case .bio104: try bio104(CSVTable.parse(text, path: path), path: path)
        case .bioCloud: try bioCloud(CSVTable.parse(text, path: path), path: path)
        case .avg: try AVGArticles.parse(text, path: path)
        }
    }

    /// BIO2: every measure id of v1.3; only status `overheidsmaatregel` is listed.
    static func bio2(_ table: CSVTable, path: String) throws(CoverageError) -> Catalogue {
        try require(["id", "iso27002_2022_control", "iso27002_2022_title_en", "status_v1_3", "text_v1_3",
                     "draagt_bij_aan_v1_2"], in: table, path: path)
        var entries: [CatalogueEntry] = []
        for i in table.records.indices {
            let field = { (name: String) in table.value(name, in: i) ?? "" }
            let text = field("text_v1_3")
            let short = ShortTitle.make(text)
            let level = field("draagt_bij_aan_v1_2")
            entries.append(CatalogueEntry(
                id: field("id"), title: LocalizedText(nl: short, en: short), text: text.isEmpty ? nil : text,
                group: field("iso27002_2022_control") + " " + field("iso27002_2022_title_en"),
                level: level.isEmpty ? nil : level, standing: bio2Standing(field("status_v1_3"))))
        }
        return Catalogue(framework: .bio2, name: "BIO2 overheidsmaatregelen", version: "1.3",
                         source: "MinBZK/Baseline-Informatiebeveiliging-Overheid, docs/maatregelen/index.md (v1.3 @270c203d); CC BY-SA 4.0",
                         entries: entries)
    }

    static func bio2Standing(_ status: String) -> CatalogueEntry.Standing {
        let parts = status.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count > 1 ? parts[1] : "") {
        case ("overheidsmaatregel", _): return .listed
        case ("geen_overheidsmaatregel", _): return .unlisted("geen overheidsmaatregel (ISO 27002 geldt)")
        case ("verplaatst", let to): return .unlisted("verplaatst naar \(to)")
        case ("verwijzing", let to): return .unlisted("verwijzing naar \(to)")
        case ("vervallen", _): return .unlisted("vervallen in v1.3")
        default: return .unlisted(status.isEmpty ? "geen status" : status)
        }
    }

    /// BIO 1.04 (2019): `09.04.02/01` becomes `9.4.2.1`; rows marked "- conform norm -" carry no
    /// government measure and are not listed.
    static func bio104(_ table: CSVTable, path: String) throws(CoverageError) -> Catalogue {
        try require(["control", "control_title", "maatregel_id", "maatregel_text", "maatregel_bbn"], in: table, path: path)
        var entries: [CatalogueEntry] = []
        for i in table.records.indices {
            let field = { (name: String) in table.value(name, in: i) ?? "" }
            guard let id = bio104ID(field("maatregel_id")) else {
                throw .malformed(path: path, line: table.recordLines[i],
                                 message: "maatregel_id `\(field("maatregel_id"))` is not of the form NN.NN.NN/MM")
            }
            let text = field("maatregel_text").trimmingCharacters(in: .whitespacesAndNewlines)
            // "- conform norm -", sometimes with a pointer: "- conform norm - (zie 08.03.02)".
            let conformNorm = text.hasPrefix("- conform norm -")
            let pointer = text.dropFirst("- conform norm -".count).trimmingCharacters(in: .whitespaces)
            let title = conformNorm ? field("control_title") : ShortTitle.make(text)
            let control = field("control").split(separator: ".").map { String(Int($0) ?? 0) }.joined(separator: ".")
            entries.append(CatalogueEntry(
                id: id, title: LocalizedText(nl: title, en: title), text: conformNorm ? nil : text,
                group: control + " " + field("control_title"), level: field("maatregel_bbn"),
                standing: conformNorm ? .unlisted("conform norm: geen overheidsmaatregel" + (pointer.isEmpty ? "" : " " + pointer))
                                      : .listed))
        }
        return Catalogue(framework: .bio104, name: "BIO 1.04 overheidsmaatregelen", version: "1.04",
                         source: "ICTU/document-as-code, python/domain/bio2019/content (@e65fddb9); Apache-2.0",
                         entries: entries)
    }

    /// `09.04.02/01` as rules write it: `9.4.2.1`.
    public static func bio104ID(_ raw: String) -> String? {
        let halves = raw.split(separator: "/")
        guard halves.count == 2 else { return nil }
        let parts = halves[0].split(separator: ".") + [halves[1]]
        let numbers = parts.compactMap { Int($0) }
        guard parts.count == 4, numbers.count == 4 else { return nil }
        return numbers.map(String.init).joined(separator: ".")
    }

    /// BIO Thema-uitwerking Clouddiensten: every control group is listed.
    static func bioCloud(_ table: CSVTable, path: String) throws(CoverageError) -> Catalogue {
        try require(["control_id", "name", "domain_category", "description"], in: table, path: path)
        var entries: [CatalogueEntry] = []
        for i in table.records.indices {
            let field = { (name: String) in table.value(name, in: i) ?? "" }
            let id = field("control_id")
            var name = field("name")
            if name.hasPrefix(id + " - ") { name = String(name.dropFirst(id.count + 3)) }
            let description = field("description")
            let title = name.isEmpty ? ShortTitle.make(description) : name
            entries.append(CatalogueEntry(
                id: id, title: LocalizedText(nl: title, en: title), text: description.isEmpty ? nil : description,
                group: field("domain_category"), level: nil, standing: .listed))
        }
        return Catalogue(framework: .bioCloud, name: "BIO Thema-uitwerking Clouddiensten", version: "2.x",
                         source: "Azure/Bio-Compliancy, ARM/BIO-azuredeploy.json (@f557fc5a); MIT; titles reworded by that repository",
                         entries: entries)
    }

    private static func require(_ columns: [String], in table: CSVTable, path: String) throws(CoverageError) {
        for c in columns where !table.header.contains(c) {
            throw .malformed(path: path, line: 1, message: "column `\(c)` is missing from the header")
        }
    }
}
