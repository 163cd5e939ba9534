import CEL
import Foundation
import SchouwModel

/// The CEL environment rules compile in: the descriptor's object types (from the same schema the
/// loader checks, with `-` written `_`), the derived facts, the variables of SPEC 2.2 and the
/// functions beyond standard CEL. Built once; each subject kind adds its own variable.
public struct RuleEnvironment: Sendable {
    public var base: Environment
    /// The allowed values of each enumerated string field, by `type.field` (`schouw.Flow.encryption`),
    /// so a hint can show a real value to compare with.
    public var enumerations: [String: [String]] = [:]

    public static func make(countries: CountryLists) -> RuleEnvironment {
        var env = Environment()
        var enumerations: [String: [String]] = [:]
        for object in DescriptorSchema.objects where object.kind != DescriptorSchema.rootKind && object.kind != "waiver" {
            let name = celTypeName(forKind: object.kind)
            var fields: [String: CELType] = [:]
            for field in object.fields {
                fields[celFieldName(field.key)] = celType(field.type)
                if case .enumeration(let values) = field.type { enumerations[name + "." + celFieldName(field.key)] = values }
            }
            for fact in DerivedFactCatalog.facts[name] ?? [] { fields[fact.name] = celType(fact.type) }
            env.declare(ObjectType(name: name, fields: fields))
        }
        env.declare(variable: "project", type: .object("schouw.Project"))
        for kind in SubjectKind.allCases where kind != .project {
            env.declare(variable: kind.listVariable, type: .list(.object(kind.celType)))
        }
        env.declare(variable: "now", type: .timestamp)
        for (name, overload) in CustomFunctions.all(countries: countries) { env.addFunction(name, overload) }
        return RuleEnvironment(base: env, enumerations: enumerations)
    }

    /// The environment for a `for-each` kind: the base plus the subject variable.
    public func forSubject(_ kind: SubjectKind) -> Environment {
        var env = base
        if kind != .project { env.declare(variable: kind.variable, type: .object(kind.celType)) }
        return env
    }

    /// `risk-assessment` -> `schouw.RiskAssessment`; `data` -> `schouw.Asset` (the subject is `asset`).
    public static func celTypeName(forKind kind: String) -> String {
        switch kind {
        case "data": return "schouw.Asset"
        case "dpia": return "schouw.DPIA"
        default:
            return "schouw." + kind.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
    }

    public static func celFieldName(_ yamlKey: String) -> String {
        guard yamlKey.utf8.contains(UInt8(ascii: "-")) else { return yamlKey }
        return String(decoding: yamlKey.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }

    static func celType(_ type: FieldType) -> CELType {
        switch type {
        case .enumeration(let values) where !values.isEmpty && values.allSatisfy({ Int($0) != nil }):
            return .int  // e.g. `bbn: 1|2|3`: numbers to compare, not words
        case .string, .id, .country, .enumeration, .reference: return .string
        case .int: return .int
        case .bool: return .bool
        case .duration: return .duration
        case .date: return .timestamp
        case .list(let item): return .list(celType(item))
        case .object(let kind): return .object(celTypeName(forKind: kind))
        case .map(let value): return .map(.string, celType(value))
        }
    }

    static func celType(_ type: DerivedFactCatalog.FactType) -> CELType {
        switch type {
        case .bool: return .bool
        case .string: return .string
        case .int: return .int
        case .duration: return .duration
        case .timestamp: return .timestamp
        case .list(let t): return .list(celType(t))
        case .object(let name): return .object(name)
        }
    }
}

/// Functions beyond standard CEL (Rules/README.md), declared and implemented in one place.
enum CustomFunctions {
    static func all(countries: CountryLists) -> [(String, Overload)] { [
        ("duration", Overload(id: "duration_iso8601_or_cel", parameters: [.string], result: .duration) { args in
            guard case .string(let text) = args[0] else { return .error(EvalError(.noMatchingOverload, "duration expects a string")) }
            return isoOrCELDuration(text)
        }),
        ("in_eea", Overload(id: "in_eea_string", parameters: [.string], result: .bool) { args in
            guard case .string(let c) = args[0] else { return .error(EvalError(.noMatchingOverload, "in_eea expects a string")) }
            return .bool(countries.inEEA(c))
        }),
        ("adequate", Overload(id: "adequate_string", parameters: [.string], result: .bool) { args in
            guard case .string(let c) = args[0] else { return .error(EvalError(.noMatchingOverload, "adequate expects a string")) }
            return .bool(countries.isAdequate(c))
        }),
        ("date", Overload(id: "date_string", parameters: [.string], result: .timestamp) { args in
            guard case .string(let text) = args[0], let d = ISODate.parse(text) else {
                return .error(EvalError(.invalidArgument, "date() expects an ISO date such as '2026-03-01'"))
            }
            return .timestamp(Timestamp(seconds: d.epochSeconds))
        }),
        ("category_is", Overload(id: "category_is_string_string", parameters: [.string, .string], result: .bool) { args in
            guard case .string(let key) = args[0], case .string(let ancestor) = args[1] else {
                return .error(EvalError(.noMatchingOverload, "category_is expects two strings"))
            }
            return .bool(Taxonomy.key(key, isWithin: ancestor))
        }),
    ] }

    /// ISO 8601 (`P30D`, `PT24H`) or CEL's own syntax (`30s`, `1h30m`).
    static func isoOrCELDuration(_ text: String) -> Value {
        if text.hasPrefix("P") || text.hasPrefix("-P") {
            guard let d = ISODuration.parse(text) else {
                return .error(EvalError(.invalidArgument, "invalid ISO 8601 duration '\(text)'"))
            }
            return DescriptorValues.duration(d)
        }
        guard let d = CELDuration.parse(text) else {
            return .error(EvalError(.invalidArgument, "invalid duration '\(text)'"))
        }
        return .duration(d)
    }
}

