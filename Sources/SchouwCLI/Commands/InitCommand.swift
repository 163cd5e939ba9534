import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a commented starter descriptor.")

    func run() throws {
        Console.err("error: `schouw init` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
