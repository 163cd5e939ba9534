import ArgumentParser
import SchouwEngine

/// Starts compiling the built-in rules while the command line is still being parsed.
///
/// Parsing the arguments takes a typical audit a fifth of its time on one core (ArgumentParser
/// reflects over every command's options); the rules, compiled meanwhile on the other core, are
/// then ready or nearly so when the command asks for them. Only a hint: a command that does not
/// load the built-in rules after all just leaves the result unused.
enum RulePrefetch {
    /// Commands (with their subcommand where only some load rules) that load the built-in rules
    /// on every run unless given a rules directory. `checklist score` is left out: with
    /// `--checklist` it reads no rules.
    static let commands: [[ParsableCommand.Type]] = [
        [AuditCommand.self], [ExplainCommand.self], [RulesCommand.self],
        [ChecklistCommand.self, ChecklistGenerateCommand.self],
    ]

    /// Whether `arguments` (without the program name) run a command that loads the built-in rules
    /// with no `--rules DIR`: with a directory the rule set is compiled from other files.
    static func applies(to arguments: [String]) -> Bool {
        let runs = commands.contains { path in
            path.count <= arguments.count
                && zip(path, arguments).allSatisfy { command, argument in command.configuration.commandName == argument }
        }
        return runs && !arguments.contains { $0 == "--rules" || $0.hasPrefix("--rules=") }
    }

    static func start(for arguments: [String]) {
        if applies(to: arguments) { BuiltInRules.startLoading() }
    }
}
