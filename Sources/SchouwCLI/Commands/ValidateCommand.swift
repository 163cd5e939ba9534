import ArgumentParser
import SchouwEngine
import SchouwModel

/// `schouw validate FILE...`: loads each descriptor and reports every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load and check descriptors; report every problem at once.",
        discussion: """
        Checks YAML syntax, unknown keys, types, enum values, ids, references, durations, dates, country
        codes, data categories and subjects (the taxonomy's keys, extended by --rules DIR/taxonomy/),
        includes and cycles. Problems go to stderr as `error: file:line:col: message` with the source
        line, a caret and a hint. Exit code 0 when every file is valid, 2 otherwise.
        """)

    @Argument(help: "Descriptor files to check.")
    var files: [String]

    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "Directory of extra rules whose taxonomy/ adds data categories and subjects (its rules are not compiled).", valueName: "DIR"))
    var rulesDirectory: String?

    func run() throws {
        let vocabulary = try Load.taxonomy(rulesDirectory).vocabulary
        var failed = false
        for file in files {
            let result = DescriptorLoader.load(path: file, vocabulary: vocabulary)
            if !result.diagnostics.isEmpty {
                Console.err(result.rendered())
            }
            if let descriptor = result.descriptor {
                Console.out("ok: \(file) (\(count(descriptor.systems.count, "system")), \(count(descriptor.flows.count, "flow")))\n")
            } else {
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
