import ArgumentParser
import Foundation
import SchouwChecklist
import SchouwReports

/// `schouw checklist`: the procurement checklist for a project, and scoring of a supplier's answers.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Procurement checklist for a project, and scoring of a supplier's answers.",
        discussion: """
        schouw checklist project.yaml --format xlsx --output eisen.xlsx
        schouw checklist project.yaml --phase tender --lang en
        schouw checklist score project.yaml --responses antwoorden.xlsx
        schouw checklist score --checklist eisen.csv --responses antwoorden.csv

        Exit codes: 0 ok; 1 a knock-out criterion was answered no or not at all (score); 2 invalid input or usage.
        """,
        subcommands: [ChecklistGenerateCommand.self, ChecklistScoreCommand.self],
        defaultSubcommand: ChecklistGenerateCommand.self)
}

extension ChecklistLanguage: ExpressibleByArgument {}
extension ChecklistFormat: ExpressibleByArgument {}
extension ScoreFormat: ExpressibleByArgument {}

/// `--phase`, `--lang`, `--rules`, `--now`: what both subcommands need to build a checklist.
struct ChecklistSourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Phase to list: tender, contract, delivery, operation, or all (grouped by theme); the Dutch names (aanbesteding, oplevering, beheer) work too.",
                               valueName: "PHASE"))
    var phase: String = "all"

    @Option(help: "Language of the checklist: nl or en.")
    var lang: ChecklistLanguage = .nl

    @OptionGroup var ruleSource: RuleSourceOptions

    func phaseFilter() throws -> PhaseFilter {
        guard let filter = PhaseFilter(argument: phase) else {
            throw ValidationError("--phase: '\(phase)' is not one of tender, contract, delivery, operation, all")
        }
        return filter
    }

    /// The checklist for a descriptor, through the rule engine.
    func checklist(descriptor: String) throws -> Checklist {
        let filter = try phaseFilter()
        let clock = try ruleSource.clock()
        let (project, candidates) = try ChecklistFailure.exitTwo {
            try checklistCandidates(descriptorPath: descriptor, rulesDirectory: ruleSource.rulesDirectory, now: clock)
        }
        return ChecklistBuilder.build(project: project, candidates: candidates, phase: filter)
    }
}

struct ChecklistGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the checklist for a descriptor (the default: `schouw checklist FILE`).")

    @Argument(help: ArgumentHelp("The project descriptor.", valueName: "FILE"))
    var file: String

    @OptionGroup var source: ChecklistSourceOptions

    @Option(help: "Output format: markdown, html, csv or xlsx.")
    var format: ChecklistFormat = .markdown

    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "F"))
    var output: String?

    func validate() throws {
        _ = try source.phaseFilter()
        if format.isBinary, output == nil || output == "-", isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("--format xlsx writes a binary workbook; pass --output FILE.xlsx (or redirect stdout)")
        }
    }

    func run() throws {
        let checklist = try source.checklist(descriptor: file)
        let data = try ChecklistFailure.exitTwo { try checklist.render(format, language: source.lang) }
        try ChecklistFailure.write(data, to: output)
    }
}

struct ChecklistScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a supplier's filled-in checklist (CSV or XLSX) against the checklist.",
        discussion: """
        The items come from the descriptor (regenerated with the same --phase and --rules), or from the
        checklist file that was sent out (--checklist), never from the answer file itself.
        Coverage per theme: yes/ja = 1, partly/deels = 0.5, no/nee or no answer = 0; n.a./n.v.t. is left out.
        Exit 1 when a knock-out item is answered no or not at all.
        """)

    @Argument(help: ArgumentHelp("The project descriptor (or use --checklist).", valueName: "FILE"))
    var file: String?

    @Option(help: ArgumentHelp("The supplier's answers: the checklist CSV or XLSX, filled in.", valueName: "ANSWERS"))
    var responses: String

    @Option(help: ArgumentHelp("The checklist CSV or XLSX that was sent out, as the item source instead of FILE.",
                               valueName: "CHECKLIST"))
    var checklist: String?

    @OptionGroup var source: ChecklistSourceOptions

    @Option(help: "Output format: text, json or markdown.")
    var format: ScoreFormat = .text

    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "F"))
    var output: String?

    func validate() throws {
        _ = try source.phaseFilter()
        switch (file, checklist) {
        case (nil, nil): throw ValidationError("pass the descriptor FILE or --checklist CHECKLIST as the item source")
        case (.some, .some): throw ValidationError("pass either the descriptor FILE or --checklist CHECKLIST, not both")
        default: break
        }
    }

    func run() throws {
        let items: [ScoringItem]
        if let checklist {
            let filter = try source.phaseFilter()
            items = try ChecklistFailure.exitTwo { try ChecklistFileReader.items(from: Table.read(path: checklist)) }
                .filter { filter.includes($0.phase) }
        } else if let file {
            items = try source.checklist(descriptor: file).scoringItems(language: source.lang)
        } else {
            throw ValidationError("pass the descriptor FILE or --checklist CHECKLIST as the item source")
        }
        let answers = try ChecklistFailure.exitTwo { try ResponseReader.responses(from: Table.read(path: responses)) }
        let score = ChecklistScorer.score(items: items, responses: answers)
        // An answer file for another project or checklist is scored all the same, its items counted
        // as unanswered; ids the checklist lacks are the sign, said where a user looks first.
        let unknown = score.unknownItems.count
        if unknown > 0 {
            Console.err("warning: \(responses): \(unknown) of its \(answers.count) ids are not in this checklist and are ignored (\(score.unknownItems.prefix(3).map(Escape.terminal).joined(separator: ", "))\(unknown > 3 ? ", …" : "")); is it the answer file of another project or of another version of the checklist?\n")
        }
        let data = try ChecklistFailure.exitTwo { try score.render(format, language: source.lang) }
        try ChecklistFailure.write(data, to: output)
        if !score.passed { throw ExitCode(1) }
    }
}

/// Turns input errors into `error: ...` lines on stderr and exit code 2.
enum ChecklistFailure {
    static func exitTwo<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let errors as ChecklistErrors {
            for error in errors.errors { Console.err("error: \(error)\n") }
            throw ExitCode(2)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.err("error: \(error)\n")
            throw ExitCode(2)
        }
    }

    static func write(_ data: Data, to path: String?) throws {
        do {
            try Console.write(data, to: path)
        } catch {
            Console.err("error: \(path ?? "-"): cannot write the output (\(error.localizedDescription))\n")
            throw ExitCode(2)
        }
    }
}
