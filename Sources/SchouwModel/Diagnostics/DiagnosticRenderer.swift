import SchouwResult

/// Renders diagnostics the way compilers do: a located header, the source line, a caret, a hint.
///
/// ```
/// error: project.yaml:41:11: unknown reference `telplatfrom` in `to`: no system has this id (at flows[0].to)
///    41 |     to: telplatfrom
///       |         ^
/// hint: did you mean `telplatform`?
/// 1 error
/// ```
public enum DiagnosticRenderer {
    /// Renders `diagnostics` sorted by file and position, followed by a count line.
    /// - Parameter sources: file path to file text, for showing the offending line; a missing file just
    ///   omits the source line.
    public static func render(_ diagnostics: [Diagnostic], sources: [String: String]) -> String {
        var lineIndex: [String: LineIndex] = [:]
        var out = ""
        for diagnostic in diagnostics.sorted(by: Diagnostic.displayOrder) {
            out += visible(diagnostic.description) + "\n"
            if let mark = diagnostic.mark, let text = sources[mark.file] {
                if lineIndex[mark.file] == nil { lineIndex[mark.file] = LineIndex(text) }
                if let line = lineIndex[mark.file]?.line(mark.line, in: text) {
                    out += sourceExcerpt(line: line, number: mark.line, column: mark.column)
                }
            }
            if let hint = diagnostic.hint, !hint.isEmpty { out += "hint: \(visible(hint))\n" }
        }
        out += countLine(diagnostics) + "\n"
        return out
    }

    /// Renders with the texts of the given files as sources.
    public static func render(_ diagnostics: [Diagnostic], files: [SourceFile]) -> String {
        var sources: [String: String] = [:]
        for file in files { sources[file.path] = file.text }
        return render(diagnostics, sources: sources)
    }

    /// Text from a descriptor, a rule or an answer file reaches the terminal in messages and
    /// hints (`unknown key ...`): its steering characters are shown, never sent, so a hostile file
    /// cannot recolour, move or clear the screen of whoever validates it.
    static func visible(_ text: String) -> String { SteeringCharacters.visible(text) }

    /// `3 errors`, `1 error, 2 warnings`, `no problems`.
    public static func countLine(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        switch (errors, warnings) {
        case (0, 0): return "no problems"
        case (_, 0): return plural(errors, "error")
        case (0, _): return plural(warnings, "warning")
        default: return plural(errors, "error") + ", " + plural(warnings, "warning")
        }
    }

    private static func sourceExcerpt(line: Substring, number: Int, column: Int) -> String {
        let gutter = String(number)
        let pad = String(repeating: " ", count: max(0, 5 - gutter.count))
        // Keep tabs so the caret lines up with the line as the terminal shows it.
        var caretPrefix = ""
        var col = 1
        for ch in line {
            if col >= column { break }
            caretPrefix.append(ch == "\t" ? "\t" : " ")
            col += 1
        }
        if col < column { caretPrefix += String(repeating: " ", count: column - col) }
        let shown = line.count > 400 ? String(line.prefix(400)) + "…" : String(line)
        // One character for each control character, so the caret still lines up.
        let printable = String(String.UnicodeScalarView(shown.unicodeScalars.map {
            SteeringCharacters.contains($0, keepNewlines: true) ? "?" : $0
        }))
        return "\(pad)\(gutter) | \(printable)\n\(pad)\(String(repeating: " ", count: gutter.count)) | \(caretPrefix)^\n"
    }
}

/// Byte offsets of line starts, so many diagnostics in one big file do not rescan it.
struct LineIndex {
    private var starts: [String.Index] = []

    init(_ text: String) {
        starts.append(text.startIndex)
        var index = text.startIndex
        let utf8 = text.utf8
        while let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
            index = utf8.index(after: newline)
            starts.append(index)
        }
    }

    func line(_ number: Int, in text: String) -> Substring? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? text.utf8.index(before: starts[number]) : text.endIndex
        if end > start, text.utf8[text.utf8.index(before: end)] == UInt8(ascii: "\r") {
            end = text.utf8.index(before: end)
        }
        return text[start..<end]
    }
}
