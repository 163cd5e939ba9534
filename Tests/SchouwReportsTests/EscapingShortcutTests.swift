import Foundation
import Testing
@testable import SchouwReports

/// `Escape.xml`, `markdown`, `markdownCode` and `sarifText` return a clean text as it is after a
/// byte scan; these tests hold them to the escaping each does character by character, on texts
/// built from every character that matters to any of them.
@Suite struct EscapingShortcutTests {
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
            let visible = Escape.visibleControls(text), visibleLines = Escape.visibleControls(text, keepNewlines: true)
            #expect(Escape.xml(text) == Escape.xmlEachScalar(visible), "xml: \(text.debugDescription)")
            #expect(Escape.markdown(text) == Escape.markdownEachCharacter(visible), "markdown: \(text.debugDescription)")
            #expect(Escape.markdownCode(text) == Escape.markdownCodeReplacing(visible), "markdownCode: \(text.debugDescription)")
            #expect(Escape.sarifText(text) == Escape.sarifEachCharacter(visibleLines), "sarifText: \(text.debugDescription)")
        }
    }
}
