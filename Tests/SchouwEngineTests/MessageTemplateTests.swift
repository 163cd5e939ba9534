import CEL
import SchouwEngine
import Testing

@Suite struct MessageTemplateTests {
    let flow = Value.object(["id": .string("f1"), "retention": .duration(CELDuration(seconds: 86_400 * 30, nanos: 0)),
                             "data": .list([.string("plates"), .string("photos")])])

    @Test func compiledTemplateFillsPlaceholdersFromTheNamedVariable() {
        let template = MessageTemplate.Compiled("Stroom {{ flow.id }} bewaart {{flow.data}} {{flow.retention}}; {{project.name}}")
        let text = template.render { $0 == "flow" ? flow : nil }
        #expect(text == "Stroom f1 bewaart plates, photos P30D; ?")
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
