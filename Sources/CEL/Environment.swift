/// A declared object type: named fields with types. At runtime such objects are string-keyed maps.
public struct ObjectType: Sendable {
    public var name: String
    public var fields: [String: CELType]

    public init(name: String, fields: [String: CELType]) {
        self.name = name
        self.fields = fields
    }
}

/// Everything needed to compile expressions: variable and object type declarations, functions and
/// options. Configure it once, then `compile` each expression; programs are reusable.
public struct Environment: Sendable {
    public var variables: [String: CELType] = [:]
    public var objectTypes: [String: ObjectType] = [:]
    public var library: FunctionLibrary
    public var parserOptions = ParserOptions()
    /// Type-check expressions at compile time. Off, only parse errors are reported at compile time.
    public var typeChecking = true
    /// Most comprehension iterations (all macro loops together) one evaluation may run; beyond it the
    /// evaluation fails, so nested macros over large lists cannot run away.
    public var iterationLimit = 10_000_000

    /// An environment with the standard library and the strings, sets, math and encoders extensions.
    public init(variables: [String: CELType] = [:]) {
        self.variables = variables
        var library = FunctionLibrary.standard
        library.merge(.stringsExtension)
        library.merge(.setsExtension)
        library.merge(.mathExtension)
        library.merge(.encodersExtension)
        self.library = library
    }

    public mutating func declare(variable name: String, type: CELType) {
        variables[name] = type
    }

    public mutating func declare(_ objectType: ObjectType) {
        objectTypes[objectType.name] = objectType
    }

    /// Adds a function overload. An overload with the same id or parameter types as an existing one
    /// replaces it, so `duration(string)` can be given an implementation that also accepts ISO 8601.
    public mutating func addFunction(_ name: String, _ overload: Overload) {
        library.add(name, overload)
    }

    /// Adds a function overload written as signature text: `"in_eea(string) -> bool"` (global) or
    /// `"string.isCountryCode() -> bool"` (receiver style; the receiver type comes first). For
    /// receivers of declared object types use `addFunction(_:_:)` with an explicit `Overload`.
    public mutating func addFunction(_ signature: String, id: String? = nil,
                                     implementation: FunctionImplementation?) throws(SignatureError) {
        guard let parsed = SignatureText.parse(signature) else { throw SignatureError(signature: signature) }
        library.add(parsed.name, Overload(id: id ?? parsed.defaultID, member: parsed.member,
                                          parameters: parsed.parameters, result: parsed.result,
                                          implementation: implementation))
    }

    /// Parses (and, with `typeChecking`, checks) `text` into a reusable program.
    public func compile(_ text: String) throws(CompileError) -> Program {
        let parsed = try Parser.parse(text, options: parserOptions)
        var resultType = CELType.dyn
        if typeChecking {
            var checker = Checker(environment: self, source: parsed.source)
            let result = checker.check(parsed.root)
            if !checker.diagnostics.isEmpty {
                let sorted = checker.diagnostics.enumerated().sorted {
                    ($0.element.location.offset, $0.offset) < ($1.element.location.offset, $1.offset)
                }.map(\.element)
                throw CompileError(diagnostics: sorted, source: parsed.source)
            }
            resultType = result
        }
        var planner = Planner(library: library, declaredVariables: variables.keys, objectTypeNames: objectTypes.keys)
        let root = planner.plan(parsed.root)
        return Program(source: parsed.source, ast: parsed.root, root: root, slots: planner.slotCount,
                       resultType: resultType, iterationLimit: iterationLimit)
    }
}

/// A compiled expression: immutable, `Sendable`, safe to evaluate from many threads at once.
///
/// A class: engines hand programs around per evaluation (a rule's `when` for each subject), and
/// copying a reference costs one reference count where copying the fields cost one per field.
public final class Program: Sendable {
    public let source: Source
    public let ast: Expr
    let root: Node
    let slots: Int
    /// The checked result type (`dyn` when not checked).
    public let resultType: CELType
    let iterationLimit: Int

    init(source: Source, ast: Expr, root: Node, slots: Int, resultType: CELType, iterationLimit: Int) {
        self.source = source; self.ast = ast; self.root = root; self.slots = slots
        self.resultType = resultType; self.iterationLimit = iterationLimit
    }

    /// Evaluates against `activation`. Errors come back as `.error` values, never thrown.
    public func evaluate(_ activation: Activation) -> Value {
        var evaluator = Evaluator(activation: activation, slots: slots, iterationLimit: iterationLimit, tracer: NoTracer())
        return evaluator.eval(root)
    }

    public func evaluate(_ variables: [String: Value] = [:]) -> Value {
        evaluate(Activation(variables))
    }

    /// Evaluates and records the value of every sub-expression, for explanations.
    public func trace(_ activation: Activation) -> Trace {
        var evaluator = Evaluator(activation: activation, slots: slots, iterationLimit: iterationLimit,
                                  tracer: RecordingTracer())
        let result = evaluator.eval(root)
        return Trace(result: result, values: evaluator.tracer.values, counts: evaluator.tracer.counts,
                     source: source, ast: ast)
    }
}

extension Program {
    /// Where node `id` sits in the source (for pointing at the sub-expression an error came from).
    public func location(ofNode id: Int) -> SourceLocation? {
        guard id != 0 else { return nil }
        var offset: Int?
        ast.forEachNode { node in
            if node.id == id { offset = node.offset }
        }
        return offset.map { source.location(of: $0) }
    }
}

/// A function signature text that could not be read.
public struct SignatureError: Error, Sendable, CustomStringConvertible {
    public var signature: String
    public var description: String {
        "cannot read function signature '\(signature)' (expected e.g. 'name(string, int) -> bool' or 'string.name() -> int')"
    }
}
