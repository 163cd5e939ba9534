/// A problem found while parsing or checking an expression, with where it is.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Phase: String, Sendable, Hashable {
        case parse
        case check
    }

    public var phase: Phase
    public var message: String
    public var location: SourceLocation
    /// How to fix it, for the mistakes people often make (`flow.personal == 'true'`); the message
    /// itself stays what the checker found, so tools that match on it keep working.
    public var hint: String?

    public init(phase: Phase, message: String, location: SourceLocation, hint: String? = nil) {
        self.phase = phase
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// `line:col: message`.
    public var description: String { "\(location.line):\(location.column): \(message)" }
}

/// Parsing or checking failed; carries every diagnostic found and the source they point into.
public struct CompileError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var source: Source

    public init(diagnostics: [Diagnostic], source: Source) {
        self.diagnostics = diagnostics
        self.source = source
    }

    /// Each diagnostic as `ERROR: <name>:line:col: message` followed by the caret display, the
    /// layout cel-go uses, so authors coming from Kubernetes recognise it; then its hint, if any.
    public func rendered(sourceName: String = "<input>") -> String {
        diagnostics.map { diagnostic in
            "ERROR: \(sourceName):\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)\n"
                + source.caretDisplay(at: diagnostic.location)
                + (diagnostic.hint.map { "\nhint: \($0)" } ?? "")
        }.joined(separator: "\n")
    }

    public var description: String { rendered() }
}
