import Foundation
import SchouwModel
import SchouwResult

/// One output format. Reporters are pure functions of a result: the same result and context give the
/// same bytes, so reports can be regenerated from a saved JSON result at any time (`schouw report`).
public protocol Reporter: Sendable {
    /// The `--format` value, e.g. `sarif`.
    static var format: String { get }
    /// One line for `--help`.
    static var summary: String { get }
    init()
    func render(_ result: AuditResult, context: ReportContext) throws -> Data
    /// The same bytes as `render`, handed to `sink` in pieces. Formats whose size grows with the
    /// number of outcomes stream, so a large result is never whole in memory; the default renders
    /// the report whole and hands it over at once.
    func stream(_ result: AuditResult, context: ReportContext, to sink: (Data) throws -> Void) throws
}

extension Reporter {
    public func stream(_ result: AuditResult, context: ReportContext, to sink: (Data) throws -> Void) throws {
        try sink(render(result, context: context))
    }
}

/// A reporter that writes its report in pieces (it implements `stream`); the whole report is the
/// pieces joined.
public protocol StreamingReporter: Reporter {}

extension StreamingReporter {
    public func render(_ result: AuditResult, context: ReportContext) throws -> Data {
        var whole = Data()
        try stream(result, context: context) { whole.append($0) }
        return whole
    }
}

/// Language of the fixed report texts (headings, labels). Rule texts stay in the language the audit used.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case nl, en
}

/// Everything a reporter may use besides the result itself. Nothing here reads the clock or the
/// environment: the caller decides, so output stays reproducible.
public struct ReportContext: Sendable {
    public var lang: ReportLanguage
    /// ANSI colours in the text report (the CLI asks for them on a terminal only).
    public var colour: Bool
    /// The audited descriptor, when available: enables the data-flow diagram and SARIF region ends.
    public var descriptor: Descriptor?
    /// Overrides the gate recorded in the result (e.g. `schouw report --fail-on low`).
    public var gate: GatePolicy?
    /// Directory that SARIF artifact URIs are made relative to (normally the working directory).
    public var sourceRoot: String?

    public init(lang: ReportLanguage = .nl, colour: Bool = false, descriptor: Descriptor? = nil,
                gate: GatePolicy? = nil, sourceRoot: String? = nil) {
        self.lang = lang; self.colour = colour; self.descriptor = descriptor; self.gate = gate
        self.sourceRoot = sourceRoot
    }

    /// The gate to report: the override if given, otherwise what the audit recorded.
    public func gatePolicy(for result: AuditResult) -> GatePolicy {
        gate ?? GatePolicy(recordedIn: result)
    }
}

/// A reporter failed on input it cannot represent (never a crash).
public struct ReportError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
