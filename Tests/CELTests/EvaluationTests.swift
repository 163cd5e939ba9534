import Foundation
import Testing
@testable import CEL

@Suite struct EvaluationTests {
    @Test func divisionAndModuloByZeroAreErrors() throws {
        #expect(try evalError("1 / 0")?.kind == .divisionByZero)
        #expect(try evalError("1u % 0u")?.kind == .moduloByZero)
        #expect(try evaluate("1.0 / 0.0").literal == "double(\"Infinity\")")
    }

    @Test func integerOverflowIsAnError() throws {
        #expect(try evalError("9223372036854775807 + 1")?.kind == .overflow)
        #expect(try evalError("-9223372036854775808 - 1")?.kind == .overflow)
        #expect(try evalError("-9223372036854775808 / -1")?.kind == .overflow)
        #expect(try evalError("0u - 1u")?.kind == .overflow)
        #expect(try evalError("int(1e19)")?.kind == .overflow)
        #expect(try evalError("duration('9223372036s') + duration('1s')")?.kind == .overflow)
    }

    @Test func missingKeyReportsFieldAndDottedPath() throws {
        let party = Value.object(["name": .string("Gemeente"), "transfer": .object(["country": .string("NL")])])
        let error = try #require(try evalError("party.transfer.mechanism == 'scc'", ["party": party]))
        #expect(error.kind == .noSuchKey)
        #expect(error.field == "mechanism")
        #expect(error.path == "party.transfer")
        #expect(error.missingPath == "party.transfer.mechanism")

        let deeper = try #require(try evalError("party.retention.days > 30", ["party": party]))
        #expect(deeper.field == "retention")
        #expect(deeper.path == "party")
        #expect(deeper.missingPath == "party.retention")

        let inLoop = try #require(try evalError("flows.all(f, f.tls.version >= 2)", ["flows": .list([.object([:])])]))
        // A loop variable is named by the list it runs over: `f` means nothing to whoever fills in the data.
        #expect(inLoop.missingPath == "flows[].tls")
        let nested = try #require(try evalError("flows.all(f, f.hops.exists(h, h.tls))",
                                                ["flows": .list([.object(["hops": .list([.object([:])])])])]))
        #expect(nested.missingPath == "flows[].hops[].tls")
    }

    @Test func noMatchingOverloadIsAnError() throws {
        var env = Environment()
        env.typeChecking = false
        let result = try env.compile("1 + 'a'").evaluate()
        guard case .error(let error) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(error.kind == .noMatchingOverload)
        #expect(error.message == "no such overload: +(int, string)")
    }

    @Test func logicalOperatorsAbsorbErrorsCommutatively() throws {
        #expect(try evaluate("1/0 == 1 || true").boolValue == true)
        #expect(try evaluate("true || 1/0 == 1").boolValue == true)
        #expect(try evaluate("1/0 == 1 && false").boolValue == false)
        #expect(try evalError("1/0 == 1 && true")?.kind == .divisionByZero)
        #expect(try evaluate("[1, 0].exists(x, 1 / x == 1)").boolValue == true)
        #expect(try evalError("[0].all(x, 1 / x == 1)")?.kind == .divisionByZero)
    }

    @Test func heterogeneousEqualityAndMembership() throws {
        #expect(try evaluate("1 == 1u && 1u == 1.0 && dyn(1) != 'a'").boolValue == true)
        #expect(try evaluate("2 in [1.0, 2.0] && 'k' in {'k': 1} && !(3u in [1, 2])").boolValue == true)
        #expect(try evaluate("{1: 'a'}[1u]").literal == "\"a\"")
    }

    @Test func macros() throws {
        #expect(try evaluate("[1, 2, 3].map(x, x * 2)").literal == "[2, 4, 6]")
        #expect(try evaluate("[1, 2, 3].map(x, x > 1, x * 10)").literal == "[20, 30]")
        #expect(try evaluate("[1, 2, 3].filter(x, x % 2 == 1)").literal == "[1, 3]")
        #expect(try evaluate("[1, 2, 3].exists_one(x, x == 2)").boolValue == true)
        #expect(try evaluate("{'a': 1, 'b': 2}.all(k, k.size() == 1)").boolValue == true)
        #expect(try evaluate("has({'a': 1}.a) && !has({'a': 1}.b)").boolValue == true)
    }

    @Test func timestampsDurationsAndTimeZones() throws {
        #expect(try evaluate("timestamp('2024-03-31T00:30:00Z').getHours('Europe/Amsterdam')").literal == "1")
        #expect(try evaluate("timestamp('2024-03-31T01:30:00Z').getHours('Europe/Amsterdam')").literal == "3")
        #expect(try evaluate("timestamp('2024-01-01T00:00:00Z') + duration('36h')").literal
            == "timestamp(\"2024-01-02T12:00:00Z\")")
        #expect(try evaluate("timestamp('2024-01-02T00:00:00Z') - timestamp('2024-01-01T00:00:00Z')").literal
            == "duration(\"86400s\")")
        #expect(try evaluate("duration('1h30m').getMinutes()").literal == "90")
        #expect(try evalError("timestamp('yesterday')")?.kind == .invalidArgument)
    }

    @Test func stringFunctionsAndExtensions() throws {
        #expect(try evaluate("'héllo'.size()").literal == "5")
        #expect(try evaluate("'abc'.matches('^a.c$')").boolValue == true)
        #expect(try evaluate("'a,b,c'.split(',').join('-')").literal == "\"a-b-c\"")
        #expect(try evaluate("'Hello'.lowerAscii().upperAscii()").literal == "\"HELLO\"")
        #expect(try evaluate("'%s is %d days'.format(['retention', 30])").literal == "\"retention is 30 days\"")
        #expect(try evaluate("sets.contains(['a', 'b'], ['b']) && sets.intersects([1], [1.0]) && sets.equivalent([1, 2], [2, 1])")
            .boolValue == true)
    }

    @Test func compiledProgramsAreReusableAcrossThreads() async throws {
        let program = try Environment(variables: ["x": .int]).compile("x * 2 + 1")
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<64 {
                group.addTask { program.evaluate(["x": .int(Int64(i))]).literal == String(i * 2 + 1) }
            }
            for try await ok in group { #expect(ok) }
        }
    }

    @Test func unboundVariableIsAnError() throws {
        let program = try Environment(variables: ["x": .int]).compile("x + 1")
        guard case .error(let error) = program.evaluate() else {
            Issue.record("expected an error")
            return
        }
        #expect(error.kind == .unboundVariable)
    }

    @Test func evaluationErrorsPointAtTheirNode() throws {
        let program = try Environment().compile("1 + (2 / 0)")
        guard case .error(let error) = program.evaluate() else {
            Issue.record("expected an error")
            return
        }
        #expect(error.exprID != 0)
        let trace = program.trace(Activation())
        #expect(trace.text(of: error.exprID) == "2 / 0")
    }
}

@Suite struct LimitTests {
    @Test func runawayComprehensionsAreCutOff() throws {
        var env = Environment()
        env.iterationLimit = 100_000
        let text = "l.all(a, l.all(b, l.all(c, l.all(d, a + b + c + d >= 0))))"
        env.declare(variable: "l", type: .list(.int))
        let program = try env.compile(text)
        let list = Value.list((0..<100).map { .int(Int64($0)) })
        guard case .error(let error) = program.evaluate(["l": list]) else {
            Issue.record("expected the iteration limit to stop the evaluation")
            return
        }
        #expect(error.message.contains("limit"))
    }

    @Test func nestingJustBelowTheLimitsEvaluatesChecksAndTraces() throws {
        let lists = String(repeating: "[", count: 95) + "1" + String(repeating: "]", count: 95)
        let program = try Environment().compile("size(\(lists)) == 1")
        #expect(program.evaluate().boolValue == true)
        #expect(program.trace(Activation()).steps.count > 95)
        let sum = try Environment().compile(Array(repeating: "1", count: 195).joined(separator: " + "))
        #expect(sum.evaluate().literal == "195")
    }

    @Test func hugeFormatPrecisionIsAnError() throws {
        #expect(try evaluate("'%.99999999999999999999f'.format([1.0])").isError)
    }
}
