import ArgumentParser
import Foundation
import SchouwModel

/// `schouw init [--template NAME] [--output F]`: writes a commented starter descriptor.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter descriptor.",
        discussion: "Templates: " + StarterTemplates.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")
            + ". `--template list` lists them.")

    @Option(name: .shortAndLong, help: "Starter template, or `list` to list them.")
    var template: String = "default"

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout (an existing file is not overwritten).")
    var output: String?

    func run() throws {
        if template == "list" {
            for entry in StarterTemplates.all { Console.out("\(entry.name)\t\(entry.summary)\n") }
            return
        }
        guard let chosen = StarterTemplates.named(template) else {
            let names = StarterTemplates.all.map(\.name).joined(separator: ", ")
            Console.err("error: unknown template `\(template)`\nhint: available templates: \(names)\n")
            throw ExitCode(2)
        }
        if let output, output != "-" {
            if FileManager.default.fileExists(atPath: output) {
                Console.err("error: \(output) already exists\nhint: choose another --output or remove the file first\n")
                throw ExitCode(2)
            }
            do {
                try Data(chosen.text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                Console.err("error: cannot write \(output): \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
            Console.err("wrote \(output) (template `\(chosen.name)`); check it with: schouw validate \(output)\n")
        } else {
            Console.out(chosen.text)
        }
    }
}
