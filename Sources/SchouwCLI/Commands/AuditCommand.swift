import ArgumentParser

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Run the rules against a descriptor.")

    func run() throws {
        Console.err("error: `schouw audit` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
