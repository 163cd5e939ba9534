import ArgumentParser
import Foundation
import SchouwEngine
import SchouwImport
import SchouwModel

/// `schouw import threagile|fides SOURCE`: converts a model of a neighbouring tool into a descriptor.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a Threagile model or Fides manifests into a descriptor.",
        discussion: """
        The descriptor goes to stdout (or --output); a report of what was mapped, guessed, missing and \
        dropped goes to stderr. Facts the source cannot express are left out or marked `TODO(schouw \
        import)`, so the audit lists them as information needed. Exit code 0 on success, 2 when the source \
        is unreadable or invalid.
        """,
        subcommands: [ImportThreagileCommand.self, ImportFidesCommand.self])
}

struct ImportThreagileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threagile",
        abstract: "Convert a Threagile model (YAML) into a descriptor.",
        discussion: """
        Data assets become data, technical assets systems, communication links flows, trust boundaries zones \
        and the CIA ratings the project classification. Purposes, legal bases, personal-data categories, \
        roles and countries are not in Threagile: fill in the TODO lines.
        """)

    @Argument(help: "The Threagile model file.")
    var model: String

    @Option(name: .shortAndLong, help: "Write the descriptor to this file instead of stdout.")
    var output: String?

    func run() throws {
        try ImportOutput.finish(ThreagileImporter.importModel(path: model), output: output)
    }
}

struct ImportFidesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fides",
        abstract: "Convert Fides manifests (a file or a directory such as .fides/) into a descriptor.",
        discussion: """
        Organizations become the project and parties, systems systems, privacy declarations purposes and \
        data, datasets data, and egress/ingress flows. Fideslang data categories are translated through the \
        taxonomy's fideslang mapping (Rules/taxonomy/categories.yaml).
        """)

    @Argument(help: "A Fides manifest file, or a directory whose .yml/.yaml files are read.")
    var source: String

    @Option(name: .shortAndLong, help: "Write the descriptor to this file instead of stdout.")
    var output: String?

    @Option(help: "Directory of extra rules whose taxonomy/ extends the built-in one.")
    var rules: String?

    func run() throws {
        // Only the taxonomy matters here: a problem in some rule must not stop an import.
        let ruleSet = RuleLoader.load(rulesDirectory: rules)
        let problems = ruleSet.diagnostics.filter { $0.mark.map { $0.file.contains("taxonomy/") } ?? true }
        if !problems.isEmpty { Console.err(DiagnosticRenderer.render(problems, sources: ruleSet.sources)) }
        if problems.hasErrors { throw ExitCode(2) }
        try ImportOutput.finish(FidesImporter.importManifests(path: source, taxonomy: ruleSet.taxonomy), output: output)
    }
}

/// Prints diagnostics and the report on stderr and the descriptor on stdout or to a file.
enum ImportOutput {
    static func finish(_ result: ImportResult, output: String?) throws {
        if !result.diagnostics.isEmpty { Console.err(result.renderedDiagnostics()) }
        guard let descriptor = result.descriptor, !result.hasErrors else { throw ExitCode(2) }
        do {
            try Console.write(Data(descriptor.utf8), to: output)
        } catch {
            Console.err("error: cannot write `\(output ?? "-")`: \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
        Console.err(result.report.rendered())
    }
}
