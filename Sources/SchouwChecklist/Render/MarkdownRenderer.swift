extension Checklist {
    /// The checklist as Markdown: introduction, then one section per theme with one block per item.
    public func markdown(language: ChecklistLanguage) -> String {
        let strings = ChecklistStrings.for(language)
        let intro = ChecklistIntroduction(self, strings: strings)
        var out = "# \(MarkdownText.escape(intro.title))\n\n"
        for fact in intro.facts { out += "- **\(fact.label):** \(MarkdownText.escape(fact.value))\n" }
        out += "\n\(strings.introduction)\n\n\(intro.summary)\n\n"
        out += "## \(strings.triggersHeading)\n\n"
        for trigger in intro.triggers { out += "- \(MarkdownText.escape(trigger))\n" }
        out += "\n## \(strings.countsHeading)\n\n"
        out += "| \(strings.columns.theme) | \(strings.items) | \(strings.knockOuts) | \(strings.toConfirm) |\n"
        out += "| --- | ---: | ---: | ---: |\n"
        for count in intro.counts {
            out += "| \(count.label) | \(count.items) | \(count.knockOuts) | \(count.toConfirm) |\n"
        }
        out += "\n## \(strings.howToUseHeading)\n\n"
        for (index, step) in strings.howToUse.enumerated() { out += "\(index + 1). \(step)\n" }
        if items.isEmpty { out += "\n\(strings.noItems)\n" }
        for (theme, items) in themes {
            out += "\n## \(strings.theme(theme))\n"
            for item in items { out += "\n" + block(item, strings) }
        }
        return out
    }

    private func block(_ item: ChecklistItem, _ strings: ChecklistStrings) -> String {
        let language = strings.language
        var tags = [strings.phase(item.phase)]
        if item.knockOut { tags.append("**\(strings.knockOut)**") }
        if item.toConfirm { tags.append("*\(strings.toConfirmMarker)*") }
        var out = "### \(MarkdownText.escape(item.id)): \(MarkdownText.escape(item.title[language]))\n\n"
        out += tags.joined(separator: " · ") + "\n\n"
        out += "- **\(strings.requirement):** \(MarkdownText.escape(item.requirement[language]))\n"
        let references = ReferenceText.render(item.references, language: language)
        if !references.isEmpty { out += "- **\(strings.why):** \(MarkdownText.escape(references))\n" }
        if !item.triggers.isEmpty {
            out += "- **\(strings.reason):** \(MarkdownText.escape(strings.reasons(item.triggers)))\n"
        }
        out += "- **\(strings.evidence):** \(MarkdownText.escape(item.evidence[language]))\n"
        if item.toConfirm { out += "- \(strings.toConfirmExplanation)\n" }
        return out
    }
}

/// Escapes text from descriptors and rules so it renders literally in Markdown (and in the HTML that
/// Markdown viewers produce from it): no emphasis, links, tables or raw HTML sneak in.
enum MarkdownText {
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!":
                out.append("\\")
                out.append(character)
            case "\n", "\r\n", "\r":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }
}
