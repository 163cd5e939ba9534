import Foundation
import Testing
@testable import SchouwReports

/// `Escape.xml`, `markdown`, `markdownCode` and `sarifText` return a clean text as it is after a
/// byte scan; these tests hold them to the character-by-character escaping they shortcut, on
/// texts built from every character that matters to any of them.
@Suite struct EscapingShortcutTests {
    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in Escape.visibleControls(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func markdown(_ text: String) -> String {
        let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "(", ")", "<", ">", "#", "|", "~"]
        let leading: Set<Character> = ["-", "+", "="]
        var out = ""
        for ch in Escape.visibleControls(text) {
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

    static func markdownCode(_ text: String) -> String {
        "`" + Escape.visibleControls(text).replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|") + "`"
    }

    static func sarifText(_ text: String) -> String {
        var out = ""
        for ch in Escape.visibleControls(text, keepNewlines: true) {
            if ch == "[" || ch == "]" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    @Test func shortcutsGiveWhatEscapingEachCharacterGives() {
        let alphabet: [String] = ["a", "Z", " ", "-", "+", "=", "\\", "`", "*", "_", "[", "]", "(", ")", "<", ">", "#",
                                  "|", "~", "&", "\"", "'", "é", "e\u{301}", "-\u{301}", "[\u{301}", "\u{FFFE}", "\u{FFFF}",
                                  "\u{EFFF}", "\u{1B}", "\n", "\u{202E}", "👩🏽‍💻"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var texts = ["", "plain text", "Doel 7 verwerkt gegevens", "-start", "end-"]
        for _ in 0..<3_000 { texts.append((0..<next(8)).map { _ in alphabet[next(alphabet.count)] }.joined()) }
        for text in texts {
            #expect(Escape.xml(text) == Self.xml(text), "xml: \(text.debugDescription)")
            #expect(Escape.markdown(text) == Self.markdown(text), "markdown: \(text.debugDescription)")
            #expect(Escape.markdownCode(text) == Self.markdownCode(text), "markdownCode: \(text.debugDescription)")
            #expect(Escape.sarifText(text) == Self.sarifText(text), "sarifText: \(text.debugDescription)")
        }
    }
}
