/// Shortens a measure text to a one-line title for tables.
///
/// BIO measures run to several paragraphs; a statement of applicability needs a line a reader can
/// recognise the measure by. The first sentence (or the lead-in before a list) is that line.
enum ShortTitle {
    static let maxLength = 110

    static func make(_ text: String, maxLength: Int = maxLength) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        let flat = words.joined(separator: " ")
        var sentence = flat
        if let end = firstSentenceEnd(flat) { sentence = String(flat[..<end]) }
        guard sentence.count > maxLength else { return sentence }
        var cut = ""
        for word in sentence.split(separator: " ") {
            if cut.count + word.count + 1 > maxLength - 1 { break }
            cut += cut.isEmpty ? String(word) : " " + word
        }
        if cut.isEmpty { cut = String(sentence.prefix(maxLength - 1)) }
        while let last = cut.last, ",;:-(".contains(last) { cut.removeLast() }
        return cut + "…"
    }

    /// The end of the first sentence: after `.` followed by a space and a capital, or at a `:` that
    /// introduces a list. Abbreviations like `bijv.` and ids like `5.17.01` do not end a sentence.
    private static func firstSentenceEnd(_ text: String) -> String.Index? {
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == ":" || c == ";" {
                if next == text.endIndex || text[next] == " " { return c == ":" ? next : i }
            }
            if c == "." || c == "?" || c == "!" {
                if next == text.endIndex { return next }
                let after = text.index(after: next)
                if text[next] == " ", after < text.endIndex, text[after].isUppercase,
                   !endsWithAbbreviation(text[..<i]) {
                    return next
                }
            }
            i = next
        }
        return nil
    }

    private static func endsWithAbbreviation(_ prefix: Substring) -> Bool {
        let lastWord = prefix.split(separator: " ").last.map(String.init)?.lowercased() ?? ""
        return ["bijv", "o.a", "m.b.t", "t.b.v", "e.g", "i.e", "art", "nr", "incl", "excl", "zgn", "z.s.m", "d.w.z", "etc"]
            .contains(lastWord)
    }
}
