import CEL

/// Operands of `when` that several rules of one kind have in common, evaluated once per subject
/// for each group of rules that reads them (see `BlockValues`).
///
/// Rule packs repeat guards: most BIO rules on systems start with the same
/// `!(has(system.operator_party) && ... == 'recipient')`, and many flow rules with `flow.personal`.
/// Evaluating such an operand once per subject instead of once per rule and subject is exact: a
/// CEL expression is a pure function of its variables, and `&&` gives the same value whatever the
/// order its operands were evaluated in (`Conjunction`). Operands that iterate are never shared,
/// and a rule keeps at most one iterating operand of its own, so each evaluation has the iteration
/// budget it would have had whole.
struct SharedConjuncts {
    /// One operand of a rule's `when`: a shared one (index into `programs`) or the rule's own.
    enum Operand {
        case shared(Int)
        case own(Program)
    }

    /// Per rule (in the order given): its `when` as operands, or nil when it is evaluated whole.
    let plans: [[Operand]?]
    /// The shared operands, and the kind of subject each is evaluated for.
    let programs: [(kind: SubjectKind, program: Program)]

    /// Kinds with fewer subjects are evaluated whole: splitting the rules' expressions would cost
    /// more than it saves (a typical project has a few dozen subjects of each kind).
    static let minimumSubjects = 256

    init(_ rules: [Rule], subjectCounts: [SubjectKind: Int], minimumSubjects: Int = SharedConjuncts.minimumSubjects) {
        let split = rules.map { rule -> [Conjunct] in
            guard (subjectCounts[rule.forEach] ?? 0) >= minimumSubjects, let when = rule.when else { return [] }
            return when.program.conjuncts
        }
        var uses: [String: Int] = [:]
        for (rule, conjuncts) in zip(rules, split) {
            for text in Set(conjuncts.filter { !$0.iterates }.map(\.text)) { uses[Self.key(rule.forEach, text), default: 0] += 1 }
        }
        var index: [String: Int] = [:]
        var programs: [(kind: SubjectKind, program: Program)] = []
        plans = zip(rules, split).map { rule, conjuncts -> [Operand]? in
            let isShared = conjuncts.map { !$0.iterates && (uses[Self.key(rule.forEach, $0.text)] ?? 0) > 1 }
            guard isShared.contains(true), conjuncts.filter(\.iterates).count <= 1 else { return nil }
            return zip(conjuncts, isShared).map { conjunct, shared in
                guard shared else { return .own(conjunct.program) }
                let key = Self.key(rule.forEach, conjunct.text)
                if let known = index[key] { return .shared(known) }
                index[key] = programs.count
                programs.append((rule.forEach, conjunct.program))
                return .shared(programs.count - 1)
            }
        }
        self.programs = programs
    }

    private static func key(_ kind: SubjectKind, _ text: String) -> String { kind.rawValue + "\u{0}" + text }

    /// The shared operands the rules at `rules` read, in operand order.
    func operands(readBy rules: [Int]) -> [Int] {
        var read = Set<Int>()
        for r in rules {
            for case .shared(let g) in plans[r] ?? [] { read.insert(g) }
        }
        return read.sorted()
    }

    /// The values of the shared operands a group of rules reads, one block of subjects at a time.
    ///
    /// The worker that runs the group's rules on a block evaluates them first, while the block's
    /// values are coming into its cache. Evaluated over all subjects of a kind beforehand, each
    /// operand had read all of a city's flows or systems from memory once more. An operand read
    /// by both groups of a kind is evaluated by each, both times from the cache.
    struct BlockValues {
        private let programs: [Program]
        /// Per shared operand, its row in `values`, or -1 when the group does not read it.
        private let rowOf: [Int]
        private let blockSize: Int
        /// Row by row, each operand's values for the subjects of the block from `start` on.
        private var values: [Value]
        private var start = 0

        init(_ shared: SharedConjuncts, rules: [Int], blockSize: Int) {
            let read = shared.operands(readBy: rules)
            var rowOf = [Int](repeating: -1, count: shared.programs.count)
            for (row, g) in read.enumerated() { rowOf[g] = row }
            self.rowOf = rowOf
            programs = read.map { shared.programs[$0].program }
            self.blockSize = blockSize
            values = [Value](repeating: .null, count: read.count * blockSize)
        }

        /// Evaluates every operand for the subjects of `block` (at most `blockSize` of them).
        mutating func evaluate(_ block: Range<Int>, of subjects: [Unmanaged<RuleEvaluator.Subject>]) {
            start = block.lowerBound
            for (row, program) in programs.enumerated() {
                let base = row * blockSize - block.lowerBound
                for s in block.prefix(blockSize) {
                    values[base + s] = subjects[s]._withUnsafeGuaranteedRef { program.evaluate($0.activation) }
                }
            }
        }

        /// The value of shared operand `g` for subject `s` of the block last evaluated.
        func value(_ g: Int, subject s: Int) -> Value { values[rowOf[g] * blockSize + s - start] }
    }

    /// The value of `when` of rule `r` for subject `s` (nil when the rule has none): from its
    /// operands when it has a plan, else by evaluating it whole. Either gives the same value.
    func when(ofRule r: Int, _ rule: Rule, subject s: Int, activation: Activation, shared: BlockValues) -> Value? {
        // Read through the optional in place: copying the rule's expression struct per subject
        // cost a dozen reference counts.
        guard let plan = plans[r], let whole = rule.when?.program else { return rule.when?.program.evaluate(activation) }
        var conjunction = Conjunction()
        for operand in plan {
            let value: Value
            switch operand {
            case .shared(let g): value = shared.value(g, subject: s)
            case .own(let program): value = program.evaluate(activation)
            }
            if conjunction.add(value) { return .bool(false) }
        }
        return whole.finishConjunction(conjunction.result(decided: false))
    }
}
