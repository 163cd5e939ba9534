/// YAML 1.2 core schema tag resolution for plain scalars (libyaml leaves this to the caller).
enum ScalarResolver {
    /// Resolves the bytes of a plain scalar to its core-schema type.
    static func resolve(_ p: UnsafeBufferPointer<UInt8>) -> YAMLScalarType {
        let n = p.count
        if n == 0 { return .null }
        let c0 = p[0]
        // Fast exit: most scalars start with a letter that cannot begin a non-string value.
        switch c0 {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return resolveNumber(p)
        case UInt8(ascii: "~"):
            return n == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return matches(p, "null", "Null", "NULL") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matches(p, "true", "True", "TRUE") ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matches(p, "false", "False", "FALSE") ? .bool : .string
        default:
            return .string
        }
    }

    /// Resolves a Swift string (used for enum values in the schema export).
    static func resolve(_ text: String) -> YAMLScalarType {
        var copy = Array(text.utf8)
        return copy.withUnsafeMutableBufferPointer { resolve(UnsafeBufferPointer($0)) }
    }

    private static func matches(_ p: UnsafeBufferPointer<UInt8>, _ a: StaticString, _ b: StaticString, _ c: StaticString) -> Bool {
        equal(p, a) || equal(p, b) || equal(p, c)
    }

    private static func equal(_ p: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        guard p.count == s.utf8CodeUnitCount else { return false }
        let base = s.utf8Start
        for i in 0..<p.count where p[i] != base[i] { return false }
        return true
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func resolveNumber(_ p: UnsafeBufferPointer<UInt8>) -> YAMLScalarType {
        let n = p.count
        // 0o17, 0x1F
        if n > 2, p[0] == UInt8(ascii: "0"), p[1] == UInt8(ascii: "o") {
            for i in 2..<n where !(p[i] >= 48 && p[i] <= 55) { return .string }
            return .int
        }
        if n > 2, p[0] == UInt8(ascii: "0"), p[1] == UInt8(ascii: "x") {
            for i in 2..<n {
                let c = p[i]
                if !(isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)) { return .string }
            }
            return .int
        }
        var i = 0
        if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") { i = 1 }
        if i == n { return .string }
        // .inf / .nan
        if p[i] == UInt8(ascii: ".") && n - i == 4 {
            let rest = UnsafeBufferPointer(rebasing: p[(i + 1)...])
            if equal(rest, "inf") || equal(rest, "Inf") || equal(rest, "INF") { return .float }
            if i == 0, equal(rest, "nan") || equal(rest, "NaN") || equal(rest, "NAN") { return .float }
        }
        var intDigits = 0
        while i < n, isDigit(p[i]) { i += 1; intDigits += 1 }
        if i == n { return intDigits > 0 ? .int : .string }
        var fracDigits = 0
        if p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, isDigit(p[i]) { i += 1; fracDigits += 1 }
        }
        if intDigits == 0 && fracDigits == 0 { return .string }
        if i == n { return .float }
        if p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") { i += 1 }
            var expDigits = 0
            while i < n, isDigit(p[i]) { i += 1; expDigits += 1 }
            return (i == n && expDigits > 0) ? .float : .string
        }
        return .string
    }

    static func parseInt(_ text: String) -> Int? {
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("+") { return Int(text.dropFirst()) }
        return Int(text)
    }

    static func parseFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return Double(text)
        }
    }
}
