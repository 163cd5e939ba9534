import ArgumentParser
import CEL
import Foundation
import SchouwEngine

/// `schouw eval EXPR [--var name=JSON ...]`: evaluates one CEL expression and prints the result
/// in CEL literal syntax. Compile and evaluation errors exit 2 with a caret display on stderr.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a CEL expression.",
        discussion: """
        Variables are JSON values: objects become maps, arrays lists, integral numbers int, other
        numbers double. The result is printed in CEL literal syntax (map keys sorted).

          schouw eval "flows.exists(f, f.personal && !f.encrypted)" \\
            --var 'flows=[{"personal": true, "encrypted": false}]'

        With a descriptor FILE the expression sees what rules see (Rules/README.md): `project`,
        `parties`, `zones`, `data`, `systems`, `flows`, `purposes` and `now`, type-checked; `--subject
        kind:id` also binds that object under its rule name (`party`, `asset`, `system`, ...):

          schouw eval "system.personal && !system.in_eea" Examples/parkeren-anpr.yaml \\
            --subject system:anpr-backoffice
        """
    )

    @Argument(help: "The CEL expression.")
    var expression: String

    @Argument(help: "A descriptor whose objects and derived facts the expression may use.")
    var file: String?

    @Option(name: .customLong("var"), help: "A variable as name=JSON (repeatable).")
    var variables: [String] = []

    @Option(help: ArgumentHelp("With FILE: bind this object as the rule subject, as kind:id (e.g. party:cloudco).", valueName: "KIND:ID"))
    var subject: String?

    @OptionGroup var ruleSource: RuleSourceOptions

    func run() throws {
        var bindings: [String: Value] = [:]
        for argument in variables {
            switch EvalCommand.parseVariable(argument) {
            case .success(let (name, value)): bindings[name] = value
            case .failure(let message):
                Console.err("error: \(message)\n")
                throw ExitCode(2)
            }
        }
        var environment = Environment()
        if let file {
            let rules = try Load.rules(ruleSource.rulesDirectory)
            let descriptor = try Load.descriptor(file, taxonomy: rules.taxonomy)
            let evaluator = RuleEvaluator(descriptor: descriptor, taxonomy: rules.taxonomy, now: try ruleSource.clock())
            let rulesEnvironment = RuleEnvironment.make(countries: rules.taxonomy.countries)
            environment = rulesEnvironment.base
            if let subject {
                let parts = subject.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let kind = SubjectKind(rawValue: parts[0]),
                      let match = evaluator.subjects(kind).first(where: { $0.id == parts[1] }) else {
                    Console.err("error: --subject \(subject): no such object in \(file) (write kind:id, kind one of \(SubjectKind.allCases.map(\.rawValue).joined(separator: ", ")))\n")
                    throw ExitCode(2)
                }
                environment = rulesEnvironment.forSubject(kind)
                for (name, value) in evaluator.bindings(for: match) where bindings[name] == nil { bindings[name] = value }
            } else {
                let project = evaluator.subjects(.project)[0]
                for (name, value) in evaluator.bindings(for: project) where bindings[name] == nil { bindings[name] = value }
            }
        } else if subject != nil {
            Console.err("error: --subject needs a descriptor FILE\n")
            throw ExitCode(2)
        }
        let outcome = EvalCommand.evaluate(expression, bindings: bindings, environment: environment)
        if let output = outcome.output { Console.out(output + "\n") }
        if let diagnostics = outcome.diagnostics { Console.err(diagnostics + "\n") }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }

    struct Outcome {
        var output: String?
        var diagnostics: String?
        var status: Int32
    }

    /// Compiles `expression` with every binding declared `dyn` and evaluates it. Kept apart from
    /// argument parsing so further inputs (a descriptor file) can add bindings and declarations.
    static func evaluate(_ expression: String, bindings: [String: Value], environment base: Environment = Environment(),
                         sourceName: String = "<expression>") -> Outcome {
        var environment = base
        for name in bindings.keys where environment.variables[name] == nil {
            environment.declare(variable: name, type: .dyn)
        }
        let program: Program
        do {
            program = try environment.compile(expression)
        } catch {
            return Outcome(output: nil, diagnostics: error.rendered(sourceName: sourceName), status: 2)
        }
        let result = program.evaluate(Activation(bindings))
        guard case .error(let error) = result else {
            return Outcome(output: result.literal, diagnostics: nil, status: 0)
        }
        var text = "ERROR: \(sourceName): evaluation failed: \(error.message)"
        if error.kind == .noSuchKey, let missing = error.missingPath { text += " (missing: \(missing))" }
        if let location = program.location(ofNode: error.exprID) {
            text = "ERROR: \(sourceName):\(location.line):\(location.column): evaluation failed: \(error.message)"
            if error.kind == .noSuchKey, let missing = error.missingPath { text += " (missing: \(missing))" }
            text += "\n" + program.source.caretDisplay(at: location)
        }
        return Outcome(output: nil, diagnostics: text, status: 2)
    }

    static func parseVariable(_ argument: String) -> Result<(String, Value), VariableError> {
        guard let equals = argument.firstIndex(of: "=") else {
            return .failure(VariableError("--var expects name=JSON, got '\(argument)' (example: --var 'x={\"a\": 1}')"))
        }
        let name = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        let json = String(argument[argument.index(after: equals)...])
        let isIdentifier = !name.isEmpty && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
            return part.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
        }
        guard isIdentifier else {
            return .failure(VariableError("--var name '\(name)' is not a valid identifier"))
        }
        do {
            return .success((name, try Value.fromJSON(json)))
        } catch {
            return .failure(VariableError("--var \(name): value is not valid JSON: \(json) (strings need quotes: --var '\(name)=\"text\"')"))
        }
    }

    struct VariableError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
