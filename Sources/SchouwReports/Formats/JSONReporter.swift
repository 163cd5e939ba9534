import Foundation
import SchouwResult

/// The result contract itself (`schouw/audit-result/v1`), the input of `report`, `--baseline` and `attest`.
public struct JSONReporter: Reporter {
    public static let format = "json"
    public static let summary = "the full result (schouw/audit-result/v1), input of `report`, `--baseline` and `attest`"
    public init() {}

    public func render(_ result: AuditResult, context: ReportContext) throws -> Data {
        Escape.jsonSafe(Data(ResultJSONWriter.encode(result)))
    }
}
