import Testing
@testable import CEL

@Suite struct TraceTests {
    @Test func recordsEverySubExpression() throws {
        var env = Environment()
        env.declare(variable: "flow", type: .dyn)
        let program = try env.compile("flow.personal && !flow.encrypted")
        let trace = program.trace(Activation(["flow": .object(["personal": .bool(true), "encrypted": .bool(false)])]))
        #expect(trace.result.boolValue == true)
        #expect(trace.rendered() == """
        flow.personal && !flow.encrypted = true
          flow.personal = true
            flow = {"encrypted": false, "personal": true}
          !flow.encrypted = true
            flow.encrypted = false
              flow = {"encrypted": false, "personal": true}
        """)
    }

    @Test func nodesAroundParenthesesShowThemWhole() throws {
        var env = Environment()
        for name in ["a", "b", "c"] { env.declare(variable: name, type: .bool) }
        let program = try env.compile("(a || b) && !(b || c)")
        let trace = program.trace(Activation(["a": .bool(true), "b": .bool(false), "c": .bool(false)]))
        #expect(trace.rendered() == """
        (a || b) && !(b || c) = true
          a || b = true
            a = true
            b = (not evaluated)
          !(b || c) = true
            b || c = false
              b = false
              c = false
        """)
    }

    @Test func onlyOneEnclosingPairOfParenthesesIsDropped() {
        let source = Source("(a) || (b) + ('(' + x) + ((y))")
        #expect(source.nodeText(0, 10) == "(a) || (b)")
        #expect(source.nodeText(13, 22) == "'(' + x")
        #expect(source.nodeText(25, 30) == "(y)")
    }

    @Test func shortCircuitedNodesAreMarked() throws {
        let program = try Environment().compile("false && 1 / 0 == 1")
        let trace = program.trace(Activation())
        let unevaluated = trace.steps.filter { $0.value == nil }.map(\.text)
        #expect(unevaluated.contains("1 / 0 == 1"))
    }
}

@Suite struct TraceComprehensionTests {
    @Test func comprehensionVariablesAreRecorded() throws {
        var env = Environment()
        env.declare(variable: "flows", type: .dyn)
        let program = try env.compile("flows.exists(f, f.personal)")
        let trace = program.trace(Activation(["flows": .list([.object(["personal": .bool(false)])])]))
        #expect(trace.result.boolValue == false)
        let variable = try #require(trace.steps.first { $0.text == "f" })
        #expect(variable.value?.literal == #"{"personal": false}"#)
        #expect(trace.steps.first { $0.text == "f.personal" }?.value?.boolValue == false)
    }
}
