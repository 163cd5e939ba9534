import Foundation
import SchouwChecklist

/// Evaluates the rules that carry a `checklist` block against a descriptor, for `schouw checklist`.
///
/// The checklist module does not know the rule engine; this function is the one place that connects
/// them: it loads the descriptor and the rules (built-in plus `rulesDirectory`), evaluates each rule's
/// `when` at `now`, and returns one candidate per rule and subject with its applicability (`applies`,
/// `unknown` when facts are missing, `notApplicable`), plus the project facts for the introduction.
/// Errors it throws are printed as they are and end the command with exit code 2.
///
/// `Applicability(outcome:)` maps an outcome status. The engine has enums of the same names and raw
/// values for the rule's `checklist` block (`ChecklistPhase`, `ChecklistTheme`); a file that imports
/// both modules converts with `SchouwChecklist.ChecklistPhase(rawValue: block.phase.rawValue)`.
func checklistCandidates(descriptorPath: String, rulesDirectory: String?, now: Date) throws
    -> (project: ChecklistProject, candidates: [ChecklistCandidate]) {
    throw ChecklistBridgeUnavailable()
}

struct ChecklistBridgeUnavailable: Error, CustomStringConvertible {
    var description: String {
        "generating a checklist from a descriptor is not available in this build; to score answers, pass the checklist file that was sent out with --checklist CHECKLIST.csv"
    }
}
