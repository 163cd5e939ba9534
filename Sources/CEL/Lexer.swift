/// Turns expression text into tokens. Errors are reported as `LexError` with an offset.
struct LexError: Error {
    var message: String
    var offset: Int
}

struct Lexer {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    private static func isDigit(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return s >= "0" && s <= "9"
    }

    private static func isHexDigit(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return isDigit(s) || (s >= "a" && s <= "f") || (s >= "A" && s <= "F")
    }

    private static func isIdentStart(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_"
    }

    private static func isIdentPart(_ s: Unicode.Scalar?) -> Bool {
        isIdentStart(s) || isDigit(s)
    }

    /// `==`, `!=`, `<=`, `>=`, `&&`, `||` and `.?`, matched on the scalars (no string built per token).
    private static func twoCharacterOperator(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> String? {
        switch (first, second) {
        case ("=", "="): "=="
        case ("!", "="): "!="
        case ("<", "="): "<="
        case (">", "="): ">="
        case ("&", "&"): "&&"
        case ("|", "|"): "||"
        case (".", "?"): ".?"
        default: nil
        }
    }

    private static func oneCharacterPunctuation(_ s: Unicode.Scalar) -> String? {
        switch s {
        case "+": "+"
        case "-": "-"
        case "*": "*"
        case "/": "/"
        case "%": "%"
        case "<": "<"
        case ">": ">"
        case "!": "!"
        case "?": "?"
        case ":": ":"
        case ".": "."
        case ",": ","
        case "(": "("
        case ")": ")"
        case "[": "["
        case "]": "]"
        case "{": "{"
        case "}": "}"
        default: nil
        }
    }

    /// Skips whitespace and `//` comments.
    private mutating func skipTrivia() {
        while let s = peek() {
            if s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" {
                position += 1
            } else if s == "/", peek(1) == "/" {
                while let c = peek(), c != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    /// Reads all tokens. `.5` is a number unless it follows an operand (then `.` selects a field).
    mutating func tokenize() throws(LexError) -> [Token] {
        var tokens: [Token] = []
        while true {
            skipTrivia()
            let start = position
            guard let s = peek() else {
                tokens.append(Token(kind: .end, start: start, end: start))
                return tokens
            }
            let previousIsOperand: Bool = {
                guard let last = tokens.last else { return false }
                switch last.kind {
                case .identifier, .int, .uint, .double, .string, .bytes: return true
                case .punct(let p): return p == ")" || p == "]" || p == "}"
                default: return false
                }
            }()
            if Lexer.isDigit(s) || (s == "." && Lexer.isDigit(peek(1)) && !previousIsOperand) {
                tokens.append(try lexNumber())
                continue
            }
            if Lexer.isIdentStart(s) {
                // String prefixes: r, b, rb, br (any case) directly followed by a quote.
                if let token = try lexPrefixedString() {
                    tokens.append(token)
                    continue
                }
                while Lexer.isIdentPart(peek()) { position += 1 }
                // Identifiers are ASCII (see isIdentPart): one byte per scalar.
                let word = String(unsafeUninitializedCapacity: position - start) { buffer in
                    for (i, scalar) in scalars[start..<position].enumerated() {
                        buffer[i] = UInt8(truncatingIfNeeded: scalar.value)
                    }
                    return position - start
                }
                tokens.append(Token(kind: .identifier(word), start: start, end: position))
                continue
            }
            if s == "\"" || s == "'" {
                let text = try lexQuoted(raw: false, bytes: false)
                tokens.append(Token(kind: .string(text.string), start: start, end: position))
                continue
            }
            if s == "`" {
                // Backquoted field name (only valid after `.`; the parser checks that).
                position += 1
                var name = String.UnicodeScalarView()
                while let c = peek(), c != "`" {
                    if c == "\n" { throw LexError(message: "unterminated quoted identifier", offset: start) }
                    name.append(c)
                    position += 1
                }
                guard peek() == "`" else { throw LexError(message: "unterminated quoted identifier", offset: start) }
                position += 1
                tokens.append(Token(kind: .punct("`" + String(name)), start: start, end: position))
                continue
            }
            if let two = Lexer.twoCharacterOperator(s, peek(1)) {
                position += 2
                tokens.append(Token(kind: .punct(two), start: start, end: position))
                continue
            }
            if let one = Lexer.oneCharacterPunctuation(s) {
                position += 1
                tokens.append(Token(kind: .punct(one), start: start, end: position))
                continue
            }
            if s == "=" {
                throw LexError(message: "unexpected '=' (use '==' to compare)", offset: start)
            }
            if s == "&" || s == "|" {
                throw LexError(message: "unexpected '\(s)' (use '\(s)\(s)' for logical operators)", offset: start)
            }
            throw LexError(message: "unexpected character '\(s.escaped(asASCII: true))'", offset: start)
        }
    }

    private mutating func lexPrefixedString() throws(LexError) -> Token? {
        let start = position
        var raw = false, bytes = false, length = 0
        for ahead in 0..<2 {
            guard let c = peek(ahead) else { break }
            if (c == "r" || c == "R") && !raw { raw = true; length += 1; continue }
            if (c == "b" || c == "B") && !bytes { bytes = true; length += 1; continue }
            break
        }
        guard length > 0 else { return nil }
        // Try the longest prefix that is directly followed by a quote.
        for prefixLength in stride(from: length, through: 1, by: -1) {
            guard let q = peek(prefixLength), q == "\"" || q == "'" else { continue }
            var isRaw = false, isBytes = false
            for i in 0..<prefixLength {
                let c = scalars[position + i]
                if c == "r" || c == "R" { isRaw = true } else { isBytes = true }
            }
            position += prefixLength
            let text = try lexQuoted(raw: isRaw, bytes: isBytes)
            if isBytes {
                return Token(kind: .bytes(text.bytes), start: start, end: position)
            }
            return Token(kind: .string(text.string), start: start, end: position)
        }
        return nil
    }

    private struct QuotedText {
        var bytes: [UInt8] = []
        var string: String { String(decoding: bytes, as: UTF8.self) }
    }

    private mutating func lexQuoted(raw: Bool, bytes: Bool) throws(LexError) -> QuotedText {
        let start = position
        guard let quote = peek() else { throw LexError(message: "unterminated string", offset: start) }
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var out = QuotedText()
        func appendScalar(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { out.bytes.append(UInt8(truncatingIfNeeded: scalar.value)); return }
            UTF8.encode(scalar) { out.bytes.append($0) }
        }
        while true {
            guard let c = peek() else { throw LexError(message: "unterminated string literal", offset: start) }
            if c == quote {
                if !triple { position += 1; return out }
                if peek(1) == quote && peek(2) == quote { position += 3; return out }
            }
            if !triple && (c == "\n" || c == "\r") {
                throw LexError(message: "unterminated string literal (use ''' or \"\"\" for multi-line strings)", offset: start)
            }
            if c == "\\" && !raw {
                try lexEscape(into: &out.bytes, bytes: bytes)
                continue
            }
            appendScalar(c)
            position += 1
        }
    }

    private mutating func lexEscape(into out: inout [UInt8], bytes: Bool) throws(LexError) {
        let escapeStart = position
        position += 1
        guard let c = peek() else { throw LexError(message: "unterminated escape sequence", offset: escapeStart) }
        position += 1
        func push(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { out.append($0) } }
        switch c {
        case "\\": out.append(0x5C)
        case "?": out.append(0x3F)
        case "\"": out.append(0x22)
        case "'": out.append(0x27)
        case "`": out.append(0x60)
        case "a": out.append(0x07)
        case "b": out.append(0x08)
        case "f": out.append(0x0C)
        case "n": out.append(0x0A)
        case "r": out.append(0x0D)
        case "t": out.append(0x09)
        case "v": out.append(0x0B)
        case "x", "X":
            let value = try readHex(count: 2, at: escapeStart)
            if bytes { out.append(UInt8(value)) } else if let s = Unicode.Scalar(value) { push(s) }
        case "u", "U":
            if bytes { throw LexError(message: "unicode escapes are not allowed in bytes literals", offset: escapeStart) }
            let value = try readHex(count: c == "u" ? 4 : 8, at: escapeStart)
            guard let scalar = Unicode.Scalar(value) else {
                throw LexError(message: "invalid unicode code point in escape sequence", offset: escapeStart)
            }
            push(scalar)
        case "0"..."3":
            var value = UInt32(c.value - 48)
            for _ in 0..<2 {
                guard let d = peek(), d >= "0" && d <= "7" else {
                    throw LexError(message: "octal escape needs three digits", offset: escapeStart)
                }
                value = value * 8 + (d.value - 48)
                position += 1
            }
            if bytes { out.append(UInt8(value)) } else if let s = Unicode.Scalar(value) { push(s) }
        default:
            throw LexError(message: "invalid escape sequence '\\\(c)'", offset: escapeStart)
        }
    }

    private mutating func readHex(count: Int, at offset: Int) throws(LexError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let d = peek(), Lexer.isHexDigit(d), let digit = UInt32(String(d), radix: 16) else {
                throw LexError(message: "invalid hex escape sequence", offset: offset)
            }
            value = value &* 16 &+ digit
            position += 1
        }
        return value
    }

    private mutating func lexNumber() throws(LexError) -> Token {
        let start = position
        if peek() == "0", peek(1) == "x" || peek(1) == "X", Lexer.isHexDigit(peek(2)) {
            position += 2
            while Lexer.isHexDigit(peek()) { position += 1 }
            let digits = String(String.UnicodeScalarView(scalars[(start + 2)..<position]))
            let isUnsigned = peek() == "u" || peek() == "U"
            if isUnsigned { position += 1 }
            guard let value = UInt64(digits, radix: 16) else {
                return Token(kind: .badNumber(digits), start: start, end: position)
            }
            return Token(kind: isUnsigned ? .uint(value) : .int(value), start: start, end: position)
        }
        var isFloat = false
        while Lexer.isDigit(peek()) { position += 1 }
        if peek() == ".", Lexer.isDigit(peek(1)) {
            isFloat = true
            position += 1
            while Lexer.isDigit(peek()) { position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            let signOffset = (peek(1) == "+" || peek(1) == "-") ? 1 : 0
            if Lexer.isDigit(peek(1 + signOffset)) {
                isFloat = true
                position += 1 + signOffset
                while Lexer.isDigit(peek()) { position += 1 }
            }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        if isFloat {
            guard let value = Double(text) else { throw LexError(message: "invalid number '\(text)'", offset: start) }
            return Token(kind: .double(value), start: start, end: position)
        }
        let isUnsigned = peek() == "u" || peek() == "U"
        if isUnsigned { position += 1 }
        guard let value = UInt64(text) else {
            return Token(kind: .badNumber(text), start: start, end: position)
        }
        return Token(kind: isUnsigned ? .uint(value) : .int(value), start: start, end: position)
    }
}
