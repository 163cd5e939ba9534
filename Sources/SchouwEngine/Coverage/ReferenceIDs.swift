import Foundation

/// Turns the `ref` text of a rule reference into the catalogue ids it names.
///
/// Rule authors write references as a reader of the norm would: `art. 28(3)(h)`, `art. 44-46`,
/// `art. 13, 14`, `5.17.01`, `9.4.2.1`, `U.05.1`. Coverage and the reference check need the ids.
public enum ReferenceIDs {
    /// Catalogue ids for a reference of `framework`; nil when the text has no recognisable id.
    public static func ids(_ ref: String, framework: CoverageFramework) -> [String]? {
        switch framework {
        case .avg: articles(ref).map { $0.map { "art. \($0)" } }
        case .bio2, .bio104, .bioCloud: measureIDs(ref)
        }
    }

    /// Article numbers named by an `art. ...` reference. Ranges expand (`art. 44-46` is 44, 45, 46);
    /// paragraphs and points are ignored (`art. 28(3)(h)` is 28); lists separate with `,`, `;`, `en`,
    /// `and`. Nil when no article number is found or a range runs backwards or spans more than 99.
    public static func articles(_ ref: String) -> [Int]? {
        var text = Substring(ref.trimmingCharacters(in: .whitespaces))
        for prefix in ["artikelen", "artikel", "arts.", "art.", "art"] where text.lowercased().hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            break
        }
        let normalised = text.replacingOccurrences(of: " en ", with: ",").replacingOccurrences(of: " and ", with: ",")
            .replacingOccurrences(of: ";", with: ",")
        var result: [Int] = []
        for piece in normalised.split(separator: ",") {
            guard let numbers = articleRange(piece) else { return nil }
            result += numbers
        }
        return result.isEmpty ? nil : result
    }

    /// `28(3)(h)` -> [28]; `44-46` -> [44, 45, 46]; `22 - 30` -> 22...30.
    private static func articleRange(_ piece: Substring) -> [Int]? {
        var chars = piece.drop { $0 == " " }
        let firstDigits = chars.prefix { $0.isASCII && $0.isNumber }
        guard let first = Int(firstDigits) else { return nil }
        chars = chars.dropFirst(firstDigits.count)
        // Skip paragraph and point markers: (3)(h).
        while chars.first == "(" {
            guard let close = chars.firstIndex(of: ")") else { return nil }
            chars = chars[chars.index(after: close)...]
        }
        chars = chars.drop { $0 == " " }
        guard let dash = chars.first, dash == "-" || dash == "–" else {
            return chars.isEmpty ? [first] : nil
        }
        chars = chars.dropFirst().drop { $0 == " " }
        // `5(1)(c)-(e)` is a range of points within one article.
        if chars.first == "(" { return [first] }
        let lastDigits = chars.prefix { $0.isASCII && $0.isNumber }
        guard let last = Int(lastDigits), last >= first, last - first < 99 else { return nil }
        return Array(first...last)
    }

    /// BIO and cloud measure ids: the reference is the id itself; a list or a range within one control
    /// (`5.21.02-5.21.05`) expands.
    private static func measureIDs(_ ref: String) -> [String]? {
        var ids: [String] = []
        for piece in ref.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            let ends = trimmed.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = ends.first, !first.isEmpty, first.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }) else {
                return nil
            }
            guard ends.count == 2 else { ids.append(first); continue }
            let a = first.split(separator: "."), b = ends[1].split(separator: ".")
            guard a.count == b.count, a.dropLast() == b.dropLast(), let from = a.last.flatMap({ Int($0) }),
                  let to = b.last.flatMap({ Int($0) }), from <= to, to - from < 100, let width = a.last?.count else {
                return nil
            }
            let stem = a.dropLast().joined(separator: ".")
            for n in from...to {
                let digits = String(n)
                ids.append(stem + "." + String(repeating: "0", count: max(0, width - digits.count)) + digits)
            }
        }
        return ids.isEmpty ? nil : ids
    }
}
