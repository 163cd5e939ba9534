/// libyaml's parser errors, said in terms of what the user wrote.
///
/// libyaml reports where it gave up, often a line after the mistake, in its own words ("could not
/// find expected ':' while scanning a simple key"). The mistakes behind its common messages are few:
/// a missing `:` or a missing space after it, an unclosed quote or bracket, a line indented out of
/// step. Each is reported at the line that has the mistake, with the fix.
struct YAMLSyntaxProblem {
    var message: String
    /// 1-based.
    var line: Int
    var column: Int
    var hint: String

    /// `problem` and `context` as libyaml gives them, with their 1-based marks; `input` the bytes parsed.
    init(problem: String, problemAt: (line: Int, column: Int), context: String?, contextAt: (line: Int, column: Int),
         input: UnsafeBufferPointer<UInt8>) {
        let lines = Lines(input)
        line = problemAt.line; column = problemAt.column
        message = problem
        hint = "check the indentation and quoting on this line and the line before it"
        let context = context ?? ""

        if problem.contains("could not find expected ':'") {
            // A key without its colon, or `key:value` with no space: the line itself is the mistake.
            (line, column) = contextAt
            let text = lines.text(contextAt.line).trimmingLeadingSpaces
            message = "expected `key: value`, found `\(text)`"
            hint = Self.colonFix(text).map { "write `\($0)`: a `:` and a space after the key" }
                ?? "write `key: value`, with a space after the `:`"
        } else if context.contains("quoted scalar") {
            (line, column) = contextAt
            message = "the quote opened here is not closed"
            hint = "close the quote on the same value, or quote the whole value"
        } else if context.contains("flow sequence") || context.contains("flow mapping") {
            let bracket = context.contains("sequence") ? ("[", "]") : ("{", "}")
            (line, column) = contextAt
            message = "the `\(bracket.0)` opened here is not closed"
            hint = "close it with `\(bracket.1)`, and separate its items with `, `; quote an item that contains `,`, `\(bracket.1)` or `: `"
        } else if problem.contains("did not find expected key"), let open = lines.unclosedQuote(from: contextAt.line, to: problemAt.line) {
            (line, column) = open
            message = "the quote opened here is not closed on its line"
            hint = "close the quote, or quote the whole value"
        } else if problem.contains("did not find expected key") {
            message = "this line does not line up with the keys of the mapping at line \(contextAt.line)"
            hint = "indent it like the keys of that mapping (column \(contextAt.column)), or as a value under one of them"
        } else if problem.contains("did not find expected '-' indicator") {
            message = "this line does not line up with the list items above it (line \(contextAt.line))"
            hint = "start each item of the list with `- ` in column \(contextAt.column)"
        } else if problem.contains("mapping values are not allowed") {
            message = "a `:` where no key can start"
            hint = "a value containing `: ` must be quoted, or the indentation of this key is wrong"
        } else if problem.contains("block sequence entries are not allowed") {
            message = "a `- ` list item where a value was expected"
            hint = "put the list under its own key on the next line, indented, or check the indentation"
        } else if problem.contains("tab") {
            message = "a tab character where YAML needs spaces"
            hint = "indent with spaces, not tabs"
        } else if !context.isEmpty {
            message += " (\(context) at line \(contextAt.line), column \(contextAt.column))"
        }
        message = "YAML syntax error: " + message
    }

    /// `retention:P2Y` → `retention: P2Y`; `retention P2Y` → `retention: P2Y`.
    static func colonFix(_ text: String) -> String? {
        guard let first = text.first, first.isLetter || first == "_" else { return nil }
        if let colon = text.firstIndex(of: ":") {
            let after = text[text.index(after: colon)...]
            guard let next = after.first, next != " " else { return nil }
            return text[..<colon] + ": " + after
        }
        guard let space = text.firstIndex(of: " ") else { return nil }
        return text[..<space] + ":" + text[space...]
    }

    /// The lines of the input, for looking at what libyaml stopped on. Each lookup walks the input
    /// once from the top, and `unclosedQuote` walks its range once: an error costs one pass.
    struct Lines {
        let input: UnsafeBufferPointer<UInt8>

        init(_ input: UnsafeBufferPointer<UInt8>) { self.input = input }

        /// The byte offset where 1-based line `number` starts, or nil past the end.
        private func start(of number: Int) -> Int? {
            var line = 1, i = 0
            while line < number {
                guard let newline = next(UInt8(ascii: "\n"), from: i) else { return nil }
                i = newline + 1; line += 1
            }
            return i
        }

        private func next(_ byte: UInt8, from offset: Int) -> Int? {
            var i = offset
            while i < input.count {
                if input[i] == byte { return i }
                i += 1
            }
            return nil
        }

        /// The line starting at byte `start`, without its line break, and where the next one starts.
        private func line(at start: Int) -> (bytes: UnsafeBufferPointer<UInt8>, next: Int) {
            let newline = next(UInt8(ascii: "\n"), from: start) ?? input.count
            var end = newline
            if end > start, input[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return (UnsafeBufferPointer(rebasing: input[start..<end]), newline + 1)
        }

        func text(_ number: Int) -> String {
            guard let start = start(of: number), start <= input.count else { return "" }
            return String(decoding: line(at: start).bytes, as: UTF8.self)
        }

        /// The first line from `first` through `last` where a `"` opens and the line ends before it
        /// closes (outside comments and single-quoted text): line and 1-based column of the quote.
        func unclosedQuote(from first: Int, to last: Int) -> (Int, Int)? {
            guard first <= last, var offset = start(of: first) else { return nil }
            for number in first...last {
                guard offset <= input.count else { return nil }
                let (bytes, next) = line(at: offset)
                offset = next
                var open: Int?
                var single = false
                var column = 0
                var previous: UInt8 = UInt8(ascii: " ")
                for byte in bytes {
                    if byte & 0xC0 != 0x80 { column += 1 }
                    if open == nil, !single, byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") { break }
                    if open == nil, byte == UInt8(ascii: "'") { single.toggle() }
                    if !single, byte == UInt8(ascii: "\""), previous != UInt8(ascii: "\\") {
                        open = open == nil ? column : nil
                    }
                    previous = byte
                }
                if let open { return (number, open) }
            }
            return nil
        }
    }
}

private extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
