import SchouwModel
import Testing
@testable import SchouwEngine

/// Party facts are gathered in stretches of parties on every core, each stretch with stamps of its
/// own; the facts must be those of one pass over all parties.
@Suite struct PartyFactsTests {
    @Test func stretchesOfOnePartyGiveWhatOnePassGives() throws {
        let descriptors = SharedConjunctsTests.descriptors
        #expect(descriptors.count > 1)
        for d in descriptors {
            let facts = FactBuilder.build(d, taxonomy: builtInRules.taxonomy)
            func parties(_ perStretch: Int) -> [PartyFacts] {
                FactBuilder.partyFacts(d, index: facts.index, systems: facts.systems, assets: facts.assets,
                                       taxonomy: builtInRules.taxonomy, partiesPerStretch: perStretch)
            }
            let whole = parties(max(1, d.parties.count)), apart = parties(1)
            #expect(whole.count == d.parties.count && apart.count == d.parties.count)
            for (a, b) in zip(whole, apart) {
                #expect(a.processes == b.processes && a.stores == b.stores && a.operates == b.operates && a.hosts == b.hosts)
                #expect(a.receivesPersonal == b.receivesPersonal && a.inEEA == b.inEEA && a.external == b.external)
            }
            // Some party handles data, so the stamps are exercised.
            #expect(whole.contains { !$0.processes.isEmpty } || d.parties.isEmpty)
        }
    }
}
