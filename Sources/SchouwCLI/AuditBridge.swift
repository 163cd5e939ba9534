import Foundation
import SchouwEngine
import SchouwResult

/// Runs the audit `schouw attest` signs when no `--result` is given: the same steps as `schouw audit`
/// with the JSON result kept in memory. Diagnostics go to stderr and end the command with exit 2.
func runAuditForAttestation(descriptorPath: String, waiversPath: String?, failOn: String, rulesDirectory: String?,
                            now: Date) throws -> AuditResult {
    guard let threshold = FailOn(rawValue: failOn) else {
        throw AuditBridgeError.invalidFailOn(failOn)
    }
    let rules = try Load.rules(rulesDirectory)
    let descriptor = try Load.descriptor(descriptorPath, taxonomy: rules.taxonomy)
    let waivers = try Load.waivers(waiversPath.map { [$0] } ?? [])
    let settings = AuditSettings(failOn: threshold, extraWaivers: waivers, lang: .nl, now: now, toolVersion: Schouw.version)
    return Auditor.run(descriptor, descriptorPath: descriptorPath, rules: rules, settings: settings)
}

enum AuditBridgeError: Error, CustomStringConvertible {
    case invalidFailOn(String)

    var description: String {
        switch self {
        case .invalidFailOn(let value):
            "--fail-on: '\(value)' is not one of \(FailOn.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
