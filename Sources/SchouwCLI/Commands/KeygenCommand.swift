import ArgumentParser

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keygen", abstract: "Create a signing key pair.")

    func run() throws {
        Console.err("error: `schouw keygen` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
