import Foundation
import SchouwModel
import SchouwResult
import Testing
@testable import SchouwEngine

/// Rules that share an operand of `when` have it evaluated once per subject; the outcomes must be
/// those of evaluating every rule whole for every subject.
@Suite struct SharedConjunctsTests {
    static let ordered = builtInRules.rules.sorted { $0.id + "@" < $1.id + "@" }

    @Test func smallKindsAreEvaluatedWhole() {
        let shared = SharedConjuncts(Self.ordered, subjectCounts: [.system: 20, .flow: 5_000])
        #expect(!shared.programs.isEmpty)
        #expect(shared.programs.allSatisfy { $0.kind == .flow })
    }

    @Test func builtInRulesShareTheirGuards() {
        let shared = SharedConjuncts(Self.ordered, subjectCounts: [.system: 1_000, .flow: 1_000])
        #expect(shared.programs.contains { $0.kind == .system && $0.program.source.text.contains("operator_party.role == 'recipient'") })
        // Every BIO rule on systems but a few has a plan of operands.
        let bioSystem = Self.ordered.indices.filter { Self.ordered[$0].pack == "bio" && Self.ordered[$0].forEach == .system }
        #expect(bioSystem.filter { shared.plans[$0] != nil }.count >= 15)
    }

    /// The examples, and a descriptor that leaves out nearly every fact (so shared guards are
    /// unknown or false for many subjects).
    static var descriptors: [Descriptor] {
        var all = DeterminismTests.examples.compactMap { name -> Descriptor? in
            DescriptorLoader.load(path: packageRoot.appendingPathComponent("Examples/\(name).yaml").path).descriptor
        }
        let sparse = """
        schouw: 1
        project: {id: p, name: P, bio: bio2}
        parties:
          - {id: gemeente, role: controller, country: NL}
          - {id: leverancier, role: recipient}
          - {id: verwerker, role: processor}
        zones: [{id: straat, kind: public-space}, {id: dc}]
        data: [{id: tellingen, categories: [device.mac]}]
        systems:
          - {id: s1, zone: straat, operator: leverancier, collects: [tellingen]}
          - {id: s2, zone: dc, operator: verwerker, stores: [tellingen], internet-facing: true}
          - {id: s3, zone: dc}
        flows:
          - {id: f1, from: s1, to: s2, data: [tellingen]}
          - {id: f2, from: s2, to: s3, data: [tellingen], network: internet}
        """
        if let d = loadDescriptor(sparse, path: "sparse.yaml") { all.append(d) }
        return all
    }

    @Test func sharedOperandsChangeNoOutcome() throws {
        let descriptors = Self.descriptors
        #expect(descriptors.count == DeterminismTests.examples.count + 1)
        var unknownOrNA = 0
        for d in descriptors {
            let evaluator = RuleEvaluator(descriptor: d, taxonomy: builtInRules.taxonomy, now: fixedNow)
            // Shared from the first subject on, and in blocks of three subjects, so the small
            // descriptors exercise sharing over several blocks too.
            let outcomes = evaluator.evaluate(Self.ordered, lang: .en, shareFrom: 0, blockSize: 3)
            var expected: [Outcome] = []
            for rule in Self.ordered {
                for subject in evaluator.subjects(rule.forEach).sorted(by: { $0.id < $1.id }) {
                    expected.append(evaluator.evaluate(rule, subject, lang: .en))
                }
            }
            #expect(outcomes.count == expected.count)
            let differing = zip(outcomes, expected).filter { $0.0 != $0.1 }
            #expect(differing.isEmpty, "\(differing.count) outcomes differ, first: \(differing.first.map { "\($0.0.finding) \($0.0.status) (\($0.0.missing)), whole: \($0.1.status) (\($0.1.missing))" } ?? "")")
            unknownOrNA += outcomes.filter { $0.status == .unknown || $0.status == .notApplicable }.count
        }
        #expect(unknownOrNA > 50)
    }
}
