/// Writes a `YAMLMap` as block-style YAML with two-space indentation, deterministically.
///
/// Strings are written plain only when every YAML 1.1 and 1.2 reader would read them back as the
/// same string; otherwise they are double-quoted. So `NO`, `yes`, `1.0`, `2026-01-01` and `null`
/// survive as strings in any tool the descriptor is later opened with.
public enum YAMLWriter {
    /// The marker of every placeholder comment, so users can grep for what is left to fill in.
    public static let todoPrefix = "TODO(schouw import): "

    public static func write(_ root: YAMLMap, header: [String] = []) -> String {
        var out = ""
        for line in header { out += comment(line, indent: 0) }
        writeMap(root, indent: 0, into: &out)
        return out
    }

    static func writeMap(_ map: YAMLMap, indent: Int, into out: inout String, firstLinePrefix: String? = nil) {
        let pad = String(repeating: " ", count: indent)
        var first = true
        for entry in map.entries {
            for line in entry.comments {
                // A comment cannot sit between `- ` and the first key: put it above the item.
                out += comment(line, indent: indent)
            }
            let lead = first ? (firstLinePrefix ?? pad) : pad
            first = false
            out += lead + key(entry.key) + ":"
            writeValue(entry.value, indent: indent, into: &out)
        }
        if map.entries.isEmpty, let firstLinePrefix {
            out += firstLinePrefix + "{}\n"
        }
        for line in map.trailingComments { out += comment(line, indent: indent) }
    }

    /// Writes what follows `key:` on the current line (and below it for block values).
    static func writeValue(_ value: YAMLValue, indent: Int, into out: inout String) {
        switch value {
        case .string(let text): out += " " + scalar(text) + "\n"
        case .bool(let flag): out += flag ? " true\n" : " false\n"
        case .int(let number): out += " \(number)\n"
        case .list(let items):
            if value.isInline {
                out += " [" + items.map { item -> String in
                    if case .string(let text) = item { return scalar(text) }
                    return ""
                }.joined(separator: ", ") + "]\n"
                return
            }
            out += "\n"
            writeList(items, indent: indent + 2, into: &out)
        case .map(let map):
            if value.isInline { out += " {}\n"; return }
            out += "\n"
            writeMap(map, indent: indent + 2, into: &out)
        }
    }

    static func writeList(_ items: [YAMLValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .map(var map):
                // Comments of the first key go above the `- ` line.
                if var firstEntry = map.entries.first, !firstEntry.comments.isEmpty {
                    for line in firstEntry.comments { out += comment(line, indent: indent) }
                    firstEntry.comments = []
                    map.entries[0] = firstEntry
                }
                writeMap(map, indent: indent + 2, into: &out, firstLinePrefix: pad + "- ")
            case .string(let text): out += pad + "- " + scalar(text) + "\n"
            case .bool(let flag): out += pad + "- " + (flag ? "true" : "false") + "\n"
            case .int(let number): out += pad + "- \(number)\n"
            case .list(let inner):
                out += pad + "-"
                writeValue(.list(inner), indent: indent, into: &out)
            }
        }
    }

    static func comment(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        // Comments are one line each; a newline in source text must not end the comment early.
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.isEmpty ? pad + "#\n" : pad + "# " + flat + "\n"
    }

    static func key(_ text: String) -> String { isPlainSafe(text) ? text : quoted(text) }

    /// A string as a YAML scalar: plain when unambiguous, else double-quoted.
    public static func scalar(_ text: String) -> String { isPlainSafe(text) ? text : quoted(text) }

    /// Words that some YAML reader resolves to a boolean or null (YAML 1.1 and 1.2, any case).
    static let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard isLetter(first) else { return false }
        guard isLetter(last) || isDigit(last) || last == "." || last == ")" else { return false }
        if reserved.contains(text.lowercased()) { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("  ") { return false }
        for c in text.unicodeScalars {
            if isLetter(c) || isDigit(c) { continue }
            switch c {
            case " ", "-", "_", ".", "/", "(", ")", "+": continue
            default: return false
            }
        }
        return true
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F || (c.value >= 0x80 && c.value < 0xA0) {
                    out += "\\u" + hex4(c.value)
                } else if c.value == 0xFEFF || c.value == 0x2028 || c.value == 0x2029 {
                    out += "\\u" + hex4(c.value)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
