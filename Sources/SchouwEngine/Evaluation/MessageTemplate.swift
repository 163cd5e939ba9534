import CEL

/// `{{path}}` placeholders in rule messages, filled from the subject's CEL values.
public enum MessageTemplate {
    /// The dotted paths named by placeholders, in order.
    public static func placeholders(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            result.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// Replaces each placeholder by the value at its path; a missing value prints as `?`.
    public static func render(_ text: String, variables: [String: Value]) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            out += rest[..<open.lowerBound]
            let path = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            out += display(resolve(path, variables: variables))
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    static func resolve(_ path: String, variables: [String: Value]) -> Value? {
        let parts = path.split(separator: ".").map(String.init)
        guard let first = parts.first, var current = variables[first] else { return nil }
        for key in parts.dropFirst() {
            guard case .map(let m) = current, let next = m.lookup(field: key) else {
                // A missing name falls back to the id, which every object has.
                if key == "name", case .map(let m) = current, let id = m.lookup(field: "id") { return id }
                return nil
            }
            current = next
        }
        return current
    }

    /// Durations as people write them in descriptors: `P3D`, `PT24H`, `P1Y`.
    static func isoDuration(seconds: Int64) -> String {
        let sign = seconds < 0 ? "-" : ""
        let s = abs(seconds)
        if s == 0 { return "PT0S" }
        if s % 31_536_000 == 0 { return "\(sign)P\(s / 31_536_000)Y" }
        if s % 86_400 == 0 { return "\(sign)P\(s / 86_400)D" }
        if s % 3_600 == 0 { return "\(sign)PT\(s / 3_600)H" }
        if s % 60 == 0 { return "\(sign)PT\(s / 60)M" }
        return "\(sign)PT\(s)S"
    }

    static func display(_ value: Value?) -> String {
        switch value {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .uint(let u)?: return String(u)
        case .double(let d)?: return String(d)
        case .bool(let b)?: return b ? "true" : "false"
        case .list(let items)?: return items.map { display($0) }.joined(separator: ", ")
        case .duration(let d)?: return isoDuration(seconds: d.seconds)
        case .timestamp(let t)?:
            return t.seconds % 86_400 == 0 ? String(t.rfc3339.prefix(10)) : t.rfc3339
        case nil: return "?"
        case let v?: return v.literal
        }
    }
}
