import ArgumentParser
import Foundation
import SchouwEngine
import SchouwModel
import SchouwReports
import SchouwResult

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Run the rules against a descriptor.",
        discussion: """
        Formats: \(Report.formatSummaries()).

        Exit codes: 0 when no failing finding reaches --fail-on (and, with --fail-on-unknown, nothing is
        unknown); 1 when the gate fails; 2 when the descriptor, rules, waivers or options are invalid.
        """)

    @Argument(help: "The project descriptor (YAML).")
    var file: String

    @Option(help: ArgumentHelp("Output format: \(Report.formatList()).", valueName: "FORMAT"))
    var format: String = "text"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of stdout.", valueName: "F"))
    var output: String?

    @Option(help: ArgumentHelp("Fail the gate on findings of this severity or higher: info, low, medium, high, critical or never.",
                               valueName: "SEVERITY"))
    var failOn: FailOn = .high

    @Flag(help: "Also fail the gate when a rule's outcome is unknown (information needed).")
    var failOnUnknown = false

    @Option(name: .customLong("waivers"), help: ArgumentHelp("A waivers file (repeatable).", valueName: "F"))
    var waiverFiles: [String] = []

    @Option(help: ArgumentHelp("An earlier JSON result: report only findings that are new since then.", valueName: "F"))
    var baseline: String?

    @Option(help: "Language of rule texts and reports: nl or en.")
    var lang: Language = .nl

    @Flag(inversion: .prefixedNo, help: "Colour the text report (default: on a terminal, unless NO_COLOR is set).")
    var colour: Bool?

    @OptionGroup var ruleSource: RuleSourceOptions

    func validate() throws {
        guard ReporterRegistry.reporter(for: format) != nil else {
            throw ValidationError("--format: '\(format)' is not one of \(Report.formatList())")
        }
    }

    func run() throws {
        let now = try ruleSource.clock()
        let rules = try Load.rules(ruleSource.rulesDirectory)
        var descriptor = try Load.descriptor(file, taxonomy: rules.taxonomy)
        // The findings point at objects, not at single fields: the parsed YAML is not needed.
        descriptor.releaseSourceNodes().freeOnWorker()
        let waivers = try Load.waivers(waiverFiles)
        let baselineResult = try baseline.map(Load.result)
        let settings = AuditSettings(failOn: failOn, failOnUnknown: failOnUnknown,
                                     extraWaivers: waivers, baseline: baselineResult, lang: lang, now: now,
                                     toolVersion: Schouw.version)
        let result = Auditor.run(descriptor, descriptorPath: file, rules: rules, settings: settings,
                                 keep: { ExitTeardown.skip($0) })
        ExitTeardown.skip(result, descriptor, rules)
        try Report.write(result, format: format, lang: lang, descriptor: descriptor, output: output, colour: colour)
        if result.gate.verdict != "passed" { throw ExitCode(1) }
    }
}

/// Rendering shared by `audit`, `report` and `attest`.
enum Report {
    static func formatList() -> String {
        ReporterRegistry.all.map { $0.format }.joined(separator: ", ")
    }

    static func formatSummaries() -> String {
        ReporterRegistry.all.map { "\($0.format) (\($0.summary))" }.joined(separator: "; ")
    }

    /// `colour` nil: colour when writing to a terminal that allows it.
    static func write(_ result: AuditResult, format: String, lang: Language, descriptor: Descriptor?,
                      output: String?, colour: Bool? = nil) throws {
        guard let reporter = ReporterRegistry.reporter(for: format) else {
            throw ValidationError("unknown format '\(format)'")
        }
        let colour = colour ?? (output == nil && Console.stdoutIsColourTerminal)
        let context = ReportContext(lang: lang == .en ? .en : .nl, colour: colour, descriptor: descriptor)
        try Console.write(to: output) { sink in try reporter.stream(result, context: context, to: sink) }
    }
}
