/// One problem found while reading input, located in a file when there is one.
///
/// Loaders collect diagnostics instead of throwing so a user sees every problem in one run.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// Where the problem is; nil for problems without a position (e.g. a file that cannot be read).
    public var mark: SourceMark?
    /// What is wrong, one sentence, no trailing period.
    public var message: String
    /// How to fix it, e.g. "did you mean `telplatform`?".
    public var hint: String?
    /// The YAML path of the offending node, e.g. `systems[3].security.patch-sla`.
    public var yamlPath: String?

    public init(severity: Severity = .error, mark: SourceMark?, message: String, hint: String? = nil,
                yamlPath: String? = nil) {
        self.severity = severity; self.mark = mark; self.message = message; self.hint = hint
        self.yamlPath = yamlPath
    }

    public static func error(_ message: String, at mark: SourceMark?, hint: String? = nil, path: String? = nil) -> Diagnostic {
        Diagnostic(severity: .error, mark: mark, message: message, hint: hint, yamlPath: path)
    }

    public static func warning(_ message: String, at mark: SourceMark?, hint: String? = nil, path: String? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, mark: mark, message: message, hint: hint, yamlPath: path)
    }

    public var isError: Bool { severity == .error }

    /// `error: file:line:col: message (at path)` without source line or hint.
    public var description: String {
        var text = severity.rawValue + ": "
        if let mark { text += "\(mark.file):\(mark.line):\(mark.column): " }
        text += message
        if let yamlPath, !yamlPath.isEmpty { text += " (at \(yamlPath))" }
        return text
    }

    /// Sort order for display: by file, then position, then message, so output is deterministic.
    public static func displayOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        switch (a.mark, b.mark) {
        case let (x?, y?):
            if x != y { return x < y }
        case (nil, _?): return true
        case (_?, nil): return false
        case (nil, nil): break
        }
        if a.severity != b.severity { return a.severity < b.severity }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var warningCount: Int { reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) } }
}
