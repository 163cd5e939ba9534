@testable import SchouwEngine
import Testing

@Suite struct SkippedFactsTests {
    @Test func namesOnlyTheHeavyFactsItWasGiven() {
        let skipped = SkippedFacts(["reaches", "inbound", "name"])
        #expect(skipped.contains("reaches") && skipped.contains("inbound"))
        #expect(!skipped.contains("outbound") && !skipped.contains("handled_assets"))
        #expect(!skipped.contains("name"), "only heavy facts are ever left out")
        #expect(!SkippedFacts.none.contains("reaches"))
        let all = SkippedFacts(DescriptorValues.heavyFacts)
        #expect(DescriptorValues.heavyFacts.allSatisfy(all.contains))
    }
}
