import Foundation
import SchouwResult

/// Escaping for every output syntax. Descriptor names, rule messages and waiver reasons come from
/// suppliers and third parties: whatever they hold (HTML, scripts, Markdown, terminal escapes) must be
/// shown as text and never interpreted. Each function is total: any string in, safe text out.
public enum Escape {
    static func isSteering(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        SteeringCharacters.contains(scalar, keepNewlines: keepNewlines)
    }

    /// Control characters shown as visible `\u{1b}` text, so an ESC, BEL or OSC 8 hyperlink in a name is
    /// visible in the report and inert in the terminal.
    public static func visibleControls(_ text: String, keepNewlines: Bool = false) -> String {
        SteeringCharacters.visible(text, keepNewlines: keepNewlines)
    }

    /// Plain terminal text: controls made visible, newlines kept out of single-line fields.
    public static func terminal(_ text: String) -> String { visibleControls(text) }

    /// Text content and attribute values in HTML, XML and SVG.
    public static func xml(_ text: String, keepNewlines: Bool = false) -> String {
        let visible = visibleControls(text, keepNewlines: keepNewlines)
        // Most texts hold no markup character and no non-character (U+FFFE and U+FFFF start with
        // byte EF): returned as they are, not rebuilt scalar by scalar.
        if !visible.utf8.contains(where: { Self.xmlBytes[Int($0)] }) { return visible }
        return xmlEachScalar(visible)
    }

    /// `xml` of a text whose controls are visible already, scalar by scalar (what its shortcut
    /// must agree with).
    static func xmlEachScalar(_ visible: String) -> String {
        var out = ""
        for scalar in visible.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Non-characters are not allowed in XML 1.0.
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Inline Markdown text: every character CommonMark or GitHub could read as syntax gets a backslash,
    /// so `<script>`, `[link](url)`, `**bold**`, tables and headings arrive as literal text.
    public static func markdown(_ text: String) -> String {
        let visible = visibleControls(text)
        // Most texts hold no syntax character and do not start with a list marker: no walk
        // through their characters.
        if let first = visible.utf8.first, !Self.markdownLeadingBytes[Int(first)],
           !visible.utf8.contains(where: { Self.markdownBytes[Int($0)] }) {
            return visible
        }
        return markdownEachCharacter(visible)
    }

    /// `markdown` of a text whose controls are visible already, character by character.
    static func markdownEachCharacter(_ visible: String) -> String {
        let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "(", ")", "<", ">", "#", "|", "~"]
        // A value never starts a line (newlines are made visible), but it may follow a list marker:
        // a leading `-`, `+` or `=` could then start a nested list or a rule.
        let leading: Set<Character> = ["-", "+", "="]
        var out = ""
        for ch in visible {
            if special.contains(ch) || (out.isEmpty && leading.contains(ch)) {
                out.append("\\"); out.append(ch)
            } else if ch == "&" {
                out += "&amp;"
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Text inside a Markdown code span: backticks cannot be escaped there, so they are replaced; a pipe
    /// is escaped because GitHub tables split cells on it even inside code spans.
    public static func markdownCode(_ text: String) -> String {
        let visible = visibleControls(text)
        guard visible.utf8.contains(where: { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "|") }) else { return "`" + visible + "`" }
        return markdownCodeReplacing(visible)
    }

    /// `markdownCode` of a text whose controls are visible already, by replacing.
    static func markdownCodeReplacing(_ visible: String) -> String {
        "`" + visible.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|") + "`"
    }

    /// Bytes a text must hold for `xml` to change it: markup characters, and the first byte of
    /// U+FFFE and U+FFFF.
    private static let xmlBytes = byteTable("&<>\"'", extra: [0xEF])
    /// Bytes a text must hold for `markdown` to change it, anywhere and at its start.
    private static let markdownBytes = byteTable("\\`*_[]()<>#|~&")
    private static let markdownLeadingBytes = byteTable("-+=")

    private static func byteTable(_ characters: String, extra: [UInt8] = []) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { table[Int(byte)] = true }
        for byte in extra { table[Int(byte)] = true }
        return table
    }

    /// A Graphviz double-quoted string (ID or label): quotes and backslashes escaped, so Graphviz's
    /// `\N`, `\G`, `\l` escapes and HTML-like labels cannot be triggered from a name.
    public static func dot(_ text: String) -> String {
        var out = "\""
        for ch in visibleControls(text) {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// A Graphviz label of several lines: each line escaped, joined with Graphviz's `\n`.
    public static func dotLines(_ lines: [String]) -> String {
        "\"" + lines.map { String(dot($0).dropFirst().dropLast()) }.joined(separator: "\\n") + "\""
    }

    /// A Mermaid quoted label. Mermaid renders labels as HTML and reads its own `#name;` entities, so
    /// markup characters, quotes, `#` and backticks (Markdown strings) become numeric entity codes.
    public static func mermaid(_ text: String) -> String {
        var out = "\""
        for ch in visibleControls(text) {
            switch ch {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "&": out += "#amp;"
            case "#": out += "#35;"
            case "`": out += "#96;"
            case "|": out += "#124;"
            case "*": out += "#42;"
            case "_": out += "#95;"
            case "[": out += "#91;"
            case "]": out += "#93;"
            case "(": out += "#40;"
            case ")": out += "#41;"
            case "{": out += "#123;"
            case "}": out += "#125;"
            case ";": out += "#59;"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// JSON text with C1 controls and bidi overrides written as `\u` escapes. JSON encoders leave these
    /// raw (only C0 must be escaped); escaping them keeps the data identical but makes `cat result.json`
    /// safe on a terminal.
    /// `jsonSafe` for bytes: the same bytes back, uncopied, when there is nothing to escape.
    public static func jsonSafe(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.withUnsafeBufferPointer({ SteeringCharacters.mayOccur(inUTF8: $0, keepNewlines: true) }) else { return bytes }
        return Array(jsonSafe(Data(bytes)))
    }

    public static func jsonSafe(_ data: Data) -> Data {
        // A byte scan first: a JSON result of a city-wide audit runs to hundreds of megabytes and
        // almost never holds such characters, so it is neither decoded nor copied.
        guard data.withUnsafeBytes({ SteeringCharacters.mayOccur(inUTF8: $0, keepNewlines: true) }) else { return data }
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { isSteering($0, keepNewlines: true) }) else { return data }
        var out = ""
        for scalar in text.unicodeScalars {
            if isSteering(scalar, keepNewlines: true) && scalar.value >= 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return Data(out.utf8)
    }

    /// SARIF plain-text messages treat `[text](target)` as an embedded link; brackets are escaped so a
    /// name cannot create one (SARIF 2.1.0 section 3.11.6).
    public static func sarifText(_ text: String) -> String {
        let visible = visibleControls(text, keepNewlines: true)
        // Most messages hold no bracket or backslash: no walk through their characters.
        guard visible.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "\\") })
        else { return visible }
        return sarifEachCharacter(visible)
    }

    /// `sarifText` of a text whose controls are visible already, character by character.
    static func sarifEachCharacter(_ visible: String) -> String {
        var out = ""
        for ch in visible {
            if ch == "[" || ch == "]" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
