/// What every format puts before the items: the project, what its descriptor triggered, and counts.
struct ChecklistIntroduction {
    struct Fact { var label: String; var value: String }
    struct Count { var label: String; var items: Int; var knockOuts: Int; var toConfirm: Int }

    var title: String
    var facts: [Fact]
    var summary: String
    /// The project's triggers in the chosen language; the "nothing particular" line when there are none.
    var triggers: [String]
    /// One line per theme with items, then the total.
    var counts: [Count]

    init(_ checklist: Checklist, strings: ChecklistStrings) {
        let project = checklist.project
        title = "\(strings.title): \(project.name)"
        facts = [Fact(label: strings.project, value: "\(project.name) (\(project.id))")]
        if let organisation = project.organisation { facts.append(Fact(label: strings.organisation, value: organisation)) }
        if let phase = project.phase { facts.append(Fact(label: strings.projectPhase, value: strings.projectPhaseName(phase))) }
        facts.append(Fact(label: strings.checklistPhase, value: strings.phaseFilter(checklist.phaseFilter)))
        let items = checklist.items
        summary = strings.summary(items: items.count, knockOuts: items.filter(\.knockOut).count,
                                  toConfirm: items.filter(\.toConfirm).count)
        triggers = Self.triggerLines(checklist, strings: strings)
        counts = checklist.themes.map { theme, items in
            Count(label: strings.theme(theme), items: items.count, knockOuts: items.filter(\.knockOut).count,
                  toConfirm: items.filter(\.toConfirm).count)
        }
        counts.append(Count(label: strings.total, items: items.count, knockOuts: items.filter(\.knockOut).count,
                            toConfirm: items.filter(\.toConfirm).count))
    }

    /// The project's triggers; without them, the distinct reasons of the items (at most ten), so the
    /// officer still sees what in the descriptor led to the list.
    static func triggerLines(_ checklist: Checklist, strings: ChecklistStrings) -> [String] {
        let language = strings.language
        if !checklist.project.triggers.isEmpty { return checklist.project.triggers.map { $0[language] } }
        var seen = Set<String>()
        let reasons = checklist.items.flatMap(\.triggers).map { $0[language] }.filter { seen.insert($0).inserted }.sorted()
        guard !reasons.isEmpty else { return [strings.noTriggers] }
        let limit = 10
        guard reasons.count > limit else { return reasons }
        let more = reasons.count - limit
        return Array(reasons.prefix(limit)) + [language == .nl ? "en \(more) meer" : "and \(more) more"]
    }
}
