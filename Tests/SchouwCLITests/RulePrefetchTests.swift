@testable import SchouwCLI
import Testing

@Suite struct RulePrefetchTests {
    @Test func startsForCommandsThatLoadTheBuiltInRules() {
        #expect(RulePrefetch.applies(to: ["audit", "project.yaml"]))
        #expect(RulePrefetch.applies(to: ["explain", "AVG-001", "project.yaml"]))
        #expect(RulePrefetch.applies(to: ["rules", "test"]))
        #expect(RulePrefetch.applies(to: ["checklist", "generate", "project.yaml"]))
    }

    @Test func skipsOtherCommandsAndRuleDirectories() {
        #expect(!RulePrefetch.applies(to: []))
        #expect(!RulePrefetch.applies(to: ["--version"]))
        #expect(!RulePrefetch.applies(to: ["validate", "project.yaml"]))
        #expect(!RulePrefetch.applies(to: ["report", "result.json"]))
        #expect(!RulePrefetch.applies(to: ["audit", "project.yaml", "--rules", "extra"]))
        #expect(!RulePrefetch.applies(to: ["audit", "--rules=extra", "project.yaml"]))
        #expect(!RulePrefetch.applies(to: ["checklist", "score", "--checklist", "sent.csv", "--responses", "answers.csv"]))
        #expect(!RulePrefetch.applies(to: ["checklist"]))
    }

    @Test func everyPrefetchingCommandIsACommandOfTheTree() {
        for path in RulePrefetch.commands {
            var level = commandList
            for command in path {
                #expect(level.contains { $0 == command }, "\(command) is not a subcommand where the path puts it")
                level = command.configuration.subcommands
            }
        }
    }
}
