import Foundation
import SchouwResult

/// Writes the descriptor format as a JSON Schema (draft 2020-12), derived from `DescriptorSchema`.
///
/// Editors with the YAML language server use it to complete and check descriptors:
/// `# yaml-language-server: $schema=schouw-descriptor.schema.json` at the top of a file.
/// Optional fields also accept `null` (an explicitly unknown fact); enum values are typed the way
/// the YAML 1.2 core schema reads them (`true`, `1`, `1.2`), so the schema matches what the loader accepts.
public enum JSONSchemaExporter {
    public static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// The schema as canonical JSON bytes (sorted keys, trailing newline).
    public static func export() -> Data {
        (try? CanonicalJSON.encode(schema())) ?? Data("{}\n".utf8)
    }

    /// The schema as a JSON value tree.
    static func schema() -> JSONValue {
        guard let root = DescriptorSchema.object(DescriptorSchema.rootKind) else { return .object([:]) }
        var definitions: [String: JSONValue] = [:]
        for object in DescriptorSchema.objects where object.kind != DescriptorSchema.rootKind {
            definitions[object.kind] = objectSchema(object)
        }
        guard case .object(var top) = objectSchema(root) else { return .object([:]) }
        top["$schema"] = .string(draft)
        top["title"] = .string("schouw project descriptor (schouw: 1)")
        top["$defs"] = .object(definitions)
        return .object(top)
    }

    static func objectSchema(_ object: ObjectSchema) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in object.fields {
            var property = typeSchema(field.type)
            if !field.required { property = .object(["anyOf": .array([property, .object(["type": .string("null")])])]) }
            guard case .object(var dict) = property else { continue }
            var description = field.description
            if let value = field.defaultValue {
                description += " Default: `\(value)`."
                dict["default"] = typed(value)
            }
            dict["description"] = .string(description)
            properties[field.key] = .object(dict)
        }
        var schema: [String: JSONValue] = [
            "type": .string("object"),
            "description": .string(object.description),
            "properties": .object(properties),
            "additionalProperties": .bool(false),
        ]
        let required = object.fields.filter(\.required).map { JSONValue.string($0.key) }
        if !required.isEmpty { schema["required"] = .array(required) }
        return .object(schema)
    }

    static let durationPattern = "^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+([.,][0-9]+)?S)?)?$"
    static let datePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    static let slugPattern = "^[a-z0-9][a-z0-9-]*$"

    static func typeSchema(_ type: FieldType) -> JSONValue {
        switch type {
        case .string: return .object(["type": .string("string")])
        case .int: return .object(["type": .string("integer")])
        case .bool: return .object(["type": .string("boolean")])
        case .duration:
            return .object(["type": .string("string"), "pattern": .string(durationPattern)])
        case .date:
            return .object(["type": .string("string"), "pattern": .string(datePattern)])
        case .country:
            return .object(["type": .string("string"), "enum": .array(CountryCodes.all.sorted().map(JSONValue.string))])
        case .id:
            return .object(["type": .string("string"), "pattern": .string(slugPattern)])
        case .reference(let kind):
            return .object(["type": .string("string"), "pattern": .string(slugPattern),
                            "$comment": .string("id of a \(kind)")])
        case .enumeration(let values):
            return .object(["enum": .array(values.map(typed))])
        case .list(let item):
            return .object(["type": .string("array"), "items": typeSchema(item)])
        case .object(let kind):
            return .object(["$ref": .string("#/$defs/\(kind)")])
        case .map(let value):
            return .object(["type": .string("object"), "additionalProperties": typeSchema(value)])
        }
    }

    /// A YAML scalar as the core schema types it: `true` -> boolean, `1` -> integer, `1.2` -> number.
    static func typed(_ text: String) -> JSONValue {
        switch ScalarResolver.resolve(text) {
        case .bool: return .bool(text.lowercased() == "true")
        case .int: return ScalarResolver.parseInt(text).map(JSONValue.int) ?? .string(text)
        case .float: return ScalarResolver.parseFloat(text).map(JSONValue.number) ?? .string(text)
        case .null: return .null
        case .string: return .string(text)
        }
    }
}

/// A JSON document, for writing generated JSON through `CanonicalJSON`.
enum JSONValue: Encodable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
