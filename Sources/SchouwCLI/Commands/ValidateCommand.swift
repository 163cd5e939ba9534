import ArgumentParser

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Load and check descriptors; report every problem at once.")

    func run() throws {
        Console.err("error: `schouw validate` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
