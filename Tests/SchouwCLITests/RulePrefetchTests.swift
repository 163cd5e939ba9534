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
    }

    @Test func everyPrefetchingCommandIsACommandOfTheTree() {
        let names = Set(commandList.compactMap { $0.configuration.commandName })
        for command in RulePrefetch.commands {
            #expect(command.configuration.commandName.map(names.contains) == true)
        }
    }
}
