import ArgumentParser
import Foundation
import SchouwEngine
import SchouwModel
import SchouwReports
import SchouwResult

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the data-flow diagram of a descriptor.",
        discussion: """
        Zones are drawn as (nested) clusters, systems shaped by kind, flows labelled with their data. Flows carrying personal data are dashed purple; systems, zones and flows that have a failing finding are red: the findings of --result, or else of an audit of the descriptor run for the diagram (with --rules, as of --now: default today).

        svg uses Graphviz (`dot -Tsvg`) when it is installed and a built-in layout otherwise (--layout builtin forces the built-in one, for output that is the same on every machine).

        Examples:
          schouw graph project.yaml --format mermaid
          schouw graph project.yaml --format dot | dot -Tpng > flows.png
          schouw graph project.yaml --format svg --result result.json --output flows.svg
        """
    )

    @Argument(help: "The descriptor (YAML).")
    var file: String

    @Option(name: .shortAndLong, help: "Diagram format.")
    var format: GraphFormat = .dot

    @Option(help: "A JSON result of `schouw audit --format json`: mark failing elements.")
    var result: String?

    @Option(help: "Layout for svg.")
    var layout: GraphLayout = .auto

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    @OptionGroup var ruleSource: RuleSourceOptions

    func run() throws {
        var highlights = GraphHighlights()
        let rules = result == nil ? try Load.rules(ruleSource.rulesDirectory) : nil
        let descriptor = try Load.descriptor(file, taxonomy: rules?.taxonomy)
        if let result {
            do { highlights = GraphHighlights(result: try readResult(result)) } catch let error as ReportInputError {
                Console.err("error: \(error.description)\n")
                throw ExitCode(2)
            }
        } else if let rules {
            // Without a saved result, audit so failing elements are marked; as of --now, so the same
            // descriptor gives the same diagram on every day.
            let audit = Auditor.run(descriptor, descriptorPath: file, rules: rules,
                                    settings: AuditSettings(failOn: .never, now: try ruleSource.clock(),
                                                            toolVersion: Schouw.version))
            highlights = GraphHighlights(result: audit)
        }
        let data: Data
        do { data = try DiagramRenderer.render(descriptor, highlights: highlights, format: format, layout: layout) } catch {
            Console.err("error: \(error)\n")
            throw ExitCode(2)
        }
        do { try Console.write(data, to: output) } catch {
            Console.err("error: cannot write \(output ?? "-"): \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}
