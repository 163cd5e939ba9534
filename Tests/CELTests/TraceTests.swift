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

/// A select on a chain rooted at a variable reads the field where the activation and the maps on
/// the way hold them, unless a tracer records the operands; both ways must give the same value,
/// errors included.
@Suite struct SelectOnVariableTests {
    @Test func plainAndTracedEvaluationAgree() throws {
        var env = Environment()
        for name in ["flow", "n", "project"] { env.declare(variable: name, type: .dyn) }
        let flow = Value.object(["personal": .bool(true), "to": .object(["zone": .string("dc")])])
        let shared = Activation(["project": .object(["id": .string("p")]), "n": .int(3)])
        let activations = [shared.binding("flow", flow), shared, Activation(["flow": flow])]
        let expressions = ["flow.personal", "flow.to.zone", "flow.missing", "has(flow.missing)", "n.field",
                           "project.id", "project.name", "flow.personal && project.id == 'p'", "unbound.x",
                           "flow.to.missing.x", "flow.personal.x", "flow.to.zone.x", "has(flow.to.zone)"]
        var compared = 0
        for text in expressions {
            guard let program = try? env.compile(text) else { continue }
            for activation in activations {
                let plain = program.evaluate(activation), traced = program.trace(activation).result
                #expect(plain.literal == traced.literal, "\(text)")
                #expect(plain.errorValue?.kind == traced.errorValue?.kind && plain.errorValue?.missingFacts == traced.errorValue?.missingFacts,
                        "\(text)")
                compared += 1
            }
        }
        #expect(compared >= 36)
        #expect(try env.compile("flow.personal").evaluate(activations[0]).boolValue == true)
        #expect(try env.compile("flow.missing").evaluate(activations[0]).errorValue?.missingFacts == ["flow.missing"])
    }
}
