import CEL
import SchouwEngine
import Testing

@Suite struct MessageTemplateTests {
    let flow = Value.object(["id": .string("f1"), "retention": .duration(CELDuration(seconds: 86_400 * 30, nanos: 0)),
                             "data": .list([.string("plates"), .string("photos")])])

    @Test func compiledTemplateFillsPlaceholdersFromTheNamedVariable() {
        let template = MessageTemplate.Compiled("Stroom {{ flow.id }} bewaart {{flow.data}} {{flow.retention}}; {{project.name}}",
                                                language: .nl)
        let text = template.render { $0 == "flow" ? flow : nil }
        #expect(text == "Stroom f1 bewaart plates, photos 30 dagen; ?")
    }

    /// Durations read as words in the message's language, in their largest whole unit.
    @Test(arguments: [
        (86_400 * 30, Language.nl, "30 dagen"), (86_400, .nl, "1 dag"), (31_536_000, .nl, "1 jaar"), (3_600 * 24, .en, "1 day"),
        (3_600 * 36, .en, "36 hours"), (3_600, .nl, "1 uur"), (90, .en, "90 seconds"), (0, .nl, "0 seconden"),
        (31_536_000 * 2, .en, "2 years"), (60 * 45, .nl, "45 minuten"),
    ])
    func durationsAreWords(seconds: Int, language: Language, words: String) {
        let value = Value.object(["d": .duration(CELDuration(seconds: Int64(seconds), nanos: 0))])
        #expect(MessageTemplate.Compiled("{{x.d}}", language: language).render { _ in value } == words)
    }

    @Test func missingNameFallsBackToTheIdAndUnclosedBracesStayText() {
        #expect(MessageTemplate.Compiled("{{flow.name}} en {{flow.owner").render { _ in flow } == "f1 en {{flow.owner")
        #expect(MessageTemplate.Compiled("geen plaatshouders").render { _ in nil } == "geen plaatshouders")
        #expect(MessageTemplate.Compiled("").render { _ in nil } == "")
    }

    @Test func compiledAndOneOffRenderingAgree() {
        let text = "{{flow.id}}: {{flow.retention}} ({{flow.unknown}})"
        #expect(MessageTemplate.render(text, variables: ["flow": flow]) == MessageTemplate.Compiled(text).render { $0 == "flow" ? flow : nil })
    }
}
