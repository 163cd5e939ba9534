import CEL
import Dispatch
import Foundation
import SchouwConcurrency
import SchouwModel
import SchouwResult

/// What one expression said about one subject.
enum Verdict: Sendable {
    case holds(Bool)
    /// A fact the expression needs is absent from the descriptor.
    case unknown(missing: [String])
    /// The expression failed for another reason (e.g. a wrong type at run time).
    case error(String)
}

/// Evaluates every rule against every subject of its kind. Programs are compiled once; each
/// evaluation only binds the subject. Rules run in parallel: programs and values are immutable.
public struct RuleEvaluator: Sendable {
    public let descriptor: Descriptor
    public let values: DescriptorValues
    public let now: Date
    let globals: [String: Value]
    let sharedActivation: Activation

    /// `fields`: the field names the rules read (`RuleSet.referencedFields`); heavy facts outside it
    /// are not built. Nil builds everything (for `eval` and `explain`, which may read anything).
    public init(descriptor: Descriptor, taxonomy: Taxonomy, now: Date, fields: Set<String>? = nil) {
        self.descriptor = descriptor
        let skip = fields.map { DescriptorValues.heavyFacts.subtracting($0) } ?? []
        let needsReach = fields.map { !$0.isDisjoint(with: ["reaches", "reaches_parties", "reaches_countries", "leaves_eea"]) } ?? true
        facts = FactBuilder.build(descriptor, taxonomy: taxonomy, computeReach: needsReach, leavingOut: skip)
        values = DescriptorValues(descriptor, facts: facts, countries: taxonomy.countries, skip: skip)
        self.now = now
        globals = [
            "project": values.project, "parties": .list(values.parties), "zones": .list(values.zones),
            "data": .list(values.data), "systems": .list(values.systems), "flows": .list(values.flows),
            "purposes": .list(values.purposes),
            "now": .timestamp(Timestamp(seconds: Int64(now.timeIntervalSince1970.rounded(.down)))),
        ]
        sharedActivation = Activation(globals)
        sortedSubjects = Self.sortedSubjects(descriptor, values, index: facts.index, shared: sharedActivation)
    }

    /// The graph facts the values were built from. Kept with the evaluator rather than freed as
    /// soon as the values exist: on a city-wide descriptor that freeing held up the audit for
    /// about 10 ms on one core, and a command about to exit keeps the evaluator to the end.
    let facts: GraphFacts

    /// A subject of one kind: its id, display name, CEL value and where it is written.
    /// A class: each subject is handed to every rule of its kind, and passing a reference costs less
    /// than copying five fields. It is also the part every outcome on it carries, so an unknown
    /// outcome's message can be rendered from the subject it names (`Outcome.SharedFinding`).
    public final class Subject: Outcome.SubjectPart, @unchecked Sendable {
        public let kind: SubjectKind
        public var id: String { subject.id }
        public var name: String? { subject.name }
        public let value: Value
        public let mark: SourceMark
        /// The variables a rule sees for this subject: the shared ones plus the subject under its
        /// singular name. Made once and used by every rule of its kind.
        let activation: Activation

        init(kind: SubjectKind, id: String, name: String?, value: Value, mark: SourceMark, shared: Activation) {
            self.kind = kind; self.value = value; self.mark = mark
            // Binding a subject on top of the shared table costs no new table.
            activation = kind == .project ? shared : shared.binding(kind.variable, value)
            super.init(subject: SubjectRef(kind: kind.rawValue, id: id, name: name),
                       location: Location(file: mark.file, line: mark.line, column: mark.column))
        }
    }

    /// Subjects of every kind, sorted by id, built once: rules then produce outcomes in finding-id
    /// order with no sort over hundreds of thousands of findings.
    let sortedSubjects: [SubjectKind: [Subject]]

    static func sortedSubjects(_ d: Descriptor, _ v: DescriptorValues, index: DescriptorIndex,
                               shared: Activation) -> [SubjectKind: [Subject]] {
        // Each kind's subjects are made straight in id order (the large sections were sorted by id
        // once, in the index), the flows beside all other kinds: made in section order and then
        // reordered, the smaller kinds kept one core working alone.
        func positionsByID(_ ids: [String]) -> [Int] { ids.indices.sorted { ids[$0] < ids[$1] } }
        func subjectsInOrder(_ kind: SubjectKind) -> [Subject] {
            switch kind {
            case .project: return subjects(kind, d, v, shared: shared, order: [0])
            case .party: return subjects(kind, d, v, shared: shared, order: positionsByID(d.parties.map(\.id)))
            case .zone: return subjects(kind, d, v, shared: shared, order: positionsByID(d.zones.map(\.id)))
            case .data: return subjects(kind, d, v, shared: shared, order: index.dataOrder.sorted)
            case .system: return subjects(kind, d, v, shared: shared, order: index.systemOrder.sorted)
            case .flow: return subjects(kind, d, v, shared: shared, order: index.flowOrder.sorted)
            case .purpose: return subjects(kind, d, v, shared: shared, order: positionsByID(d.purposes.map(\.id)))
            }
        }
        let (flows, others) = concurrently({ subjectsInOrder(.flow) }, {
            SubjectKind.allCases.filter { $0 != .flow }.map { ($0, subjectsInOrder($0)) }
        })
        return Dictionary(uniqueKeysWithValues: others + [(.flow, flows)])
    }

    /// The subjects of one kind in section order.
    public func subjects(_ kind: SubjectKind) -> [Subject] {
        Self.subjects(kind, descriptor, values, shared: sharedActivation, order: nil)
    }

    /// One subject per object of the section, in section order or at the positions `order` gives;
    /// a city's flows and systems on every core.
    static func subjects(_ kind: SubjectKind, _ d: Descriptor, _ v: DescriptorValues, shared: Activation,
                         order: [Int]?) -> [Subject] {
        // Generic over the sections, so each is read field by field without copying its objects.
        func make<Object: SubjectObject>(_ objects: [Object], _ values: [Value]) -> [Subject] {
            let count = min(objects.count, values.count)
            let positions = order?.filter { $0 < count }
            return parallelMap(positions?.count ?? count) { k in
                let i = positions?[k] ?? k
                return Subject(kind: kind, id: objects[i].id, name: objects[i].subjectName, value: values[i],
                               mark: objects[i].marks.object, shared: shared)
            }
        }
        switch kind {
        case .project: return make([d.project], [v.project])
        case .party: return make(d.parties, v.parties)
        case .zone: return make(d.zones, v.zones)
        case .data: return make(d.data, v.data)
        case .system: return make(d.systems, v.systems)
        case .flow: return make(d.flows, v.flows)
        case .purpose: return make(d.purposes, v.purposes)
        }
    }

    /// The variables a rule sees for one subject.
    public func bindings(for subject: Subject) -> [String: Value] {
        var vars = globals
        if subject.kind != .project { vars[subject.kind.variable] = subject.value }
        return vars
    }

    /// All outcomes, before waivers, sorted by finding id.
    ///
    /// Each outcome is written straight to its place in the result, which is in finding order:
    /// rules by id, then subjects by id. The order of the work is chosen for the memory and the
    /// cores, not for the result:
    ///
    /// - **Blocks of subjects.** A kind's rules run over a block of `blockSize` subjects before the
    ///   next block, so each subject's values are read from the cache by every rule instead of from
    ///   memory once per rule (a city's flows do not fit in the cache). One rule's outcomes for a
    ///   block are still made together, so the reports, which read them rule by rule, find them
    ///   close together.
    /// - **Different rules on each core.** A kind's rules are split into two groups, each over
    ///   stretches of the subjects handed out in turn (`units`); the cores then seldom run the same
    ///   rule at once and do not contend for the reference counts of one plan's nodes and
    ///   constants. The second group walks the stretches from the end, so the two seldom touch one
    ///   subject at the same moment.
    public func evaluate(_ rules: [Rule], lang: Language) -> [Outcome] {
        evaluate(rules, lang: lang, shareFrom: SharedConjuncts.minimumSubjects)
    }

    /// `shareFrom`: the number of subjects from which a kind's rules share `when` operands;
    /// `blockSize`: subjects per block (tests lower both to exercise sharing and blocks on small
    /// descriptors).
    func evaluate(_ rules: [Rule], lang: Language, shareFrom: Int, blockSize: Int = Self.blockSize) -> [Outcome] {
        let subjectsByKind = sortedSubjects
        // Borrowed in the loop below without counting references: `sortedSubjects` keeps every
        // subject alive, and a count taken per evaluation waited on memory the other core wrote.
        let unmanagedByKind = subjectsByKind.mapValues { $0.map(Unmanaged.passUnretained) }
        let ordered = rules.sorted { $0.id + "@" < $1.id + "@" }
        let texts = ordered.map { RuleTexts($0, lang: lang, project: values.project) }
        var starts: [Int] = [], total = 0
        for rule in ordered {
            starts.append(total)
            total += subjectsByKind[rule.forEach]?.count ?? 0
        }
        let offsets = starts
        let subjectCounts = subjectsByKind.mapValues(\.count)
        let shared = SharedConjuncts(ordered, subjectCounts: subjectCounts, minimumSubjects: shareFrom)
        let units = Self.units(ordered, subjectCounts: subjectCounts)
        let queue = WorkQueue(count: units.count)
        let workers = min(units.count, availableCores)
        return Array(unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            let target = OutcomeSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                while let next = queue.take() {
                    let unit = units[next]
                    let subjects = unmanagedByKind[unit.kind] ?? []
                    let range = unit.subjects.clamped(to: 0..<subjects.count)
                    let blocks = stride(from: range.lowerBound, to: range.upperBound, by: blockSize).map {
                        $0..<min($0 + blockSize, range.upperBound)
                    }
                    var sharedValues = SharedConjuncts.BlockValues(shared, rules: unit.rules, blockSize: blockSize)
                    var findings = SharedFindings()
                    for block in worker % 2 == 0 ? blocks : blocks.reversed() {
                        sharedValues.evaluate(block, of: subjects)
                        for r in unit.rules {
                            let rule = ordered[r], texts = texts[r], offset = offsets[r]
                            findings.startRule()
                            for s in block {
                                subjects[s]._withUnsafeGuaranteedRef { subject in
                                    let when = shared.when(ofRule: r, rule, subject: s, activation: subject.activation, shared: sharedValues)
                                    target.put(evaluate(rule, subject, when: when, activation: subject.activation, texts: texts,
                                                        findings: &findings),
                                               at: offset + s)
                                }
                            }
                        }
                    }
                }
            }
            initialized = total
        }
    }

    /// Subjects evaluated by all of a group's rules before the next ones, so their values stay in
    /// the core's own cache (1 MB here). A system's values with its security, sensor and endpoints
    /// take one to two kilobytes, so 1,024 systems did not fit: a cache simulation of the
    /// 10,000-system audit counted 17.8 million reads missing a 1 MB cache with blocks of 1,024,
    /// 16.3 million with 512, and 16.0 million with 256 and with 128.
    static let blockSize = 256

    /// Evaluations in one unit of work: small enough that the last unit handed out is short.
    /// Evaluations differ in cost (a comprehension over a list against one field test), and with
    /// units of 100,000 one core still worked alone for the last 25 ms at 10,000 systems.
    static let unitEvaluations = 25_000

    /// One unit of work: some rules of a kind over a stretch of its subjects.
    struct Unit: Equatable {
        var kind: SubjectKind
        var rules: [Int]
        var subjects: Range<Int>
    }

    /// The work, cut so every subject's values are read from memory as few times as possible.
    ///
    /// A kind with many subjects has its rules in two groups (alternating in id order, so both get
    /// a similar mix), and each group's subjects in stretches of about `unitEvaluations`
    /// evaluations. Each subject is then read once per group, whatever the size of the
    /// descriptor: cutting the rules into more groups as the subjects grew (as before) read a
    /// city's flows once per rule at 50,000 systems, and made the evaluation grow faster than the
    /// input. The groups' stretches are handed out alternately, the second group's from the end,
    /// so the two cores run different rules on different subjects. Kinds with the most evaluations
    /// come first and the small ones last, which keeps both cores busy to the end.
    static func units(_ ordered: [Rule], subjectCounts: [SubjectKind: Int]) -> [Unit] {
        var perKind: [(evaluations: Int, units: [Unit])] = []
        for kind in SubjectKind.allCases {
            let members = ordered.indices.filter { ordered[$0].forEach == kind }
            guard !members.isEmpty else { continue }
            let subjects = subjectCounts[kind] ?? 0
            guard subjects > blockSize else {
                perKind.append((subjects * members.count, [Unit(kind: kind, rules: members, subjects: 0..<subjects)]))
                continue
            }
            let groupCount = min(2, members.count)
            let groups = (0..<groupCount).map { g in members.enumerated().filter { $0.offset % groupCount == g }.map(\.element) }
            let stretches = groups.map { rules -> [Range<Int>] in
                let size = max(1, unitEvaluations / rules.count / blockSize) * blockSize
                return stride(from: 0, to: subjects, by: size).map { $0..<min($0 + size, subjects) }
            }
            var units: [Unit] = []
            for k in 0..<(stretches.map(\.count).max() ?? 0) {
                for (g, own) in stretches.enumerated() where k < own.count {
                    units.append(Unit(kind: kind, rules: groups[g], subjects: own[g == 0 ? k : own.count - 1 - k]))
                }
            }
            perKind.append((subjects * members.count, units))
        }
        return perKind.enumerated().sorted { a, b in
            a.element.evaluations != b.element.evaluations ? a.element.evaluations > b.element.evaluations : a.offset < b.offset
        }.flatMap(\.element.units)
    }

    /// Hands out unit numbers in order to whichever worker asks next.
    private final class WorkQueue: @unchecked Sendable {
        private var next = 0
        private let count: Int
        private let lock = NSLock()
        init(count: Int) { self.count = count }
        func take() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// The result array's storage, written by several workers at once. Safe because every
    /// (rule, subject) pair has its own slot and each is written exactly once.
    private struct OutcomeSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Outcome>
        func put(_ outcome: Outcome, at index: Int) { (base + index).initialize(to: outcome) }
    }

    /// The shared variables plus the subject under its singular name.
    public func activation(for subject: Subject) -> Activation { subject.activation }

    public func evaluate(_ rule: Rule, _ subject: Subject, lang: Language) -> Outcome {
        let bound = activation(for: subject)
        var findings = SharedFindings()
        return evaluate(rule, subject, when: rule.when?.program.evaluate(bound), activation: bound,
                        texts: RuleTexts(rule, lang: lang, project: values.project), findings: &findings)
    }

    /// `when`: the value of the rule's `when` for this subject (nil when it has none); `findings`:
    /// the shared parts of this rule's unknown outcomes made so far.
    func evaluate(_ rule: Rule, _ subject: Subject, when: Value?, activation: Activation, texts: RuleTexts,
                  findings: inout SharedFindings) -> Outcome {
        var status: OutcomeStatus
        var missing: [String] = []
        var note: String?
        switch when.map(Self.verdict) ?? .holds(true) {
        case .holds(false):
            status = .notApplicable
        case .unknown(let m):
            status = .unknown; missing = m
        case .error(let e):
            status = .unknown; note = e
        case .holds(true):
            switch Self.verdict(rule.assert.program.evaluate(activation)) {
            case .holds(let ok): status = ok ? .pass : .fail
            case .unknown(let m): status = .unknown; missing = m
            case .error(let e): status = .unknown; note = e
            }
        }
        // Only findings need the subject-specific message; a pass or not-applicable outcome names the
        // check with the rule part's message (the title), and costs no allocation of its own.
        guard status == .fail || status == .unknown else {
            return Outcome(rule: texts.part, subject: subject, status: status)
        }
        // A failure's message is shown by every report, so it is rendered now, while the rule has
        // just read the subject's values and they are in the cache: rendered by the text report
        // from memory, the 40,000 failures of a 10,000-system audit took a third of the report.
        // Unknown outcomes' messages, which the text report does not show, wait until read.
        if status == .fail {
            return Outcome(rule: texts.part, subject: subject, status: status, message: texts.message.render(subject))
        }
        guard let note else {
            return Outcome(rule: texts.part, subject: subject, status: status, shared: findings.part(missing: missing))
        }
        let message = FindingMessage(texts.message, subject: subject, note: note)
        return Outcome(rule: texts.part, subject: subject, status: status, deferredMessage: message, missing: missing)
    }

    /// Turns a CEL result into a verdict. A missing key on descriptor data means the descriptor does
    /// not give the fact: the checker already rejected misspelt field names when the rule loaded.
    static func verdict(_ value: Value) -> Verdict {
        switch value {
        case .bool(let b): return .holds(b)
        case .error(let e):
            if e.kind == .noSuchKey || e.kind == .noSuchField {
                return .unknown(missing: e.missingFacts)
            }
            return .error(e.message)
        default:
            return .error("the expression gave \(value.typeValue.name), not bool")
        }
    }
}

extension RuleEvaluator {
    /// Whether a rule applies to a subject, judged on `when` alone: `pass` when it holds (or the rule
    /// has none), `notApplicable` when it is false, `unknown` when the descriptor lacks the facts.
    /// The procurement checklist asks this: a requirement applies whatever the current state is.
    public func applicability(_ rule: Rule, _ subject: Subject) -> OutcomeStatus {
        guard let when = rule.when else { return .pass }
        switch Self.verdict(when.program.evaluate(activation(for: subject))) {
        case .holds(true): return .pass
        case .holds(false): return .notApplicable
        case .unknown, .error: return .unknown
        }
    }
}

/// What a subject is made from: any object of a descriptor section.
protocol SubjectObject {
    var id: String { get }
    var subjectName: String? { get }
    var marks: Marks { get }
}

extension Project: SubjectObject { var subjectName: String? { name } }
extension Party: SubjectObject { var subjectName: String? { name } }
extension Zone: SubjectObject { var subjectName: String? { name } }
extension DataAsset: SubjectObject { var subjectName: String? { name } }
extension System: SubjectObject { var subjectName: String? { name } }
extension Flow: SubjectObject { var subjectName: String? { name } }
extension Purpose: SubjectObject { var subjectName: String? { name } }
