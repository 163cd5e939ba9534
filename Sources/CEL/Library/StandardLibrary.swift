import Foundation

/// The CEL standard functions (everything that is not an operator with its own plan node).
extension FunctionLibrary {
    public static let standard: FunctionLibrary = {
        var lib = FunctionLibrary()
        lib.addSizeAndStrings()
        lib.addConversions()
        lib.addTimeAccessors()
        return lib
    }()

    private mutating func addSizeAndStrings() {
        let size: FunctionImplementation = { args in
            switch args[0] {
            case .string(let s): return .int(Int64(s.unicodeScalars.count))
            case .bytes(let b): return .int(Int64(b.count))
            case .list(let l): return .int(Int64(l.count))
            case .map(let m): return .int(Int64(m.count))
            default: return .error(EvalError.noOverload("size", args))
            }
        }
        for type in [CELType.string, .bytes, .list(.param("A")), .map(.param("A"), .param("B"))] {
            addBoth("size", [type], .int, size)
        }
        add("string.contains(string) -> bool") { args in
            guard case .string(let s) = args[0], case .string(let t) = args[1] else { return .error(EvalError.noOverload("contains", args)) }
            return .bool(t.isEmpty || s.unicodeScalars.containsSubsequence(t.unicodeScalars))
        }
        add("string.startsWith(string) -> bool") { args in
            guard case .string(let s) = args[0], case .string(let t) = args[1] else { return .error(EvalError.noOverload("startsWith", args)) }
            return .bool(s.unicodeScalars.starts(with: t.unicodeScalars))
        }
        add("string.endsWith(string) -> bool") { args in
            guard case .string(let s) = args[0], case .string(let t) = args[1] else { return .error(EvalError.noOverload("endsWith", args)) }
            return .bool(s.unicodeScalars.reversed().starts(with: t.unicodeScalars.reversed()))
        }
        let matches: FunctionImplementation = { args in
            guard case .string(let s) = args[0], case .string(let pattern) = args[1] else {
                return .error(EvalError.noOverload("matches", args))
            }
            switch RegexCache.shared.regex(pattern) {
            case .failure(let e): return .error(e)
            case .success(let regex):
                let range = NSRange(s.startIndex..<s.endIndex, in: s)
                return .bool(regex.firstMatch(in: s, options: [], range: range) != nil)
            }
        }
        addBoth("matches", [.string, .string], .bool, matches)
    }

    private mutating func addConversions() {
        add("int(int) -> int") { $0[0] }
        add("int(uint) -> int") { args in
            guard case .uint(let u) = args[0] else { return .error(EvalError.noOverload("int", args)) }
            return u <= UInt64(Int64.max) ? .int(Int64(u)) : .err(.overflow, "range error converting \(u)u to int")
        }
        add("int(double) -> int") { args in
            guard case .double(let d) = args[0] else { return .error(EvalError.noOverload("int", args)) }
            guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else {
                return .err(.overflow, "range error converting \(Value.doubleLiteral(d)) to int")
            }
            return .int(Int64(d.rounded(.towardZero)))
        }
        add("int(string) -> int") { args in
            guard case .string(let s) = args[0], let i = Int64(s) else {
                return .err(.invalidArgument, "type conversion error: cannot convert \(args[0].literal) to int")
            }
            return .int(i)
        }
        add("int(timestamp) -> int") { args in
            guard case .timestamp(let t) = args[0] else { return .error(EvalError.noOverload("int", args)) }
            return .int(t.seconds)
        }
        add("uint(uint) -> uint") { $0[0] }
        add("uint(int) -> uint") { args in
            guard case .int(let i) = args[0] else { return .error(EvalError.noOverload("uint", args)) }
            return i >= 0 ? .uint(UInt64(i)) : .err(.overflow, "range error converting \(i) to uint")
        }
        add("uint(double) -> uint") { args in
            guard case .double(let d) = args[0] else { return .error(EvalError.noOverload("uint", args)) }
            guard d.isFinite, d > -1, d < 1.8446744073709551616e19 else {
                return .err(.overflow, "range error converting \(Value.doubleLiteral(d)) to uint")
            }
            return .uint(UInt64(d.rounded(.towardZero)))
        }
        add("uint(string) -> uint") { args in
            guard case .string(let s) = args[0], let u = UInt64(s) else {
                return .err(.invalidArgument, "type conversion error: cannot convert \(args[0].literal) to uint")
            }
            return .uint(u)
        }
        add("double(double) -> double") { $0[0] }
        add("double(int) -> double") { args in
            guard case .int(let i) = args[0] else { return .error(EvalError.noOverload("double", args)) }
            return .double(Double(i))
        }
        add("double(uint) -> double") { args in
            guard case .uint(let u) = args[0] else { return .error(EvalError.noOverload("double", args)) }
            return .double(Double(u))
        }
        add("double(string) -> double") { args in
            guard case .string(let s) = args[0], let d = parseDouble(s) else {
                return .err(.invalidArgument, "type conversion error: cannot convert \(args[0].literal) to double")
            }
            return .double(d)
        }
        add("string(string) -> string") { $0[0] }
        add("string(int) -> string") { args in
            guard case .int(let i) = args[0] else { return .error(EvalError.noOverload("string", args)) }
            return .string(String(i))
        }
        add("string(uint) -> string") { args in
            guard case .uint(let u) = args[0] else { return .error(EvalError.noOverload("string", args)) }
            return .string(String(u))
        }
        add("string(double) -> string") { args in
            guard case .double(let d) = args[0] else { return .error(EvalError.noOverload("string", args)) }
            return .string(formatDouble(d))
        }
        add("string(bool) -> string") { args in
            guard case .bool(let b) = args[0] else { return .error(EvalError.noOverload("string", args)) }
            return .string(b ? "true" : "false")
        }
        add("string(bytes) -> string") { args in
            guard case .bytes(let b) = args[0] else { return .error(EvalError.noOverload("string", args)) }
            guard let s = String(validating: b, as: UTF8.self) else {
                return .err(.invalidArgument, "invalid UTF-8 in bytes to string conversion")
            }
            return .string(s)
        }
        add("string(timestamp) -> string") { args in
            guard case .timestamp(let t) = args[0] else { return .error(EvalError.noOverload("string", args)) }
            return .string(t.rfc3339)
        }
        add("string(duration) -> string") { args in
            guard case .duration(let d) = args[0] else { return .error(EvalError.noOverload("string", args)) }
            return .string(d.text)
        }
        add("bytes(bytes) -> bytes") { $0[0] }
        add("bytes(string) -> bytes") { args in
            guard case .string(let s) = args[0] else { return .error(EvalError.noOverload("bytes", args)) }
            return .bytes(Array(s.utf8))
        }
        add("bool(bool) -> bool") { $0[0] }
        add("bool(string) -> bool") { args in
            guard case .string(let s) = args[0] else { return .error(EvalError.noOverload("bool", args)) }
            switch s {
            case "1", "t", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "false", "FALSE", "False": return .bool(false)
            default: return .err(.invalidArgument, "type conversion error: cannot convert \(Value.quote(s)) to bool")
            }
        }
        add("timestamp(timestamp) -> timestamp") { $0[0] }
        add("timestamp(string) -> timestamp") { args in
            guard case .string(let s) = args[0] else { return .error(EvalError.noOverload("timestamp", args)) }
            guard let t = Timestamp.parse(s) else {
                return .err(.invalidArgument, "cannot parse \(Value.quote(s)) as a timestamp (expected RFC 3339, e.g. 2024-01-31T12:00:00Z)")
            }
            return .timestamp(t)
        }
        add("timestamp(int) -> timestamp") { args in
            guard case .int(let i) = args[0] else { return .error(EvalError.noOverload("timestamp", args)) }
            let t = Timestamp(seconds: i)
            return t.isInRange ? .timestamp(t) : .err(.overflow, "timestamp out of range")
        }
        add("duration(duration) -> duration") { $0[0] }
        add("duration(string) -> duration") { args in
            guard case .string(let s) = args[0] else { return .error(EvalError.noOverload("duration", args)) }
            guard let d = CELDuration.parse(s) else {
                return .err(.invalidArgument, "cannot parse \(Value.quote(s)) as a duration (expected e.g. 30s, 1h30m)")
            }
            return .duration(d)
        }
        add("dyn(A) -> dyn") { $0[0] }
        add("type(A) -> type(A)") { args in .type(args[0].typeValue) }
    }

    private mutating func addTimeAccessors() {
        typealias Field = @Sendable (LocalTime) -> Int64
        let fields: [(String, Field)] = [
            ("getFullYear", { $0.year }), ("getMonth", { $0.month - 1 }), ("getDate", { $0.day }),
            ("getDayOfMonth", { $0.day - 1 }), ("getDayOfYear", { $0.dayOfYear }), ("getDayOfWeek", { $0.dayOfWeek }),
            ("getHours", { $0.hour }), ("getMinutes", { $0.minute }), ("getSeconds", { $0.second }),
            ("getMilliseconds", { $0.millisecond }),
        ]
        for (name, field) in fields {
            add(name, Overload(id: "timestamp_\(name)", member: true, parameters: [.timestamp], result: .int) { args in
                guard case .timestamp(let t) = args[0], let local = LocalTime.make(t, zone: nil) else {
                    return .error(EvalError.noOverload(name, args))
                }
                return .int(field(local))
            })
            add(name, Overload(id: "timestamp_\(name)_with_tz", member: true, parameters: [.timestamp, .string],
                               result: .int) { args in
                guard case .timestamp(let t) = args[0], case .string(let zone) = args[1] else {
                    return .error(EvalError.noOverload(name, args))
                }
                guard let local = LocalTime.make(t, zone: zone) else {
                    return .err(.invalidArgument, "unknown time zone \(Value.quote(zone))")
                }
                return .int(field(local))
            })
        }
        let durationFields: [(String, Int64)] = [("getHours", 3600), ("getMinutes", 60), ("getSeconds", 1)]
        for (name, divisor) in durationFields {
            add(name, Overload(id: "duration_\(name)", member: true, parameters: [.duration], result: .int) { args in
                guard case .duration(let d) = args[0] else { return .error(EvalError.noOverload(name, args)) }
                return .int(d.seconds / divisor)
            })
        }
        add("getMilliseconds", Overload(id: "duration_getMilliseconds", member: true, parameters: [.duration],
                                        result: .int) { args in
            guard case .duration(let d) = args[0] else { return .error(EvalError.noOverload("getMilliseconds", args)) }
            return .int(d.seconds * 1000 + Int64(d.nanos) / 1_000_000)
        })
    }
}

/// Parses a double as CEL's `double(string)` does, including `NaN`, `Infinity` and `-Infinity`.
func parseDouble(_ s: String) -> Double? {
    switch s {
    case "NaN": return .nan
    case "Infinity", "+Infinity", "inf", "+inf": return .infinity
    case "-Infinity", "-inf": return -.infinity
    default:
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(s)
    }
}

/// Formats a double as Go's `strconv.FormatFloat(d, 'g', -1, 64)` does (cel-go's `string(double)`):
/// shortest round-trip digits, exponent form below 1e-4 and from 1e21.
func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d > 0 ? "+Inf" : "-Inf" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    // Swift's description gives the shortest round-trip digits; take them apart.
    var text = "\(abs(d))"
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(text[text.index(after: e)...]) ?? 0
        text = String(text[..<e])
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let intPart = String(parts[0]), fracPart = parts.count > 1 ? String(parts[1]) : ""
    var digits = intPart + fracPart
    var pointPosition = intPart.count + exponent
    let leadingZeros = digits.prefix { $0 == "0" }.count
    digits.removeFirst(leadingZeros)
    pointPosition -= leadingZeros
    while digits.hasSuffix("0") { digits.removeLast() }
    if digits.isEmpty { digits = "0" }
    let decimalExponent = pointPosition - 1
    let sign = d < 0 ? "-" : ""
    if decimalExponent < -4 || decimalExponent >= 21 {
        var mantissa = String(digits.prefix(1))
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let expSign = decimalExponent < 0 ? "-" : "+"
        let expDigits = String(abs(decimalExponent))
        return sign + mantissa + "e" + expSign + (expDigits.count < 2 ? "0" + expDigits : expDigits)
    }
    if pointPosition <= 0 {
        return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
    }
    if pointPosition >= digits.count {
        return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
    }
    let index = digits.index(digits.startIndex, offsetBy: pointPosition)
    return sign + digits[..<index] + "." + digits[index...]
}

extension String.UnicodeScalarView {
    func containsSubsequence(_ needle: String.UnicodeScalarView) -> Bool {
        let hay = Array(self), n = Array(needle)
        guard n.count <= hay.count else { return false }
        if n.isEmpty { return true }
        for start in 0...(hay.count - n.count) where hay[start] == n[0] {
            if Array(hay[start..<(start + n.count)]) == n { return true }
        }
        return false
    }
}

/// Compiled regular expressions, shared across evaluations (patterns are usually constants).
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var cache: [String: NSRegularExpression] = [:]

    func regex(_ pattern: String) -> Result<NSRegularExpression, EvalError> {
        if pattern.isEmpty, let empty = try? NSRegularExpression(pattern: "(?:)", options: []) {
            return .success(empty)
        }
        lock.lock()
        if let cached = cache[pattern] {
            lock.unlock()
            return .success(cached)
        }
        lock.unlock()
        guard let translated = RE2Translation.translate(pattern),
              let regex = try? NSRegularExpression(pattern: translated, options: []) else {
            return .failure(EvalError(.invalidArgument, "invalid regular expression \(Value.quote(pattern))"))
        }
        lock.lock()
        if cache.count > 1000 { cache.removeAll() }
        cache[pattern] = regex
        lock.unlock()
        return .success(regex)
    }
}

/// Adjusts RE2 syntax for ICU: RE2 rejects backreferences and lookaround, which ICU would accept.
enum RE2Translation {
    static func translate(_ pattern: String) -> String? {
        let scalars = Array(pattern.unicodeScalars)
        var i = 0
        var out = ""
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\", i + 1 < scalars.count {
                let next = scalars[i + 1]
                if ("1"..."9").contains(next) { return nil }
                out.unicodeScalars.append(c)
                out.unicodeScalars.append(next)
                i += 2
                continue
            }
            if c == "(", i + 2 < scalars.count, scalars[i + 1] == "?",
               scalars[i + 2] == "=" || scalars[i + 2] == "!" || scalars[i + 2] == "<" && i + 3 < scalars.count
                && (scalars[i + 3] == "=" || scalars[i + 3] == "!") {
                return nil
            }
            if c == "(", i + 2 < scalars.count, scalars[i + 1] == "?", scalars[i + 2] == "P" {
                // RE2 named group (?P<name>...) -> ICU (?<name>...)
                out += "(?"
                i += 3
                continue
            }
            out.unicodeScalars.append(c)
            i += 1
        }
        return out
    }
}
