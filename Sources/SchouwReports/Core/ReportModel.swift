import SchouwConcurrency
import SchouwResult

/// The result regrouped the way human-readable reports present it (text, Markdown, HTML): failures by
/// severity, information needed, waivers, a score per rule pack and BIO coverage. Counts are taken
/// from the outcomes themselves (with expired waivers counted as failures) so every section agrees.
struct ReportModel {
    struct PackScore: Equatable {
        var pack: String
        var passed = 0
        var failed = 0
        var unknown = 0
        var waived = 0
        /// Whole percent, or nil when nothing passed or failed.
        var percent: Int? {
            let total = passed + failed
            guard total > 0 else { return nil }
            return Int((Double(passed) * 100 / Double(total)).rounded())
        }
    }

    struct BIOMeasure: Equatable {
        var framework: String
        var ref: String
        var passed = 0
        var failed = 0
        var unknown = 0
        var waived = 0
        var rules: [String] = []
    }

    struct Counts: Equatable {
        var fail = SeveritiesCount()
        var unknown = 0
        var pass = 0
        var notApplicable = 0
        var waived = 0
        var expiredWaivers = 0
        var totalFailures: Int { Severity.allCases.reduce(0) { $0 + fail[$1] } }

        mutating func add(_ other: Counts) {
            fail.add(other.fail)
            unknown += other.unknown; pass += other.pass; notApplicable += other.notApplicable
            waived += other.waived; expiredWaivers += other.expiredWaivers
        }
    }

    typealias SeveritiesCount = AuditResult.SeverityCounts

    let result: AuditResult
    let policy: GatePolicy
    let passed: Bool
    let counts: Counts
    /// Failing outcomes (expired waivers included), most severe first.
    let failures: OutcomeList
    let unknowns: OutcomeList
    /// Every outcome a waiver matched, whether it still applies or has expired.
    let waiverOutcomes: OutcomeList
    let scores: [PackScore]
    let bio: [BIOMeasure]
    private let rulesByID: [String: RuleInfo]

    init(_ result: AuditResult, policy: GatePolicy) {
        self.result = result
        self.policy = policy
        self.passed = Gate.passes(result, policy: policy)
        var rules: [String: RuleInfo] = [:]
        for rule in result.rules where rules[rule.id] == nil { rules[rule.id] = rule }
        self.rulesByID = rules

        // One pass: count, pick the outcomes reports list (as positions), and tally per run of one
        // rule's outcomes. Packs and BIO measures are then tallied per rule, not per outcome. The
        // pass reads every outcome once, so on a city-wide audit it waits on memory: it runs in
        // chunks on every core.
        let outcomes = result.outcomes
        var pass = Pass(outcomes, 0..<0)
        forEachBlockInOrder(outcomes.count, block: 16_384, make: { Pass(outcomes, $0) }, consume: { pass.append($0) })
        let counts = pass.counts
        let runs = pass.runs
        // Sort only the few outcomes a report lists: the passing and not-applicable majority of a
        // city-wide audit is never ordered.
        let order = DisplayOrder(outcomes, pass.failures, pass.unknowns, pass.waiverOutcomes)
        self.failures = OutcomeList(outcomes, order.sorted(outcomes, pass.failures)[...])
        self.unknowns = OutcomeList(outcomes, order.sorted(outcomes, pass.unknowns)[...])
        self.waiverOutcomes = OutcomeList(outcomes, order.sorted(outcomes, pass.waiverOutcomes)[...])

        var packs: [String: PackScore] = [:]
        var measures: [String: BIOMeasure] = [:]
        for run in runs {
            let pack = rules[run.rule]?.pack ?? ReportModel.packFromRuleID(run.rule)
            var score = packs[pack] ?? PackScore(pack: pack)
            run.tally.add(to: &score.passed, &score.failed, &score.unknown, &score.waived)
            packs[pack] = score
            for ref in run.references where ReportModel.bioFrameworks.contains(ref.framework) {
                let key = ref.framework + "\u{0}" + ref.ref
                var measure = measures[key] ?? BIOMeasure(framework: ref.framework, ref: ref.ref)
                run.tally.add(to: &measure.passed, &measure.failed, &measure.unknown, &measure.waived)
                if run.tally.applicable > 0, !measure.rules.contains(run.rule) { measure.rules.append(run.rule) }
                measures[key] = measure
            }
        }
        self.counts = counts
        self.scores = packs.values.sorted { ReportModel.packOrder($0.pack) < ReportModel.packOrder($1.pack) }
        self.bio = measures.values
            .filter { $0.passed + $0.failed + $0.unknown + $0.waived > 0 }
            .map { (measure: $0, key: NaturalKey($0.ref)) }
            .sorted { ($0.measure.framework, $0.key) < ($1.measure.framework, $1.key) }
            .map { var m = $0.measure; m.rules.sort(); return m }
    }

    func rule(_ id: String) -> RuleInfo? { rulesByID[id] }

    /// Failures of one severity.
    /// `failures` holds the more severe ones first, as many of each severity as `counts` says.
    func failures(_ severity: Severity) -> OutcomeList {
        let start = Severity.allCases.filter { $0 > severity }.reduce(0) { $0 + counts.fail[$1] }
        return failures.sublist(start..<start + counts.fail[severity])
    }

    static let bioFrameworks: Set<String> = ["bio2", "bio-1.04", "bio-cloud"]

    /// What one pass over a stretch of outcomes finds; passes over consecutive stretches join.
    /// The outcomes it picks are kept as positions: copying an outcome costs three reference
    /// counts, and a city-wide audit lists a hundred thousand of them.
    struct Pass {
        var counts = Counts()
        var failures: [Int] = [], unknowns: [Int] = [], waiverOutcomes: [Int] = []
        var runs: [(rule: String, references: [Reference], tally: Tally)] = []

        init(_ outcomes: [Outcome], _ range: Range<Int>) {
            // The current run is kept apart from `runs` until it ends: reading the last run back for
            // every outcome copied its rule and references each time.
            var current: (rule: String, references: [Reference], tally: Tally)?
            var ruleRuns = RuleRuns()
            outcomes.withUnsafeBufferPointer { outcomes in
                for i in range {
                    let glance = outcomes.glance(i)
                    let status = glance.effectiveStatus
                    switch status {
                    case .fail: counts.fail[glance.severity] += 1; failures.append(i)
                    case .unknown: counts.unknown += 1; unknowns.append(i)
                    case .pass: counts.pass += 1
                    case .notApplicable: counts.notApplicable += 1
                    case .waived: counts.waived += 1
                    }
                    if glance.waiver != .none {
                        waiverOutcomes.append(i)
                        if glance.waiver == .expired { counts.expiredWaivers += 1 }
                    }
                    if let rule = ruleRuns.newRule(at: i, in: outcomes) {
                        if let current { runs.append(current) }
                        current = (rule, outcomes[i].references, Tally())
                    }
                    current?.tally.add(status)
                }
            }
            if let current { runs.append(current) }
        }

        /// This pass followed by `next`, which covered the outcomes right after.
        mutating func append(_ next: Pass) {
            counts.add(next.counts)
            failures += next.failures
            unknowns += next.unknowns
            waiverOutcomes += next.waiverOutcomes
            var nextRuns = next.runs[...]
            if let first = nextRuns.first, let last = runs.last, last.rule == first.rule {
                runs[runs.count - 1].tally.add(first.tally)
                nextRuns = nextRuns.dropFirst()
            }
            runs += nextRuns
        }
    }

    /// Effective statuses of some outcomes, counted.
    struct Tally {
        var passed = 0, failed = 0, unknown = 0, waived = 0
        var applicable: Int { passed + failed + unknown + waived }

        mutating func add(_ status: OutcomeStatus) {
            switch status {
            case .pass: passed += 1
            case .fail: failed += 1
            case .unknown: unknown += 1
            case .waived: waived += 1
            case .notApplicable: break
            }
        }

        mutating func add(_ other: Tally) {
            passed += other.passed; failed += other.failed; unknown += other.unknown; waived += other.waived
        }

        func add(to p: inout Int, _ f: inout Int, _ u: inout Int, _ w: inout Int) {
            p += passed; f += failed; u += unknown; w += waived
        }
    }

    /// Most severe first, then by rule (digits as numbers) and finding id: stable whatever order the
    /// engine produced. Each rule id's natural key is computed once, not per comparison.
    struct DisplayOrder {
        private let rank: [String: Int]

        /// The rules of the outcomes at `positions`; outcomes come in runs of one rule, so each run
        /// is hashed once (and an outcome's rule compared by its shared part first).
        init(_ outcomes: [Outcome], _ positionLists: [Int]...) {
            var ids = Set<String>()
            outcomes.withUnsafeBufferPointer { outcomes in
                for positions in positionLists {
                    var ruleRuns = RuleRuns()
                    for p in positions {
                        if let rule = ruleRuns.newRule(at: p, in: outcomes) { ids.insert(rule) }
                    }
                }
            }
            let unique = ids.map { (id: $0, key: NaturalKey($0)) }.sorted { ($0.key, $0.id) < ($1.key, $1.id) }
            rank = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1.id, $0) })
        }

        /// The positions `positions` (ascending) in display order of their outcomes.
        func sorted(_ outcomes: [Outcome], _ positions: [Int]) -> [Int] {
            // Each outcome's key, and whether the outcomes are in finding order (then the position
            // breaks ties as the finding would, without comparing hundreds of thousands of
            // strings): in stretches on every core, each stretch checking the pair across its start.
            // Each stretch also counts its outcomes per (severity, rule rank) bucket, so that in
            // finding order one pass places every position without a comparison sort.
            let ranks = rank.count, buckets = Severity.allCases.count * ranks
            let stretches = outcomes.withUnsafeBufferPointer { outcomes in
                parallelMap(positions.count, stretchesOf: 16_384) { range in
                    var ruleRuns = RuleRuns(), ruleRank = Int.max
                    var counts = [Int](repeating: 0, count: buckets)
                    var bucketed = true
                    let keys = range.map { i -> (severity: Severity, rank: Int) in
                        let p = positions[i]
                        if let rule = ruleRuns.newRule(at: p, in: outcomes) { ruleRank = rank[rule] ?? Int.max }
                        let severity = outcomes.glance(p).severity
                        if ruleRank < ranks { counts[Self.bucket(severity, ruleRank, ranks: ranks)] += 1 } else { bucketed = false }
                        return (severity, ruleRank)
                    }
                    let inOrder = range.allSatisfy { i in i == 0 || outcomes.inFindingOrder(positions[i - 1], positions[i]) }
                    return (range: range, keys: keys, counts: counts, inOrder: inOrder, bucketed: bucketed)
                }
            }
            let inFindingOrder = stretches.allSatisfy(\.inOrder)
            if inFindingOrder, stretches.allSatisfy(\.bucketed) {
                // The same order as the comparison sort below, whose ties keep their position.
                var starts = [Int](repeating: 0, count: buckets + 1)
                for stretch in stretches {
                    for b in 0..<buckets { starts[b + 1] += stretch.counts[b] }
                }
                for b in 0..<buckets { starts[b + 1] += starts[b] }
                var order = [Int](repeating: 0, count: positions.count)
                for stretch in stretches {
                    for (k, key) in stretch.keys.enumerated() {
                        let b = Self.bucket(key.severity, key.rank, ranks: ranks)
                        order[starts[b]] = positions[stretch.range.lowerBound + k]
                        starts[b] += 1
                    }
                }
                return order
            }
            let keys = Array(stretches.map(\.keys).joined())
            return keys.indices.sorted { i, j in
                if keys[i].severity != keys[j].severity { return keys[i].severity > keys[j].severity }
                if keys[i].rank != keys[j].rank { return keys[i].rank < keys[j].rank }
                return inFindingOrder ? i < j : outcomes[positions[i]].finding < outcomes[positions[j]].finding
            }.map { positions[$0] }
        }

        /// The bucket of a (severity, rule rank) key: the most severe first, then by rule rank.
        @inline(__always)
        private static func bucket(_ severity: Severity, _ rank: Int, ranks: Int) -> Int {
            (Severity.allCases.count - 1 - severity.rank) * ranks + rank
        }
    }

    /// `AVG-024` belongs to pack `avg` when the rule metadata is missing.
    static func packFromRuleID(_ id: String) -> String {
        let prefix = id.split(separator: "-").first.map(String.init) ?? id
        let lower = prefix.lowercased()
        return lower == "sc" ? "smartcity" : lower
    }

    /// The usual packs in a fixed order, then any others alphabetically.
    static func packOrder(_ pack: String) -> (Int, String) {
        let known = ["avg", "bio", "smartcity", "procurement", "standards"]
        return (known.firstIndex(of: pack) ?? known.count, pack)
    }
}

/// Orders `5.9.1` before `5.10.1` and `AVG-2` before `AVG-10`: digits compare as numbers.
struct NaturalKey: Comparable {
    private let parts: [Part]
    private enum Part: Comparable {
        case number(Int)
        case text(String)
    }
    init(_ s: String) {
        var parts: [Part] = []
        var digits = ""
        var text = ""
        for ch in s {
            if ch.isASCII && ch.isNumber {
                if !text.isEmpty { parts.append(.text(text)); text = "" }
                digits.append(ch)
            } else {
                if !digits.isEmpty { parts.append(.number(Int(digits.prefix(18)) ?? 0)); digits = "" }
                text.append(ch)
            }
        }
        if !digits.isEmpty { parts.append(.number(Int(digits.prefix(18)) ?? 0)) }
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
    }
    static func < (a: NaturalKey, b: NaturalKey) -> Bool {
        for (x, y) in zip(a.parts, b.parts) where x != y { return x < y }
        return a.parts.count < b.parts.count
    }
}

/// Outcomes of a result picked by position, in the order a report lists them. A view: listing the
/// hundred thousand findings of a city-wide audit copies none of them (an outcome copied counts
/// three references, and a copied list must be freed outcome by outcome when the report is done).
struct OutcomeList: RandomAccessCollection {
    private let outcomes: [Outcome]
    private let positions: ArraySlice<Int>

    init(_ outcomes: [Outcome], _ positions: ArraySlice<Int>) {
        self.outcomes = outcomes; self.positions = positions
    }

    var startIndex: Int { positions.startIndex }
    var endIndex: Int { positions.endIndex }
    subscript(i: Int) -> Outcome { outcomes[positions[i]] }

    /// The outcomes at `range` of this list's indices.
    func sublist(_ range: Range<Int>) -> OutcomeList { OutcomeList(outcomes, positions[range]) }

    /// The result's outcomes where they lie, and this list's positions into them.
    func withOutcomesInPlace<R>(_ body: (UnsafeBufferPointer<Outcome>, ArraySlice<Int>) throws -> R) rethrows -> R {
        try outcomes.withUnsafeBufferPointer { try body($0, positions) }
    }
}
