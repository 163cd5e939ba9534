import Foundation
import SchouwConcurrency

/// Minimal placeholder templates: `{{name}}` is replaced by `values["name"]`.
///
/// Substitution is a single left-to-right pass over the template; replaced text is never scanned again,
/// so a value that itself contains `{{...}}` stays literal. No loops or conditionals: reporters build
/// repeated sections in Swift and pass them in as finished, escaped text.
public struct Template: Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }

    /// Loads an embedded template (`Reports/templates/<path>`).
    public static func named(_ path: String) throws -> Template {
        guard let file = EmbeddedTemplates.files.first(where: { $0.path == path }) else {
            throw ReportError("report template '\(path)' is not embedded; run `swift run embed-resources`")
        }
        return Template(file.text)
    }

    /// Fills the placeholders as `render` does, handing the text to `sink` in pieces; a placeholder
    /// named in `sections` is written by its section, straight to the sink. A city's report has
    /// sections of hundreds of megabytes, which then never stand whole in memory.
    public func stream(_ values: [String: String], sections: [String: TemplateSection],
                       to sink: (Data) throws -> Void) throws {
        var pending = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            pending += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                pending += rest[open.lowerBound...]
                rest = rest[rest.endIndex...]
                break
            }
            let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = values[name] {
                pending += value
            } else if let section = sections[name] {
                if !pending.isEmpty { try sink(Data(pending.utf8)) }
                pending = ""
                try section(sink)
            } else {
                throw ReportError("report template has no value for placeholder '{{\(name)}}'")
            }
            rest = afterOpen[close.upperBound...]
        }
        pending += rest
        if !pending.isEmpty { try sink(Data(pending.utf8)) }
    }

    /// Fills the placeholders; a placeholder without a value is an error, so templates and code stay in step.
    public func render(_ values: [String: String]) throws -> String {
        var out = Data()
        try stream(values, sections: [:]) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A part of a template written by code, in pieces handed to the sink it is given.
public typealias TemplateSection = ((Data) throws -> Void) throws -> Void

/// Writes a report made of long lists of entries (a template's sections, JUnit's suites, the text
/// report): the entries made in blocks on every core, handed on in order in pieces of about a
/// megabyte, so that a city's report of hundreds of megabytes never stands whole in memory.
struct SectionWriter {
    static let pieceSize = 1 << 20
    private var bytes: [UInt8] = []
    private let sink: (Data) throws -> Void

    init(sink: @escaping (Data) throws -> Void) {
        self.sink = sink
    }

    mutating func add(_ text: String) throws {
        bytes += text.utf8
        try flushIfFull()
    }

    /// `text` and a line break.
    mutating func addLine(_ text: String) throws {
        bytes += text.utf8
        bytes.append(UInt8(ascii: "\n"))
        try flushIfFull()
    }

    /// `count` entries, entry `i` made by `entry(i)`, each preceded by `separator`.
    mutating func addEntries(_ count: Int, separator: String = "", _ entry: (Int) -> String) throws {
        try addBlocks(count, block: 512) { range in
            var text = ""
            for i in range {
                text += separator
                text += entry(i)
            }
            return Array(text.utf8)
        }
    }

    /// The bytes `make` gives for consecutive blocks of `0..<count`, made on every core and added
    /// in order as they are ready.
    mutating func addBlocks(_ count: Int, block: Int, make: (Range<Int>) -> [UInt8]) throws {
        try forEachBlockInOrder(count, block: block, window: 8, make: make, consume: { piece in
            bytes += piece
            try flushIfFull()
        })
    }

    private mutating func flushIfFull() throws {
        if bytes.count >= Self.pieceSize { try flush() }
    }

    mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        try sink(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands `sink` the text `body` adds to a writer, in pieces, the last when `body` is done.
    static func write(to sink: (Data) throws -> Void, _ body: (inout SectionWriter) throws -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            var writer = SectionWriter(sink: sink)
            try body(&writer)
            try writer.flush()
        }
    }

    /// A section whose text `body` adds to a writer.
    static func section(_ body: @escaping (inout SectionWriter) throws -> Void) -> TemplateSection {
        { sink in try write(to: sink, body) }
    }
}
