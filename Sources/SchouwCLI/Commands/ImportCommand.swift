import ArgumentParser

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Convert a Threagile model or Fides manifests into a descriptor.")

    func run() throws {
        Console.err("error: `schouw import` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
