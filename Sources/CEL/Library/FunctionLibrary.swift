/// Function declarations with their implementations, by name.
public struct FunctionLibrary: Sendable {
    public internal(set) var functions: [String: FunctionDecl] = [:]

    public init() {}

    /// Adds an overload to function `name` (replacing one with the same id or signature).
    public mutating func add(_ name: String, _ overload: Overload) {
        functions[name, default: FunctionDecl(name: name, overloads: [])].add(overload)
    }

    /// Adds an overload from signature text (see `Overload.init?(_:id:implementation:)`).
    /// Signatures in this module are fixed text, so a parse failure is a programming error reported by tests.
    mutating func add(_ signature: String, id: String? = nil, _ implementation: FunctionImplementation?) {
        guard let parsed = SignatureText.parse(signature) else {
            assertionFailure("bad signature \(signature)")
            return
        }
        add(parsed.name, Overload(id: id ?? parsed.defaultID, member: parsed.member, parameters: parsed.parameters,
                                  result: parsed.result, implementation: implementation))
    }

    /// Declares `name` with both the global `f(x, ...)` and member `x.f(...)` forms.
    mutating func addBoth(_ name: String, _ parameters: [CELType], _ result: CELType,
                          _ implementation: @escaping FunctionImplementation) {
        let suffix = parameters.map { "\($0)" }.joined(separator: "_")
        add(name, Overload(id: "\(name)_\(suffix)", parameters: parameters, result: result, implementation: implementation))
        add(name, Overload(id: "member_\(name)_\(suffix)", member: true, parameters: parameters, result: result,
                           implementation: implementation))
    }

    /// Whether the global overload of `function` that takes `arity` strings accepts `text` as
    /// argument `argument` (the others empty); nil when there is no such overload. Conversions and
    /// patterns written as literals (`duration('P1Y')`) are tried with the library's own
    /// implementation, so a check or a hint agrees with what evaluation will do, even where an
    /// environment replaces a standard function (`duration` that also reads ISO 8601).
    public func acceptsLiteral(_ text: String, function: String, argument: Int = 0, arity: Int = 1) -> Bool? {
        guard argument < arity else { return nil }
        let parameters = [CELType](repeating: .string, count: arity)
        guard let overload = functions[function]?.overloads.first(where: { !$0.isMember && $0.parameters == parameters }),
              let implementation = overload.implementation else { return nil }
        var arguments = [Value](repeating: .string(""), count: arity)
        arguments[argument] = .string(text)
        return !implementation(arguments).isError
    }

    /// Merges another library into this one; its overloads win on conflicts.
    public mutating func merge(_ other: FunctionLibrary) {
        for (name, decl) in other.functions {
            for overload in decl.overloads { add(name, overload) }
        }
    }
}
