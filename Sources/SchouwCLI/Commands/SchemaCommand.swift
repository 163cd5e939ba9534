import ArgumentParser

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the JSON Schema of the descriptor format.")

    func run() throws {
        Console.err("error: `schouw schema` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
