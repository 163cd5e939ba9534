/// Turns source identifiers into descriptor ids (`[a-z0-9][a-z0-9-]*`), unique within a section.
///
/// The same source key always gets the same id, so references resolve through `id(for:)`.
struct SlugMaker {
    private var bySource: [String: String] = [:]
    private var taken: Set<String> = []
    /// The fallback stem for sources without a single usable character, e.g. `system`.
    let stem: String

    init(stem: String) { self.stem = stem }

    /// The id already given to `source`, if any.
    func existing(_ source: String) -> String? { bySource[source] }

    /// The id for `source`: its slug, with `-2`, `-3`, ... when another source took it first.
    mutating func id(for source: String) -> String { id(for: source, named: source) }

    /// The id for `source`, made from `name` (when the source key itself is not meant for reading).
    mutating func id(for source: String, named name: String) -> String {
        if let known = bySource[source] { return known }
        let base = Self.slug(name).isEmpty ? stem : Self.slug(name)
        var candidate = base
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        bySource[source] = candidate
        return candidate
    }

    /// Lowercase ASCII letters and digits; every other run of characters becomes one `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let folded = fold(scalar)
            if let folded {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out += folded
            } else {
                pendingDash = true
            }
        }
        if out.count > 60 {
            out = String(out.prefix(60))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out
    }

    /// ASCII letters and digits as they are; common accented Latin letters without their accent.
    private static func fold(_ c: Unicode.Scalar) -> String? {
        if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") { return String(c) }
        switch c {
        case "à", "á", "â", "ã", "ä", "å": return "a"
        case "è", "é", "ê", "ë": return "e"
        case "ì", "í", "î", "ï": return "i"
        case "ò", "ó", "ô", "õ", "ö", "ø": return "o"
        case "ù", "ú", "û", "ü": return "u"
        case "ç": return "c"
        case "ñ": return "n"
        case "ß": return "ss"
        default: return nil
        }
    }
}
