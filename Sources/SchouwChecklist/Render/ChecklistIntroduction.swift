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
        let language = strings.language
        title = "\(strings.title): \(project.name)"
        facts = [Fact(label: strings.project, value: "\(project.name) (\(project.id))")]
        if let organisation = project.organisation { facts.append(Fact(label: strings.organisation, value: organisation)) }
        if let phase = project.phase { facts.append(Fact(label: strings.projectPhase, value: strings.projectPhaseName(phase))) }
        facts.append(Fact(label: strings.checklistPhase, value: strings.phaseFilter(checklist.phaseFilter)))
        let items = checklist.items
        summary = strings.summary(items: items.count, knockOuts: items.filter(\.knockOut).count,
                                  toConfirm: items.filter(\.toConfirm).count)
        triggers = project.triggers.isEmpty ? [strings.noTriggers] : project.triggers.map { $0[language] }
        counts = checklist.themes.map { theme, items in
            Count(label: strings.theme(theme), items: items.count, knockOuts: items.filter(\.knockOut).count,
                  toConfirm: items.filter(\.toConfirm).count)
        }
        counts.append(Count(label: strings.total, items: items.count, knockOuts: items.filter(\.knockOut).count,
                            toConfirm: items.filter(\.toConfirm).count))
    }
}
