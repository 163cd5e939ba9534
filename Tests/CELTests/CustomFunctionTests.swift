import Testing
@testable import CEL

@Suite struct CustomFunctionTests {
    static let eea: Set<String> = ["NL", "DE", "BE", "NO"]

    static var environment: Environment {
        var env = Environment()
        env.addFunction("in_eea", Overload(id: "in_eea_string", parameters: [.string], result: .bool) { args in
            guard case .string(let country) = args[0] else { return .err(.invalidArgument, "country must be a string") }
            return .bool(eea.contains(country.uppercased()))
        })
        // A receiver-style overload on an object type.
        env.declare(ObjectType(name: "schouw.Party", fields: ["country": .string]))
        env.addFunction("inEEA", Overload(id: "party_in_eea", member: true, parameters: [.object("schouw.Party")],
                                          result: .bool) { args in
            guard case .map(let party) = args[0], case .string(let country)? = party.lookup(field: "country") else {
                return .err(.invalidArgument, "party without country")
            }
            return .bool(eea.contains(country))
        })
        // duration(string) also accepting ISO 8601 days, replacing the standard overload.
        if let iso = Overload("duration(string) -> duration", implementation: { args in
            guard case .string(let text) = args[0] else { return .err(.invalidArgument, "not a string") }
            if text.hasPrefix("P"), text.hasSuffix("D"), let days = Int64(text.dropFirst().dropLast()) {
                return .duration(CELDuration(seconds: days * 86_400))
            }
            return FunctionLibrary.standard.functions["duration"]?.overloads
                .first { $0.parameters == [.string] }?.implementation?(args) ?? .err(.invalidArgument, "bad duration")
        }) {
            env.addFunction("duration", iso)
        }
        env.declare(variable: "party", type: .object("schouw.Party"))
        return env
    }

    @Test func globalFunction() throws {
        let program = try CustomFunctionTests.environment.compile("in_eea('nl') && !in_eea('US')")
        #expect(program.evaluate().boolValue == true)
    }

    @Test func receiverFunctionOnObjectType() throws {
        let program = try CustomFunctionTests.environment.compile("party.inEEA()")
        #expect(program.evaluate(["party": .object(["country": .string("DE")])]).boolValue == true)
        #expect(program.evaluate(["party": .object(["country": .string("US")])]).boolValue == false)
    }

    @Test func overriddenOverloadAcceptsBothSyntaxes() throws {
        let env = CustomFunctionTests.environment
        #expect(try env.compile("duration('P30D') == duration('720h')").evaluate().boolValue == true)
        #expect(try env.compile("duration('90s')").evaluate().literal == "duration(\"90s\")")
        #expect(env.library.functions["duration"]?.overloads.filter { $0.parameters == [.string] }.count == 1)
    }

    @Test func checkerUsesDeclaredSignatures() {
        #expect(throws: CompileError.self) { try CustomFunctionTests.environment.compile("in_eea(1)") }
        #expect(throws: CompileError.self) { try CustomFunctionTests.environment.compile("'NL'.inEEA()") }
    }

    @Test func implementationErrorsAreValues() throws {
        let program = try CustomFunctionTests.environment.compile("party.inEEA() || true")
        #expect(program.evaluate(["party": .object([:])]).boolValue == true)
        let strict = try CustomFunctionTests.environment.compile("party.inEEA()")
        #expect(strict.evaluate(["party": .object([:])]).isError)
    }

    @Test func declarationWithoutImplementationChecksButFailsAtRunTime() throws {
        var env = Environment()
        env.addFunction("adequate", Overload(id: "adequate_string", parameters: [.string], result: .bool, implementation: nil))
        let program = try env.compile("adequate('JP')")
        #expect(program.resultType == .bool)
        #expect(program.evaluate().isError)
    }
}

@Suite struct SignatureTextTests {
    @Test func signaturesDeclareGlobalAndReceiverFunctions() throws {
        var env = Environment()
        try env.addFunction("adequate(string) -> bool") { args in
            guard case .string(let country) = args[0] else { return .err(.invalidArgument, "not a string") }
            return .bool(["JP", "CH", "GB"].contains(country))
        }
        try env.addFunction("list(string).countries() -> int") { args in
            guard case .list(let items) = args[0] else { return .err(.invalidArgument, "not a list") }
            return .int(Int64(items.count))
        }
        #expect(try env.compile("adequate('JP') && ['NL', 'DE'].countries() == 2").evaluate().boolValue == true)
        #expect(throws: SignatureError.self) { try env.addFunction("broken(", implementation: nil) }
    }
}
