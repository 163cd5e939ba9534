import Foundation

/// The formats `schouw checklist` writes.
public enum ChecklistFormat: String, Sendable, CaseIterable {
    case markdown, html, csv, xlsx

    /// True for formats that are not text and should not go to a terminal.
    public var isBinary: Bool { self == .xlsx }
}

extension Checklist {
    /// The checklist in `format`, as the bytes to write.
    public func render(_ format: ChecklistFormat, language: ChecklistLanguage) throws -> Data {
        switch format {
        case .markdown: Data(markdown(language: language).utf8)
        case .html: Data(html(language: language).utf8)
        case .csv: Data(csv(language: language).utf8)
        case .xlsx: try xlsx(language: language)
        }
    }
}

/// The formats `schouw checklist score` writes.
public enum ScoreFormat: String, Sendable, CaseIterable {
    case text, json, markdown
}

extension ChecklistScore {
    public func render(_ format: ScoreFormat, language: ChecklistLanguage) throws -> Data {
        switch format {
        case .text: Data(text(language: language).utf8)
        case .markdown: Data(markdown(language: language).utf8)
        case .json: try json()
        }
    }
}
