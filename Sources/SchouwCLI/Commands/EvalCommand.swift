import ArgumentParser

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Evaluate a CEL expression.")

    func run() throws {
        Console.err("error: `schouw eval` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
