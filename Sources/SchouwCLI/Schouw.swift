import ArgumentParser
import Foundation
import SchouwModel

/// The `schouw` command tree. Each subcommand lives in its own file under `Commands/`.
public struct Schouw: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "schouw",
        abstract: "Compliance auditor for smart-city projects of Dutch municipalities (BIO, AVG/UAVG).",
        discussion: """
        Describe a project in one YAML descriptor, then audit it against the built-in rules:
          schouw init > project.yaml
          schouw validate project.yaml
          schouw audit project.yaml

        Exit codes: 0 success or gate passed, 1 gate failed or verification failed, 2 invalid input or usage.
        """,
        version: version,
        subcommands: commandList
    )

    public init() {}

    /// Runs the command line and returns the process exit code. Usage errors exit 2 (not
    /// ArgumentParser's 64) so pipelines see the codes SPEC section 4 promises.
    public static func main(arguments: [String]) -> Int32 {
        RulePrefetch.start(for: arguments)
        if let unknown = unknownCommand(in: arguments) {
            FileHandle.standardError.write(Data(("error: " + unknown + "\n").utf8))
            return 2
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { print(text) }
                return 0
            }
            if !text.isEmpty {
                FileHandle.standardError.write(Data(("error: " + text.replacingOccurrences(of: "Error: ", with: "") + "\n").utf8))
            }
            return 2
        }
    }

    /// A first word that is no command, with the command it likely meant: ArgumentParser would
    /// call `schouw audti f.yaml` "2 unexpected arguments".
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = commandList.map { $0.configuration.commandName ?? "" } + ["help"]
        guard !names.contains(first) else { return nil }
        let suggestion = Suggestions.didYouMean(first, in: names).map { " (\($0))" } ?? ""
        return "unknown command `\(first)`\(suggestion); `schouw --help` lists the commands"
    }
}
