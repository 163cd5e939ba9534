/// An evaluation error. Errors are values in CEL: they carry a kind so callers can react to, say,
/// a missing key differently from a type mismatch.
public struct EvalError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A map has no entry for the key or selected field.
        case noSuchKey
        /// A value does not support field selection, or an object lacks a declared field.
        case noSuchField
        /// No overload of a function or operator accepts the argument types.
        case noMatchingOverload
        case divisionByZero
        case moduloByZero
        /// An integer or timestamp/duration result does not fit its range.
        case overflow
        /// A conversion or function argument is not acceptable (bad timestamp text, bad regex...).
        case invalidArgument
        case indexOutOfRange
        /// A variable was not bound in the activation.
        case unboundVariable
        /// Anything else; `message` says what.
        case other
    }

    public var kind: Kind
    /// What went wrong, for people. A missing field's message is only composed when it is read:
    /// rule evaluation meets hundreds of thousands of absent facts and shows few of the messages.
    public var message: String {
        get {
            switch detail {
            case .text(let text): return text
            case .missingField(let objectType):
                let name = field ?? ""
                guard let objectType else { return "no such key: '\(name)'" }
                return "no such key: '\(name)' (\(objectType) value has no field '\(name)')"
            }
        }
        set { detail = .text(newValue) }
    }
    private var detail: Detail

    private enum Detail: Sendable, Hashable {
        case text(String)
        /// A select found no such field on a map (of the given object type, if any).
        case missingField(objectType: String?)
    }
    /// For `noSuchKey`/`noSuchField`: the key or field name that was missing.
    public var field: String? { didSet { joinedPath = [] } }
    /// For `noSuchKey`/`noSuchField` on a select chain rooted at an identifier: the dotted path
    /// of the operand that lacked the field (`party.transfer` for `party.transfer.mechanism`).
    public var path: String? { didSet { joinedPath = [] } }
    /// Id of the expression node that produced the error (0 when not known).
    public var exprID: Int

    public init(_ kind: Kind, _ message: String, field: String? = nil, path: String? = nil, exprID: Int = 0) {
        self.kind = kind
        self.detail = .text(message)
        self.field = field
        self.path = path
        self.exprID = exprID
    }

    /// `field` is missing on a map; `objectType` names the map's declared type, if any.
    init(missingField field: String, objectType: String?, path: String?, missingPath: [String] = []) {
        self.kind = .noSuchKey
        self.detail = .missingField(objectType: objectType)
        self.field = field
        self.path = path
        self.exprID = 0
        self.joinedPath = path == nil ? [] : missingPath
    }

    public static func == (a: EvalError, b: EvalError) -> Bool {
        a.kind == b.kind && a.field == b.field && a.path == b.path && a.exprID == b.exprID && a.message == b.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind); hasher.combine(field); hasher.combine(path); hasher.combine(exprID); hasher.combine(message)
    }

    /// The full dotted path that was missing (`party.transfer.mechanism`), when known.
    public var missingPath: String? {
        guard let field else { return nil }
        guard let path else { return nil }
        return joinedPath.first ?? path + "." + field
    }

    /// What was missing, as the facts a rule lacked: `[missingPath]`, else the field, else the
    /// message.
    public var missingFacts: [String] {
        if !joinedPath.isEmpty { return joinedPath }
        return [missingPath ?? field ?? message]
    }

    /// `[path.field]` as the plan made it once for the select that failed: rules meet the same
    /// missing fact on thousands of subjects, and joining the path anew (and making a list of it)
    /// for each was a noticeable part of evaluating them. Set only together with `field` and
    /// `path`, and emptied when either changes.
    private var joinedPath: [String] = []

    public var description: String { message }

    static func noOverload(_ function: String, _ args: [Value]) -> EvalError {
        let types = args.map(\.typeValue.name).joined(separator: ", ")
        return EvalError(.noMatchingOverload, "no such overload: \(displayName(function))(\(types))")
    }

    static func displayName(_ function: String) -> String {
        switch function {
        case "_+_": return "+"
        case "_-_": return "-"
        case "_*_": return "*"
        case "_/_": return "/"
        case "_%_": return "%"
        case "_<_": return "<"
        case "_<=_": return "<="
        case "_>_": return ">"
        case "_>=_": return ">="
        case "_==_": return "=="
        case "_!=_": return "!="
        case "!_": return "!"
        case "-_": return "-"
        case "@in": return "in"
        case "_[_]": return "[]"
        case "_&&_": return "&&"
        case "_||_": return "||"
        case "_?_:_": return "?:"
        default: return function
        }
    }
}

extension Value {
    static func err(_ kind: EvalError.Kind, _ message: String) -> Value {
        .error(EvalError(kind, message))
    }
}
