import ArgumentParser
import Foundation

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
}
