import ArgumentParser

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checklist", abstract: "Procurement checklist for a project.")

    func run() throws {
        Console.err("error: `schouw checklist` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
