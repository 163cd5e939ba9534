import Foundation
import CEL

/// `{{path}}` placeholders in rule messages, filled from the subject's CEL values.
public enum MessageTemplate {
    /// The dotted paths named by placeholders, each with the offset of its `{{` in Unicode scalars,
    /// so an error about a placeholder can point at it.
    public static func located(_ text: String) -> [(path: String, offset: Int)] {
        var result: [(path: String, offset: Int)] = []
        var scalars = 0
        for piece in pieces(text) {
            switch piece {
            case .text(let t): scalars += t.unicodeScalars.count
            case .path(let path, let raw):
                result.append((path, scalars))
                scalars += raw.unicodeScalars.count
            }
        }
        return result
    }

    /// Literal text, or a placeholder's trimmed path with its raw text, braces included.
    enum Piece { case text(Substring), path(String, raw: Substring) }

    /// Splits `text` at `{{ ... }}`; an opening without a closing stays text. Plain Swift scanning:
    /// loading the rule library splits hundreds of messages, and Foundation's bridged search is slow.
    static func pieces(_ text: String) -> [Piece] {
        // Scans UTF-8 bytes: braces are ASCII, so every index found is a valid place to cut.
        let utf8 = text.utf8
        var pieces: [Piece] = []
        var literalStart = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let next = utf8.index(after: i)
            guard utf8[i] == UInt8(ascii: "{"), next < utf8.endIndex, utf8[next] == UInt8(ascii: "{") else {
                i = next
                continue
            }
            let inner = utf8.index(after: next)
            guard let close = closing(utf8, from: inner) else { break }
            if literalStart < i { pieces.append(.text(text[literalStart..<i])) }
            let after = utf8.index(close, offsetBy: 2)
            pieces.append(.path(String(text[inner..<close]).trimmedSpaces, raw: text[i..<after]))
            i = after
            literalStart = i
        }
        if literalStart < utf8.endIndex { pieces.append(.text(text[literalStart...])) }
        return pieces
    }

    private static func closing(_ utf8: String.UTF8View, from start: String.Index) -> String.Index? {
        var j = start
        while j < utf8.endIndex {
            let next = utf8.index(after: j)
            if utf8[j] == UInt8(ascii: "}"), next < utf8.endIndex, utf8[next] == UInt8(ascii: "}") { return j }
            j = next
        }
        return nil
    }

    /// A message split once into literal text and placeholder paths, so filling it for each of
    /// thousands of subjects is only lookups and concatenation.
    public struct Compiled: Sendable {
        enum Part: Sendable {
            case text(String)
            case path(first: String, rest: [FieldName])
        }
        let parts: [Part]
        /// The language of the message, for values shown in words (durations).
        let language: Language

        public init(_ text: String, language: Language = .en) {
            self.language = language
            parts = MessageTemplate.pieces(text).map { piece in
                switch piece {
                case .text(let t): return .text(String(t))
                case .path(let path, _):
                    let names = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    return .path(first: names.first ?? "", rest: names.dropFirst().map(FieldName.init))
                }
            }
        }

        /// `lookup` gives the value of a top-level variable (`project`, `flow`, ...).
        public func render(_ lookup: (String) -> Value?) -> String {
            if parts.count == 1, case .text(let t) = parts[0] { return t }
            // The pieces first, then one string of their total length: a city-wide audit renders
            // tens of thousands of messages, and appending piece by piece regrew each several times.
            var shown: [String] = []
            shown.reserveCapacity(parts.count)
            var length = 0
            for part in parts {
                let piece: String
                switch part {
                case .text(let t): piece = t
                case .path(let first, let rest): piece = display(resolve(lookup(first), rest), language: language)
                }
                length += piece.utf8.count
                shown.append(piece)
            }
            // Appending to a String costs more per piece (it checks where characters join) than
            // copying the bytes and checking the whole message once.
            return String(unsafeUninitializedCapacity: length) { buffer in
                var written = 0
                for var piece in shown {
                    piece.withUTF8 { utf8 in
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[written..<written + utf8.count]).initialize(from: utf8)
                        written += utf8.count
                    }
                }
                return written
            }
        }
    }

    /// Replaces each placeholder by the value at its path; a missing value prints as `?`.
    public static func render(_ text: String, variables: [String: Value]) -> String {
        Compiled(text).render { variables[$0] }
    }

    static func resolve(_ start: Value?, _ keys: [FieldName]) -> Value? {
        guard var current = start else { return nil }
        for key in keys {
            guard case .map(let m) = current, let next = m.lookup(field: key) else {
                // A missing name falls back to the id, which every object has.
                if key.name == "name", case .map(let m) = current, let id = m.lookup(field: idField) { return id }
                return nil
            }
            current = next
        }
        return current
    }

    private static let idField = FieldName("id")

    /// A duration in its largest whole unit, in words: `P30D` is "30 dagen" or "30 days".
    static func durationWords(seconds: Int64, _ language: Language) -> String {
        let units: [(seconds: Int64, nl: (String, String), en: (String, String))] = [
            (31_536_000, ("jaar", "jaar"), ("year", "years")), (86_400, ("dag", "dagen"), ("day", "days")),
            (3_600, ("uur", "uur"), ("hour", "hours")), (60, ("minuut", "minuten"), ("minute", "minutes")),
            (1, ("seconde", "seconden"), ("second", "seconds")),
        ]
        let sign = seconds < 0 ? "-" : ""
        let s = seconds.magnitude
        let unit = units.first { s > 0 && s % UInt64($0.seconds) == 0 } ?? units[units.count - 1]
        let count = s / UInt64(unit.seconds)
        let names = language == .nl ? unit.nl : unit.en
        return "\(sign)\(count) \(count == 1 ? names.0 : names.1)"
    }

    static func display(_ value: Value?, language: Language = .en) -> String {
        switch value {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .uint(let u)?: return String(u)
        case .double(let d)?: return String(d)
        case .bool(let b)?: return b ? "true" : "false"
        case .list(let items)?: return items.map { display($0, language: language) }.joined(separator: ", ")
        // In words: a council reads "30 dagen", not P30D.
        case .duration(let d)?: return durationWords(seconds: d.seconds, language)
        case .timestamp(let t)?:
            return t.seconds % 86_400 == 0 ? String(t.rfc3339.prefix(10)) : t.rfc3339
        case nil: return "?"
        case let v?: return v.literal
        }
    }
}

private extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
