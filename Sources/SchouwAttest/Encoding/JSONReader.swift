/// Typed access to a `JSONValue` that names the exact path of anything missing or of the wrong type.
///
/// Verification reads hostile documents field by field; every mismatch becomes an error such as
/// `payload.predicate.verdict must be a string, found number`, never a silent default.
public struct JSONReader: Sendable {
    public let value: JSONValue
    public let path: String

    public init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    public func object() throws -> [String: JSONValue] {
        guard case .object(let members) = value else { throw mismatch("an object") }
        return members
    }

    /// A required member of this object.
    public func field(_ key: String) throws -> JSONReader {
        let members = try object()
        guard let member = members[key] else { throw AttestError("\(path) has no '\(key)' field") }
        return JSONReader(member, path: "\(path).\(key)")
    }

    /// An optional member of this object; `null` counts as absent.
    public func optionalField(_ key: String) throws -> JSONReader? {
        let members = try object()
        guard let member = members[key], member != .null else { return nil }
        return JSONReader(member, path: "\(path).\(key)")
    }

    public func string() throws -> String {
        guard case .string(let text) = value else { throw mismatch("a string") }
        return text
    }

    public func array() throws -> [JSONReader] {
        guard case .array(let elements) = value else { throw mismatch("an array") }
        return elements.enumerated().map { JSONReader($1, path: "\(path)[\($0)]") }
    }

    public func int() throws -> Int {
        guard case .number(let text) = value, let number = Int(text) else { throw mismatch("an integer") }
        return number
    }

    private func mismatch(_ expected: String) -> AttestError {
        AttestError("\(path) must be \(expected), found \(value.typeName)")
    }
}
