import Foundation
import Testing

@Suite struct EvalCommandTests {
    @Test func evaluatesAgainstJSONVariables() throws {
        let run = try CLI.run(["eval", "flows.exists(f, f.personal && !f.encrypted)",
                               "--var", #"flows=[{"personal": true, "encrypted": true}, {"personal": true, "encrypted": false}]"#])
        #expect(run.status == 0)
        #expect(run.stdout == "true\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func printsCELLiteralsDeterministically() throws {
        let run = try CLI.run(["eval", #"{"z": x, "a": [1u, 2.5, b"\x00", null, duration("90m")]}"#, "--var", #"x={"n": 3, "d": 1.5, "s": "t"}"#])
        #expect(run.status == 0)
        #expect(run.stdout == #"{"a": [1u, 2.5, b"\x00", null, duration("5400s")], "z": {"d": 1.5, "n": 3, "s": "t"}}"# + "\n")
    }

    @Test func parseErrorExitsTwoWithCaret() throws {
        let run = try CLI.run(["eval", "size(x) >"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "ERROR: <expression>:1:10: unexpected end of expression\n | size(x) >\n |          ^\n")
    }

    @Test func checkErrorExitsTwo() throws {
        let run = try CLI.run(["eval", "nope + 1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("1:1: undeclared reference to 'nope'"))
    }

    @Test func evaluationErrorExitsTwoAndNamesTheMissingPath() throws {
        let run = try CLI.run(["eval", "party.transfer.mechanism == 'scc'", "--var", #"party={"transfer": {}}"#])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no such key: 'mechanism' (missing: party.transfer.mechanism)"))
        #expect(run.stderr.contains(" |                ^"))
    }

    @Test func divisionByZeroExitsTwo() throws {
        let run = try CLI.run(["eval", "10 / (5 - 5)"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("division by zero"))
    }

    @Test func badVariableIsUsageError() throws {
        let notJSON = try CLI.run(["eval", "x", "--var", "x=hello"])
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr.contains("not valid JSON"))
        let noEquals = try CLI.run(["eval", "x", "--var", "x"])
        #expect(noEquals.status == 2)
        #expect(noEquals.stderr.contains("name=JSON"))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let run = try CLI.run(["eval", text])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nests too deeply"))
    }
}
