import SchouwModel

/// What the notes on waivers say, in the audit's language: they are printed in every report
/// beside the findings, so a Dutch report must not switch to English for them.
struct WaiverNoteTexts {
    let lang: Language

    func invalid(_ pattern: String) -> String {
        lang == .nl ? "uitzonderingspatroon '\(pattern)' heeft niet de vorm REGEL-ID@soort:id"
            : "waiver pattern '\(pattern)' is not of the form RULE-ID@kind:id"
    }

    func refused(rule: String) -> String {
        lang == .nl ? "regel \(rule) staat geen uitzondering toe; de uitzondering is geweigerd en de bevinding blijft staan"
            : "rule \(rule) is not waivable; the waiver is refused and the finding stands"
    }

    func expired(on date: String) -> String {
        lang == .nl ? "uitzondering verlopen op \(date); de bevinding telt weer mee"
            : "waiver expired on \(date); the finding counts again"
    }

    var stale: String {
        lang == .nl ? "uitzondering past op geen enkele bevinding; verwijder haar of verbeter het patroon"
            : "waiver matches no failing finding; remove it or correct the pattern"
    }

    func ruleDidNotRun(_ rule: String, closest: String?) -> String {
        let suggestion = closest.map { lang == .nl ? " (bedoelde u `\($0)`?)" : " (did you mean `\($0)`?)" } ?? ""
        return lang == .nl
            ? "uitzondering noemt regel \(rule), die niet is uitgevoerd\(suggestion); verbeter het patroon of laad de regel met --rules"
            : "waiver names rule \(rule), which did not run\(suggestion); correct the pattern or load the rule with --rules"
    }

    func nearMiss(_ finding: String) -> String {
        lang == .nl ? "uitzondering past op geen enkele bevinding (bedoelde u `\(finding)`?); verbeter het patroon of verwijder haar"
            : "waiver matches no failing finding (did you mean `\(finding)`?); correct the pattern or remove it"
    }
}
