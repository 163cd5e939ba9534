import ArgumentParser
import Foundation
import SchouwEngine

/// Options shared by every command that runs the rules (`audit`, `attest`, `explain`, `eval`, `checklist`).
struct RuleSourceOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "Directory of extra rules; a rule with a built-in id overrides it (with a warning).", valueName: "DIR"))
    var rulesDirectory: String?

    @Option(help: ArgumentHelp(
        "The audit's clock, as RFC 3339 (2026-03-01T12:00:00Z) or a date (2026-03-01). Default: today, 00:00 UTC.",
        valueName: "T"))
    var now: String?

    /// Checked while the arguments are parsed, so a bad `--now` is reported with the usage of the
    /// command it was given to, before any file is read.
    func validate() throws {
        if let now, Clock.parse(now) == nil { throw Self.badClock(now) }
    }

    /// The instant rules are evaluated at. Without `--now` it is today at 00:00 UTC, so two runs on the
    /// same day give the same bytes.
    func clock() throws -> Date {
        if let now {
            guard let date = Clock.parse(now) else { throw Self.badClock(now) }
            return date
        }
        return Clock.startOfDay(Date())
    }

    private static func badClock(_ now: String) -> ValidationError {
        ValidationError("--now: '\(now)' is not an RFC 3339 time or a date (e.g. 2026-03-01T12:00:00Z or 2026-03-01)")
    }
}

extension Language: ExpressibleByArgument {}
