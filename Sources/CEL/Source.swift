/// A position inside an expression's source text.
///
/// `offset` counts Unicode scalars from the start (0-based); `line` and `column` are 1-based and
/// also count Unicode scalars, so an engine can map them into the file the expression came from.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// The text of one expression, kept with a line table so offsets turn into line:column cheaply.
public struct Source: Sendable {
    public let text: String
    let scalars: [Unicode.Scalar]
    /// Offsets (in scalars) at which each line starts.
    let lineStarts: [Int]

    public init(_ text: String) {
        self.text = text
        let scalars = Array(text.unicodeScalars)
        self.scalars = scalars
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            starts.append(index + 1)
        }
        self.lineStarts = starts
    }

    /// The location of a scalar offset; offsets past the end clamp to the end.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, scalars.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(offset: clamped, line: low + 1, column: clamped - lineStarts[low] + 1)
    }

    /// The text of line `line` (1-based), without its newline.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : scalars.count
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<max(start, end)])
        return String(view)
    }

    /// The source text between two scalar offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, scalars.count)), upper = max(lower, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    /// The text of a node spanning `start..<end`, without one pair of parentheses around the whole.
    ///
    /// A parenthesised expression's span takes in its parentheses, so the node around it reads
    /// whole (`!(a || b)`, not `!(a || b`); shown on its own it reads as written inside them.
    public func nodeText(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, scalars.count)), upper = max(lower, min(end, scalars.count))
        guard upper - lower >= 2, scalars[lower] == "(", scalars[upper - 1] == ")",
              Self.closingParenthesis(scalars, openingAt: lower, before: upper) == upper - 1 else {
            return slice(lower, upper)
        }
        // Inside the parentheses, without the blanks next to them.
        var from = lower + 1, to = upper - 1
        while from < to, scalars[from] == " " || scalars[from] == "\t" || scalars[from] == "\n" { from += 1 }
        while to > from, scalars[to - 1] == " " || scalars[to - 1] == "\t" || scalars[to - 1] == "\n" { to -= 1 }
        return slice(from, to)
    }

    /// Where the parenthesis opened at `open` closes (skipping quoted text), if before `limit`.
    private static func closingParenthesis(_ scalars: [Unicode.Scalar], openingAt open: Int, before limit: Int) -> Int? {
        var depth = 0, i = open
        var quote: Unicode.Scalar?
        while i < limit {
            let c = scalars[i]
            if let q = quote {
                if c == "\\" { i += 1 } else if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// A two-line display of `location`: the source line, then a caret under the column.
    ///
    /// Tabs in the source line are kept in the caret line's padding so the caret lines up in a terminal.
    public func caretDisplay(at location: SourceLocation) -> String {
        let line = lineText(location.line)
        var padding = ""
        for (index, scalar) in line.unicodeScalars.enumerated() where index < location.column - 1 {
            padding.append(scalar == "\t" ? "\t" : " ")
        }
        return " | " + line + "\n | " + padding + "^"
    }
}
