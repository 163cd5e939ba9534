import Foundation
import SchouwResult

/// The result contract itself (`schouw/audit-result/v1`), the input of `report`, `--baseline` and `attest`.
public struct JSONReporter: Reporter {
    public static let format = "json"
    public static let summary = "the full result (schouw/audit-result/v1), input of `report`, `--baseline` and `attest`"
    public init() {}

    /// The writer already escapes steering characters (see `Escape.jsonSafe`).
    public func render(_ result: AuditResult, context: ReportContext) throws -> Data {
        Data(ResultJSONWriter.encode(result))
    }

    public func stream(_ result: AuditResult, context: ReportContext, to sink: (Data) throws -> Void) throws {
        var failure: (any Error)?
        ResultJSONWriter.write(result) { chunk in
            guard failure == nil else { return }
            do { try sink(Data(chunk)) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
