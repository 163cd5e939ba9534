extension Checklist {
    /// The checklist as one self-contained HTML page (inline CSS, no scripts, no external resources).
    public func html(language: ChecklistLanguage) -> String {
        let strings = ChecklistStrings.for(language)
        let intro = ChecklistIntroduction(self, strings: strings)
        func e(_ text: String) -> String { XMLText.escape(text) }
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(e(intro.title))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n"
        out += "<h1>\(e(intro.title))</h1>\n<dl class=\"facts\">\n"
        for fact in intro.facts { out += "<dt>\(e(fact.label))</dt><dd>\(e(fact.value))</dd>\n" }
        out += "</dl>\n<p>\(e(strings.introduction))</p>\n<p><strong>\(e(intro.summary))</strong></p>\n"
        out += "<h2>\(e(strings.triggersHeading))</h2>\n<ul>\n"
        for trigger in intro.triggers { out += "<li>\(e(trigger))</li>\n" }
        out += "</ul>\n<h2>\(e(strings.countsHeading))</h2>\n<table class=\"counts\">\n"
        out += "<thead><tr><th>\(e(strings.columns.theme))</th><th>\(e(strings.items))</th><th>\(e(strings.knockOuts))</th><th>\(e(strings.toConfirm))</th></tr></thead>\n<tbody>\n"
        for count in intro.counts {
            out += "<tr><td>\(e(count.label))</td><td>\(count.items)</td><td>\(count.knockOuts)</td><td>\(count.toConfirm)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n<h2>\(e(strings.howToUseHeading))</h2>\n<ol>\n"
        for step in strings.howToUse { out += "<li>\(Self.codeSpans(e(step)))</li>\n" }
        out += "</ol>\n"
        if items.isEmpty { out += "<p>\(e(strings.noItems))</p>\n" }
        for (theme, items) in themes {
            out += "<section>\n<h2>\(e(strings.theme(theme)))</h2>\n"
            for item in items {
                out += "<article id=\"\(e(item.id))\" class=\"item\(item.knockOut ? " knock-out" : "")\(item.toConfirm ? " to-confirm" : "")\">\n"
                out += "<h3><span class=\"id\">\(e(item.id))</span> \(e(item.title[language]))</h3>\n"
                out += "<p class=\"tags\"><span class=\"tag\">\(e(strings.phase(item.phase)))</span>"
                if item.knockOut { out += " <span class=\"tag ko\">\(e(strings.knockOut))</span>" }
                if item.toConfirm { out += " <span class=\"tag confirm\">\(e(strings.toConfirmMarker))</span>" }
                out += "</p>\n<dl>\n<dt>\(e(strings.requirement))</dt><dd>\(e(item.requirement[language]))</dd>\n"
                let references = ReferenceText.render(item.references, language: language)
                if !references.isEmpty { out += "<dt>\(e(strings.why))</dt><dd>\(e(references))</dd>\n" }
                if !item.triggers.isEmpty {
                    out += "<dt>\(e(strings.reason))</dt><dd>\(e(strings.reasons(item.triggers)))</dd>\n"
                }
                out += "<dt>\(e(strings.evidence))</dt><dd>\(e(item.evidence[language]))</dd>\n</dl>\n"
                if item.toConfirm { out += "<p class=\"note\">\(e(strings.toConfirmExplanation))</p>\n" }
                out += "</article>\n"
            }
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    static let css = """
    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
    h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
    dl.facts { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
    dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
    table.counts { border-collapse: collapse; } table.counts th, table.counts td { border: 1px solid #ccc; padding: .25rem .6rem; }
    table.counts td:not(:first-child) { text-align: right; }
    article.item { border: 1px solid #ddd; border-left: 4px solid #3a6ea5; border-radius: 4px; padding: .5rem 1rem; margin: 1rem 0; }
    article.knock-out { border-left-color: #b00020; } article.to-confirm { background: #fffbea; }
    .id { font-family: ui-monospace, monospace; color: #555; }
    .tag { display: inline-block; font-size: .8rem; padding: .05rem .45rem; border-radius: 3px; background: #e8eef5; }
    .tag.ko { background: #b00020; color: #fff; } .tag.confirm { background: #f5d76e; }
    article dl dt { font-weight: 600; margin-top: .4rem; } article dl dd { margin-left: 0; }
    .note { font-style: italic; color: #6b5500; }
    @media print { article.item { break-inside: avoid; } }

    """

    /// `command` in the texts (written for Markdown) as <code>: HTML would show the backticks.
    static func codeSpans(_ escaped: String) -> String {
        let parts = escaped.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.count % 2 == 1 else { return escaped }
        return parts.enumerated().map { $0.offset % 2 == 1 ? "<code>\($0.element)</code>" : String($0.element) }.joined()
    }
}
