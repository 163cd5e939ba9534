import SchouwEngine
import Testing

/// `{{path}}` placeholders name fields that exist: a misspelt one printed `?` in every report.
@Suite struct MessagePlaceholderCheckTests {
    @Test func aMisspeltFieldIsRefusedAtThePlaceholderWithASuggestion() {
        let errors = RuleFixture.errors(RuleFixture.rule(assert: "flow.encrypted", message: "Flow {{flow.naam}}"))
        #expect(errors == [
            "7:21: placeholder {{flow.naam}}: `flow` has no field `naam` | did you mean `name`?",
            "7:47: placeholder {{flow.naam}}: `flow` has no field `naam` | did you mean `name`?",
        ])
    }

    @Test func fieldsOfDerivedObjectsAreCheckedToo() {
        let errors = RuleFixture.errors(RuleFixture.rule(assert: "flow.encrypted",
                                                         message: "{{flow.to_system.operator_party.nme}}"))
        #expect(errors.first == "7:16: placeholder {{flow.to_system.operator_party.nme}}: `flow.to_system.operator_party` has no field `nme` | did you mean `name`?")
    }

    @Test func aFieldOfAValueWithoutFieldsIsRefused() {
        let errors = RuleFixture.errors(RuleFixture.rule(forEach: "data", assert: "asset.personal",
                                                         message: "{{asset.retention.days}}"))
        #expect(errors.first == "7:16: placeholder {{asset.retention.days}}: `asset.retention` is a duration, which has no fields | end the placeholder at {{asset.retention}}")
    }

    @Test func existingFieldsDerivedFactsAndTheProjectLoad() {
        let message = "{{flow.id}} {{flow.name}} {{flow.encryption}} {{flow.from_system.zone}} {{flow.assets}} "
            + "{{project.name}} {{project.dpia.date}} {{flow.to_system.operator_party.name}}"
        #expect(RuleFixture.errors(RuleFixture.rule(assert: "flow.encrypted", message: message)).isEmpty)
    }

    @Test func aPlaceholderInABlockTextPointsAtItsLine() {
        let text = """
        id: GEM-001
        title: {nl: Regel, en: Rule}
        severity: low
        references: [{framework: other, ref: "test"}]
        for-each: system
        assert: system.personal
        message:
          nl: >-
            Systeem {{system.id}}
            in zone {{system.zonee}}.
          en: "System {{system.id}}"
        remediation: {nl: "Herstel", en: "Fix"}
        """
        #expect(RuleFixture.errors(text) == ["10:13: placeholder {{system.zonee}}: `system` has no field `zonee` | did you mean `zone`?"])
    }
}
