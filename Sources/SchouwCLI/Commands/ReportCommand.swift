import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Render a saved JSON result in another format.")

    func run() throws {
        Console.err("error: `schouw report` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
