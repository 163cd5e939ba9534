import CEL

/// What a dotted path such as `flow.from_system.name` names in the rule environment, resolved
/// without evaluating anything, so checks made when rules load can find a misspelt field before
/// an audit meets it.
extension RuleEnvironment {
    public enum PathResolution: Sendable, Equatable {
        /// A value of this type; `owner` and `field` are the object type and field of the last
        /// step (nil for a bare variable).
        case resolved(CELType, owner: String?, field: String?)
        /// The path passes through a map or a `dyn` value, whose fields are not declared.
        case undeclared
        /// The first name is no variable of `env`.
        case unknownVariable(String)
        /// Step `index` names no field of the object type `owner`, whose fields are `known`.
        case unknownField(index: Int, owner: String, known: [String])
        /// Step `index` selects a field of a value of `type`, which has none (a string, a list).
        case noFields(index: Int, type: CELType)
    }

    /// Resolves `path` (`["flow", "from_system", "name"]`) against the variables and object types
    /// of `env`, one of this environment's subject environments.
    public func resolve(_ path: [String], in env: Environment) -> PathResolution {
        guard let first = path.first, var type = env.variables[first] else { return .unknownVariable(path.first ?? "") }
        var owner: String?, field: String?
        for (index, name) in path.enumerated().dropFirst() {
            switch type {
            case .object(let typeName):
                guard let object = env.objectTypes[typeName] else { return .undeclared }
                guard let next = object.fields[name] else {
                    return .unknownField(index: index, owner: typeName, known: object.fields.keys.sorted())
                }
                (type, owner, field) = (next, typeName, name)
            case .map, .dyn, .error, .param:
                return .undeclared
            default:
                return .noFields(index: index, type: type)
            }
        }
        return .resolved(type, owner: owner, field: field)
    }
}
