import ArgumentParser
import SchouwModel

/// `schouw schema [--output F]`: the descriptor format as a JSON Schema (draft 2020-12).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the descriptor format.",
        discussion: """
        Editors with the YAML language server complete and check descriptors against it: save it as
        schouw.schema.json and start a descriptor with
          # yaml-language-server: $schema=schouw.schema.json
        """)

    @Option(name: .shortAndLong, help: "Write the schema to this file instead of stdout.")
    var output: String?

    func run() throws {
        do {
            try Console.write(JSONSchemaExporter.export(), to: output)
        } catch {
            Console.err("error: cannot write \(output ?? "-"): \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}
