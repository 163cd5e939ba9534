import ArgumentParser
import Foundation
import SchouwEngine
import SchouwModel
import SchouwResult

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Browse, test and lint rules.",
        subcommands: [List.self, Show.self, Test.self, Lint.self, Coverage.self, Taxonomy.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules: id, severity, pack, subject and title.")
        @Option(help: "Only rules of this pack (avg, bio, smartcity, procurement, standards).")
        var pack: String?
        @Option(help: "Language of titles: nl or en.")
        var lang: Language = .nl
        @OptionGroup var ruleSource: RuleSourceOptions

        func run() throws {
            let set = try Load.rules(ruleSource.rulesDirectory)
            let rules = set.rules.filter { pack == nil || $0.pack == pack }
            var out = ""
            for r in rules {
                out += r.id.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + r.severity.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                    + r.pack.padding(toLength: 13, withPad: " ", startingAt: 0)
                    + r.forEach.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + r.title.text(lang) + "\n"
            }
            out += "\(rules.count) rules\n"
            Console.out(out)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a rule file.")
        @Argument(help: "A rule id.")
        var rule: String
        @OptionGroup var ruleSource: RuleSourceOptions

        func run() throws {
            let set = try Load.rules(ruleSource.rulesDirectory)
            guard let r = set.rule(rule.uppercased()) else {
                let hint = Suggestions.closest(to: rule.uppercased(), in: set.rules.map(\.id)).map { " (did you mean \($0)?)" } ?? ""
                Console.err("error: no rule `\(rule)`\(hint); `schouw rules list` shows them all\n")
                throw ExitCode(2)
            }
            Console.out("# \(r.file)\n" + r.text + (r.text.hasSuffix("\n") ? "" : "\n"))
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run the rules' test cases.",
            discussion: "Exit 0 when every case passes, 1 when a case fails, 2 when rules or tests do not load.")
        @Argument(help: "Rule ids to test (default: all).")
        var rules: [String] = []
        @Flag(name: .shortAndLong, help: "List every case, not only failures.")
        var verbose = false
        @OptionGroup var ruleSource: RuleSourceOptions

        func run() throws {
            let set = try Load.rules(ruleSource.rulesDirectory)
            let only = Set(rules.map { $0.uppercased() })
            for id in only where set.rule(id) == nil {
                Console.err("error: no rule `\(id)`\n")
                throw ExitCode(2)
            }
            let report = RuleTestRunner.run(set, only: only)
            var out = ""
            for c in report.cases where verbose || !c.passed {
                out += "\(c.passed ? "ok  " : "FAIL") \(c.rule): \(c.name)  (\(c.mark.file):\(c.mark.line))\n"
                for f in c.failures { out += "       \(f)\n" }
            }
            if !report.diagnostics.isEmpty {
                Console.err(DiagnosticRenderer.render(report.diagnostics, sources: set.sources))
            }
            out += "rules test: \(report.passed) passed, \(report.failed) failed"
            if !report.unloadedFiles.isEmpty {
                let count = report.unloadedFiles.count
                out += "; \(count) test file\(count == 1 ? "" : "s") did not load (errors above), \(count == 1 ? "its" : "their") cases not run"
            }
            Console.out(out + "\n")
            if report.diagnostics.hasErrors { throw ExitCode(2) }
            if report.failed > 0 { throw ExitCode(1) }
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Load and type-check every rule; check that each has a failing and a passing test case.",
            discussion: """
            Prints nothing and exits 0 when all is well; exit 1 on findings (a warning, a rule without a failing \
            or passing case, a case that fails); exit 2 when a rule file or a test file does not load, as \
            `audit` and `rules test` do for the same files. Every problem is printed either way.
            """)
        @OptionGroup var ruleSource: RuleSourceOptions

        func run() throws {
            let set = RuleLoader.load(rulesDirectory: ruleSource.rulesDirectory)
            let findings = RuleLint.check(set)
            let diagnostics = set.diagnostics + findings.diagnostics
            if !diagnostics.isEmpty {
                Console.err(DiagnosticRenderer.render(diagnostics.sorted(by: Diagnostic.displayOrder), sources: set.sources))
            }
            if set.hasErrors || !findings.unloadedTestFiles.isEmpty { throw ExitCode(2) }
            if !diagnostics.isEmpty { throw ExitCode(1) }
        }
    }

    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract: "Which measures or articles of a framework the rules check, and which are left to manual assessment.",
            discussion: """
            The start of a statement of applicability (Verklaring van Toepasselijkheid): per BIO2 \
            overheidsmaatregel, BIO 1.04 measure, AVG article or cloud control, the rules whose references name \
            it (status `automated`) or none (`manual`), with a summary. References that name no listed item are \
            listed after the table.

              schouw rules coverage --framework bio2
              schouw rules coverage --framework avg --format markdown --output vvt-avg.md
            """)
        @Option(help: "The catalogue: bio2 (BIO2 v1.3 overheidsmaatregelen), bio-1.04, avg or bio-cloud.")
        var framework: CoverageFramework
        @Option(help: "Output format: text, json or markdown.")
        var format: CoverageRenderer.Format = .text
        @Option(help: "Language of headings and AVG titles: nl or en (BIO texts are Dutch).")
        var lang: Language = .nl
        @Option(name: .customLong("rules"), help: ArgumentHelp(
            "Directory of extra rules; a rule with a built-in id overrides it (with a warning).", valueName: "DIR"))
        var rulesDirectory: String?
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE"))
        var output: String?

        func run() throws {
            let set = try Load.rules(rulesDirectory)
            let catalogue: Catalogue
            do { catalogue = try CatalogueLoader.builtIn(framework) } catch {
                Console.err("error: \(error.description)\n")
                throw ExitCode(2)
            }
            let report = CoverageReport.make(catalogue, rules: set, lang: lang)
            let data: Data
            do { data = try CoverageRenderer.render(report, format: format) } catch {
                Console.err("error: cannot encode the coverage report: \(error)\n")
                throw ExitCode(2)
            }
            do { try Console.write(data, to: output) } catch {
                Console.err("error: cannot write \(output ?? "-"): \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
        }
    }
}

extension CoverageFramework: ExpressibleByArgument {}
extension CoverageRenderer.Format: ExpressibleByArgument {}
