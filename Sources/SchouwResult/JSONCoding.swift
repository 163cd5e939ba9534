import Foundation

/// Deterministic JSON: sorted keys, two-space indentation, no escaped slashes, trailing newline.
/// Every JSON document schouw writes goes through here so the same input gives the same bytes.
public enum CanonicalJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Compact form, used where bytes are signed or hashed.
    public static func encodeCompact<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

extension AuditResult {
    /// Reads a saved result, refusing documents of another schema.
    public static func decode(_ data: Data) throws -> AuditResult {
        let result = try JSONDecoder().decode(AuditResult.self, from: data)
        guard result.schema == AuditResult.schemaID else {
            throw AuditResultError.unsupportedSchema(result.schema)
        }
        return result
    }
}

public enum AuditResultError: Error, CustomStringConvertible {
    case unsupportedSchema(String)
    public var description: String {
        switch self {
        case .unsupportedSchema(let s):
            "unsupported result schema '\(s)'; expected '\(AuditResult.schemaID)' (re-run `schouw audit --format json`)"
        }
    }
}
