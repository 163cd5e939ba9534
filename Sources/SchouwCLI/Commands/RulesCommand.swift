import ArgumentParser

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Browse, test and lint rules.")

    func run() throws {
        Console.err("error: `schouw rules` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
