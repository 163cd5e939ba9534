import Testing
@testable import SchouwEngine

/// How the evaluation is cut into units of work: every rule meets every subject of its kind exactly
/// once, and a kind's subjects are read by at most two groups of rules whatever the size.
@Suite struct EvaluationUnitsTests {
    static let ordered = builtInRules.rules.sorted { $0.id + "@" < $1.id + "@" }

    static func counts(_ systems: Int) -> [SubjectKind: Int] {
        [.project: 1, .party: 12, .zone: 40, .data: systems / 5, .system: systems, .flow: systems * 5, .purpose: 12]
    }

    @Test(arguments: [10, 1_000, 10_000, 50_000])
    func everyRuleMeetsEverySubjectOfItsKindOnce(systems: Int) {
        let subjects = Self.counts(systems)
        let units = RuleEvaluator.units(Self.ordered, subjectCounts: subjects)
        var covered = [[Range<Int>]](repeating: [], count: Self.ordered.count)
        for unit in units {
            #expect(!unit.rules.isEmpty && !unit.subjects.isEmpty)
            for r in unit.rules {
                #expect(Self.ordered[r].forEach == unit.kind)
                covered[r].append(unit.subjects)
            }
        }
        for (r, rule) in Self.ordered.enumerated() {
            let ranges = covered[r].sorted { $0.lowerBound < $1.lowerBound }
            // Consecutive stretches from the first subject to the last, without gaps or overlaps.
            #expect(ranges.first?.lowerBound == 0)
            #expect(ranges.last?.upperBound == subjects[rule.forEach])
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
    }

    @Test func largeKindsAreReadByTwoGroupsInStretches() {
        let units = RuleEvaluator.units(Self.ordered, subjectCounts: Self.counts(50_000))
        let flowUnits = units.filter { $0.kind == .flow }
        #expect(Set(flowUnits.map(\.rules)).count == 2)
        #expect(flowUnits.count > 2)
        // Each unit is about `unitEvaluations` evaluations, so the last one handed out is short.
        #expect(flowUnits.allSatisfy { $0.rules.count * $0.subjects.count <= 2 * RuleEvaluator.unitEvaluations })
        // The groups alternate, the second from the far end.
        #expect(flowUnits[0].rules != flowUnits[1].rules)
        #expect(flowUnits[0].subjects.lowerBound == 0)
        #expect(flowUnits[1].subjects.upperBound == 250_000)
        // The kind with the most evaluations comes first, the one with the fewest last.
        let subjects = Self.counts(50_000)
        let evaluations = Dictionary(grouping: Self.ordered, by: \.forEach).mapValues { $0.count }
            .map { (kind: $0.key, count: $0.value * (subjects[$0.key] ?? 0)) }
        #expect(units.first?.kind == evaluations.max { $0.count < $1.count }?.kind)
        #expect(units.last?.kind == evaluations.min { $0.count < $1.count }?.kind)
    }
}
