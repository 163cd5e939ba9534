import Foundation
import SchouwResult

/// Runs the audit `schouw attest` signs when no `--result` is given.
///
/// Kept apart from the attest command so the command depends only on the result contract, not on how the
/// audit is run. Parameters mirror `schouw audit`: `failOn` is a severity or `never`.
func runAuditForAttestation(descriptorPath: String, waiversPath: String?, failOn: String, rulesDirectory: String?,
                            now: Date) throws -> AuditResult {
    throw AuditBridgeError.auditUnavailable
}

enum AuditBridgeError: Error, CustomStringConvertible {
    case auditUnavailable

    var description: String {
        switch self {
        case .auditUnavailable:
            "running the audit is not available in this build; pass --result RESULT.json (from `schouw audit FILE --format json`)"
        }
    }
}
