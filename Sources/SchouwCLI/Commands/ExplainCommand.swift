import ArgumentParser

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show a rule, and why it failed or passed for each subject.")

    func run() throws {
        Console.err("error: `schouw explain` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
