import ArgumentParser
import Foundation
import SchouwModel
import SchouwReports
import SchouwResult

extension FailOn: ExpressibleByArgument {
    /// `--fail-on High` as well as `high`, as `--format JSON` is accepted.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
extension ReportLanguage: ExpressibleByArgument {}
extension GraphFormat: ExpressibleByArgument {}
extension GraphLayout: ExpressibleByArgument {}

/// A `--format` value for reports, validated against the registered reporters.
struct ReportFormat: ExpressibleByArgument {
    var name: String
    static let text = ReportFormat(name: "text")
    private init(name: String) { self.name = name }
    init?(argument: String) {
        guard ReporterRegistry.reporter(for: argument) != nil else { return nil }
        name = argument.lowercased()
    }
    static var allValueStrings: [String] { ReporterRegistry.formats }
    /// `--help` shows the default as its name (`text`), not as the Swift value.
    var defaultValueDescription: String { name }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a saved JSON result in another format.",
        discussion: """
        Renders a result written by `schouw audit --format json` without running the audit again.

        Formats:
        \(ReporterRegistry.helpText.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))

        Without --fail-on the command exits 0 once the report is written; with it, it gates like `audit`: exit 1 when a finding at or above the threshold remains (waived findings never count; expired waivers do). Exit 2 on an unreadable or malformed result.

        Examples:
          schouw report result.json --format sarif --output schouw.sarif
          schouw report result.json --format html --lang en --output report.html
          schouw report result.json --format junit --fail-on medium > junit.xml
        """
    )

    @Argument(help: "A JSON result written by `schouw audit --format json`.")
    var result: String

    @Option(name: .shortAndLong, help: "Output format.")
    var format: ReportFormat = .text

    @Option(help: "Language of the report's own texts (default: the language the audit ran in, else nl). Finding messages and remediations stay in the audit's language.")
    var lang: ReportLanguage?

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    @Option(help: "The audited descriptor, for the data-flow diagram in Markdown and HTML.")
    var descriptor: String?

    @Option(help: "Gate: exit 1 when a finding at or above this severity remains.")
    var failOn: FailOn?

    @Flag(help: "With --fail-on: unknown outcomes at or above the threshold fail the gate too.")
    var failOnUnknown = false

    @Flag(inversion: .prefixedNo, help: "Colour the text report (default: on a terminal, unless NO_COLOR is set).")
    var colour: Bool?

    func run() throws {
        let saved: AuditResult
        do {
            saved = try readResult(result)
        } catch let error as ReportInputError {
            Console.err("error: \(error.description)\n")
            throw ExitCode(2)
        }
        var loaded: Descriptor?
        if let descriptor {
            loaded = try Load.descriptor(descriptor, taxonomy: nil)
        }
        let gate = failOn.map { GatePolicy(failOn: $0, failOnUnknown: failOnUnknown) }
        if let note = Self.languageNote(requested: lang, saved: saved.lang, path: result) { Console.err(note) }
        let context = ReportContext(lang: lang ?? ReportLanguage(rawValue: saved.lang) ?? .nl, colour: colour ?? (output == nil && Console.stdoutIsColourTerminal),
                                    descriptor: loaded, gate: gate,
                                    sourceRoot: FileManager.default.currentDirectoryPath)
        guard let reporter = ReporterRegistry.reporter(for: format.name) else {
            Console.err("error: unknown format '\(format.name)'; expected one of \(ReporterRegistry.formats.joined(separator: ", "))\n")
            throw ExitCode(2)
        }
        // Streamed like `audit`'s reports: a city's result renders to hundreds of megabytes.
        do {
            try Console.write(to: output) { sink in
                try reporter.stream(saved, context: context) { piece in
                    do { try sink(piece) } catch { throw WriteFailure(underlying: error) }
                }
            }
        } catch let failure as WriteFailure {
            Console.err("error: cannot write \(output ?? "-"): \(failure.underlying.localizedDescription)\n")
            throw ExitCode(2)
        } catch let failure as OutputError {
            Console.err("error: \(failure.description)\n")
            throw ExitCode(2)
        } catch {
            Console.err("error: \(result): \(error)\n")
            throw ExitCode(2)
        }
        if let gate, !Gate.passes(saved, policy: gate) { throw ExitCode(1) }
    }
}

extension ReportCommand {
    /// Said when `--lang` asks for another language than the audit ran in: a result stores its
    /// findings' messages and remediations as rendered then, so only headings and labels follow
    /// `--lang`, and a reader should not be surprised by findings in the other language.
    static func languageNote(requested: ReportLanguage?, saved: String, path: String) -> String? {
        guard let requested, let audited = ReportLanguage(rawValue: saved), audited != requested else { return nil }
        func name(_ lang: ReportLanguage) -> String { lang == .nl ? "Dutch" : "English" }
        return "note: \(path) holds its findings' messages and remediations in \(name(audited)), the language the audit "
            + "ran in; --lang \(requested.rawValue) changes only the report's own texts. For a report wholly in "
            + "\(name(requested)), save the result with `schouw audit --lang \(requested.rawValue) --format json` and render that.\n"
    }
}

/// Writing a report's piece failed (as opposed to rendering it).
private struct WriteFailure: Error {
    var underlying: any Error
}
