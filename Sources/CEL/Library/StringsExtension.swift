import Foundation

/// The cel-go strings extension: charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace,
/// split, substring, trim, join, strings.quote, reverse and format. Indexes count Unicode code points.
extension FunctionLibrary {
    public static let stringsExtension: FunctionLibrary = {
        var lib = FunctionLibrary()
        lib.add("string.charAt(int) -> string") { args in
            guard case .string(let s) = args[0], case .int(let i) = args[1] else { return .error(EvalError.noOverload("charAt", args)) }
            let scalars = Array(s.unicodeScalars)
            guard i >= 0, i <= scalars.count else { return outOfRange(i) }
            return .string(i == scalars.count ? "" : String(scalars[Int(i)]))
        }
        lib.add("string.indexOf(string) -> int") { args in indexOf(args, last: false) }
        lib.add("string.indexOf(string, int) -> int") { args in indexOf(args, last: false) }
        lib.add("string.lastIndexOf(string) -> int") { args in indexOf(args, last: true) }
        lib.add("string.lastIndexOf(string, int) -> int") { args in indexOf(args, last: true) }
        lib.add("string.lowerAscii() -> string") { args in
            guard case .string(let s) = args[0] else { return .error(EvalError.noOverload("lowerAscii", args)) }
            return .string(String(String.UnicodeScalarView(s.unicodeScalars.map {
                ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32) ?? $0 : $0
            })))
        }
        lib.add("string.upperAscii() -> string") { args in
            guard case .string(let s) = args[0] else { return .error(EvalError.noOverload("upperAscii", args)) }
            return .string(String(String.UnicodeScalarView(s.unicodeScalars.map {
                ("a"..."z").contains($0) ? Unicode.Scalar($0.value - 32) ?? $0 : $0
            })))
        }
        lib.add("string.replace(string, string) -> string") { args in replace(args) }
        lib.add("string.replace(string, string, int) -> string") { args in replace(args) }
        lib.add("string.split(string) -> list(string)") { args in split(args) }
        lib.add("string.split(string, int) -> list(string)") { args in split(args) }
        lib.add("string.substring(int) -> string") { args in substring(args) }
        lib.add("string.substring(int, int) -> string") { args in substring(args) }
        lib.add("string.trim() -> string") { args in
            guard case .string(let s) = args[0] else { return .error(EvalError.noOverload("trim", args)) }
            var scalars = Substring(s).unicodeScalars[...]
            while let first = scalars.first, isGoSpace(first) { scalars.removeFirst() }
            while let last = scalars.last, isGoSpace(last) { scalars.removeLast() }
            return .string(String(String.UnicodeScalarView(scalars)))
        }
        lib.add("list(string).join() -> string") { args in join(args) }
        lib.add("list(string).join(string) -> string") { args in join(args) }
        lib.add("strings.quote", Overload(id: "strings_quote", parameters: [.string], result: .string) { args in
            guard case .string(let s) = args[0] else { return .error(EvalError.noOverload("strings.quote", args)) }
            return .string(Value.quote(s))
        })
        lib.add("string.reverse() -> string") { args in
            guard case .string(let s) = args[0] else { return .error(EvalError.noOverload("reverse", args)) }
            return .string(String(String.UnicodeScalarView(s.unicodeScalars.reversed())))
        }
        lib.add("string.format(list(dyn)) -> string") { args in
            guard case .string(let s) = args[0], case .list(let values) = args[1] else {
                return .error(EvalError.noOverload("format", args))
            }
            return StringFormat.format(s, values)
        }
        return lib
    }()
}

private func outOfRange(_ i: Int64) -> Value {
    .err(.indexOutOfRange, "index out of range: \(i)")
}

private func indexOf(_ args: [Value], last: Bool) -> Value {
    guard case .string(let s) = args[0], case .string(let t) = args[1] else {
        return .error(EvalError.noOverload(last ? "lastIndexOf" : "indexOf", args))
    }
    let hay = Array(s.unicodeScalars), needle = Array(t.unicodeScalars)
    var start: Int64 = last ? Int64(hay.count) : 0
    if args.count == 3 {
        guard case .int(let i) = args[2] else { return .error(EvalError.noOverload("indexOf", args)) }
        guard i >= 0, i <= hay.count else { return outOfRange(i) }
        start = i
    }
    if needle.count > hay.count { return .int(-1) }
    func matches(at position: Int) -> Bool {
        position + needle.count <= hay.count && Array(hay[position..<(position + needle.count)]) == needle
    }
    if last {
        var position = min(Int(start), hay.count - needle.count)
        while position >= 0 {
            if matches(at: position) { return .int(Int64(position)) }
            position -= 1
        }
    } else {
        var position = Int(start)
        while position + needle.count <= hay.count {
            if matches(at: position) { return .int(Int64(position)) }
            position += 1
        }
    }
    return .int(-1)
}

private func replace(_ args: [Value]) -> Value {
    guard case .string(let s) = args[0], case .string(let old) = args[1], case .string(let new) = args[2] else {
        return .error(EvalError.noOverload("replace", args))
    }
    var limit = -1
    if args.count == 4 {
        guard case .int(let n) = args[3] else { return .error(EvalError.noOverload("replace", args)) }
        limit = Int(clamping: n)
    }
    if limit == 0 { return .string(s) }
    let hay = Array(s.unicodeScalars), needle = Array(old.unicodeScalars), replacement = Array(new.unicodeScalars)
    var out: [Unicode.Scalar] = []
    var i = 0, done = 0
    while i <= hay.count {
        if limit < 0 || done < limit, i + needle.count <= hay.count, Array(hay[i..<(i + needle.count)]) == needle {
            out.append(contentsOf: replacement)
            done += 1
            if needle.isEmpty {
                if i < hay.count { out.append(hay[i]) }
                i += 1
            } else {
                i += needle.count
            }
            continue
        }
        if i < hay.count { out.append(hay[i]) }
        i += 1
    }
    return .string(String(String.UnicodeScalarView(out)))
}

private func split(_ args: [Value]) -> Value {
    guard case .string(let s) = args[0], case .string(let separator) = args[1] else {
        return .error(EvalError.noOverload("split", args))
    }
    var limit = -1
    if args.count == 3 {
        guard case .int(let n) = args[2] else { return .error(EvalError.noOverload("split", args)) }
        limit = Int(clamping: n)
    }
    if limit == 0 { return .list([]) }
    let hay = Array(s.unicodeScalars), sep = Array(separator.unicodeScalars)
    var parts: [[Unicode.Scalar]] = []
    if sep.isEmpty {
        for (index, scalar) in hay.enumerated() {
            if limit > 0, parts.count == limit - 1 {
                parts.append(Array(hay[index...]))
                break
            }
            parts.append([scalar])
        }
    } else {
        var current: [Unicode.Scalar] = []
        var i = 0
        while i < hay.count {
            if limit < 0 || parts.count < limit - 1, i + sep.count <= hay.count, Array(hay[i..<(i + sep.count)]) == sep {
                parts.append(current)
                current = []
                i += sep.count
                continue
            }
            current.append(hay[i])
            i += 1
        }
        parts.append(current)
    }
    return .list(parts.map { .string(String(String.UnicodeScalarView($0))) })
}

private func substring(_ args: [Value]) -> Value {
    guard case .string(let s) = args[0], case .int(let start) = args[1] else {
        return .error(EvalError.noOverload("substring", args))
    }
    let scalars = Array(s.unicodeScalars)
    var end = Int64(scalars.count)
    if args.count == 3 {
        guard case .int(let e) = args[2] else { return .error(EvalError.noOverload("substring", args)) }
        end = e
    }
    guard start >= 0, start <= scalars.count else { return outOfRange(start) }
    guard end >= 0, end <= scalars.count else { return outOfRange(end) }
    guard start <= end else { return .err(.invalidArgument, "invalid substring range. start: \(start), end: \(end)") }
    return .string(String(String.UnicodeScalarView(scalars[Int(start)..<Int(end)])))
}

private func join(_ args: [Value]) -> Value {
    guard case .list(let elements) = args[0] else { return .error(EvalError.noOverload("join", args)) }
    var separator = ""
    if args.count == 2 {
        guard case .string(let s) = args[1] else { return .error(EvalError.noOverload("join", args)) }
        separator = s
    }
    var strings: [String] = []
    for element in elements {
        guard case .string(let s) = element else { return .error(EvalError.noOverload("join", args)) }
        strings.append(s)
    }
    return .string(strings.joined(separator: separator))
}

/// Go's `unicode.IsSpace`, which the cel-go `trim()` uses.
private func isGoSpace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
}

/// `"...".format([args])`: the cel-go formatting clauses %s %d %f %e %b %o %x %X and %%.
enum StringFormat {
    static func format(_ template: String, _ args: [Value]) -> Value {
        let scalars = Array(template.unicodeScalars)
        var out = ""
        var i = 0, argIndex = 0
        while i < scalars.count {
            let c = scalars[i]
            guard c == "%" else {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < scalars.count else {
                return .err(.invalidArgument, "could not parse formatting clause: unexpected end of string")
            }
            if scalars[i] == "%" {
                out += "%"
                i += 1
                continue
            }
            var precision: Int?
            if scalars[i] == "." {
                i += 1
                var digits = 0, value = 0
                while i < scalars.count, ("0"..."9").contains(scalars[i]) {
                    guard value < 1000 else {
                        return .err(.invalidArgument, "could not parse formatting clause: precision too large")
                    }
                    value = value * 10 + Int(scalars[i].value - 48)
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return .err(.invalidArgument, "could not parse formatting clause: missing precision") }
                precision = value
            }
            guard i < scalars.count else {
                return .err(.invalidArgument, "could not parse formatting clause: unexpected end of string")
            }
            let verb = scalars[i]
            i += 1
            guard "sdfeboxX".unicodeScalars.contains(verb) else {
                return .err(.invalidArgument, "could not parse formatting clause: unrecognized formatting clause \"\(verb)\"")
            }
            guard argIndex < args.count else {
                return .err(.indexOutOfRange, "index \(argIndex) out of range")
            }
            let arg = args[argIndex]
            argIndex += 1
            switch clause(verb, precision: precision, arg) {
            case .success(let text): out += text
            case .failure(let error): return .error(error)
            }
        }
        return .string(out)
    }

    private static func failure(_ message: String) -> Result<String, EvalError> {
        .failure(EvalError(.invalidArgument, "error during formatting: " + message))
    }

    private static func special(_ d: Double) -> String? {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        return nil
    }

    private static func clause(_ verb: Unicode.Scalar, precision: Int?, _ arg: Value) -> Result<String, EvalError> {
        switch verb {
        case "s":
            return .success(plain(arg))
        case "d":
            switch arg {
            case .int(let i): return .success(String(i))
            case .uint(let u): return .success(String(u))
            case .double(let d): if let text = special(d) { return .success(text) }
            default: break
            }
            return failure("decimal clause can only be used on integers, was given \(arg.typeValue.name)")
        case "f", "e":
            let number: Double
            switch arg {
            case .int(let i): number = Double(i)
            case .uint(let u): number = Double(u)
            case .double(let d): number = d
            default:
                let name = verb == "f" ? "fixed-point" : "scientific"
                return failure("\(name) clause can only be used on doubles, was given \(arg.typeValue.name)")
            }
            if let text = special(number) { return .success(text) }
            return .success(String(format: "%.\(precision ?? 6)\(verb)", number))
        case "b":
            switch arg {
            case .int(let i): return .success(i < 0 ? "-" + String(i.magnitude, radix: 2) : String(i, radix: 2))
            case .uint(let u): return .success(String(u, radix: 2))
            case .bool(let b): return .success(b ? "1" : "0")
            default: return failure("only integers and bools can be formatted as binary, was given \(arg.typeValue.name)")
            }
        case "o":
            switch arg {
            case .int(let i): return .success(i < 0 ? "-" + String(i.magnitude, radix: 8) : String(i, radix: 8))
            case .uint(let u): return .success(String(u, radix: 8))
            default: return failure("octal clause can only be used on integers, was given \(arg.typeValue.name)")
            }
        default:
            let upper = verb == "X"
            let text: String
            switch arg {
            case .int(let i): text = i < 0 ? "-" + String(i.magnitude, radix: 16) : String(i, radix: 16)
            case .uint(let u): text = String(u, radix: 16)
            case .string(let s): text = Array(s.utf8).map { hexByte($0) }.joined()
            case .bytes(let b): text = b.map { hexByte($0) }.joined()
            default:
                return failure("only integers, byte buffers, and strings can be formatted as hex, was given \(arg.typeValue.name)")
            }
            return .success(upper ? text.uppercased() : text)
        }
    }

    private static func hexByte(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }

    /// The `%s` rendering: strings and bytes unquoted, containers with their elements rendered alike.
    static func plain(_ value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        case .double(let d): return special(d) ?? formatDouble(d)
        case .timestamp(let t): return t.rfc3339
        case .duration(let d): return d.text
        case .list(let elements): return "[" + elements.map(plain).joined(separator: ", ") + "]"
        case .map(let m):
            let rendered = m.entries.map { (plain($0.key), plain($0.value)) }.sorted { $0.0 < $1.0 }
            return "{" + rendered.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
        case .type(let t): return t.name
        case .uint(let u): return String(u)
        default: return value.literal
        }
    }
}
