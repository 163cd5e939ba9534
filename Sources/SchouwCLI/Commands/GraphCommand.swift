import ArgumentParser

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Draw the data-flow diagram of a descriptor.")

    func run() throws {
        Console.err("error: `schouw graph` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
