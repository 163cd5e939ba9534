import ArgumentParser

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register", abstract: "List attestations and prove the register's hash chain intact.")

    func run() throws {
        Console.err("error: `schouw register` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
