/// A function implementation: receives the evaluated arguments (the receiver first for member
/// calls) and returns a value, which may be `.error`. Arguments are never errors: calls are
/// strict, so an error argument short-circuits before the implementation runs.
public typealias FunctionImplementation = @Sendable ([Value]) -> Value

/// One signature of a function, with its implementation.
public struct Overload: Sendable {
    /// A unique id such as `size_string` or `duration_iso8601`; redeclaring an id replaces it.
    public var id: String
    /// `x.f(y)` style (the receiver is the first parameter) rather than `f(x, y)`.
    public var isMember: Bool
    public var parameters: [CELType]
    public var result: CELType
    public var implementation: FunctionImplementation?

    public init(id: String, member: Bool = false, parameters: [CELType], result: CELType,
                implementation: FunctionImplementation?) {
        self.id = id
        self.isMember = member
        self.parameters = parameters
        self.result = result
        self.implementation = implementation
    }

    /// Builds an overload from signature text, e.g. `"string.startsWith(string) -> bool"` (member)
    /// or `"duration(string) -> duration"` (global); returns nil if the text does not parse.
    public init?(_ signature: String, id: String? = nil, implementation: FunctionImplementation?) {
        guard let parsed = SignatureText.parse(signature) else { return nil }
        self.init(id: id ?? parsed.defaultID, member: parsed.member, parameters: parsed.parameters,
                  result: parsed.result, implementation: implementation)
    }

    /// Whether runtime values fit this overload's parameter types.
    func accepts(_ args: [Value]) -> Bool {
        guard args.count == parameters.count else { return false }
        for (arg, type) in zip(args, parameters) where !Overload.value(arg, fits: type) { return false }
        return true
    }

    static func value(_ value: Value, fits type: CELType) -> Bool {
        switch (type, value) {
        case (.dyn, _), (.param, _), (.error, _): return true
        case (.null, .null), (.bool, .bool), (.int, .int), (.uint, .uint), (.double, .double), (.string, .string),
             (.bytes, .bytes), (.timestamp, .timestamp), (.duration, .duration), (.type, .type):
            return true
        case (.list(let element), .list(let elements)):
            if element.isDynamic { return true }
            return elements.allSatisfy { Overload.value($0, fits: element) }
        case (.map, .map), (.object, .map): return true
        default: return false
        }
    }
}

/// A function name with all its overloads.
public struct FunctionDecl: Sendable {
    public var name: String
    public var overloads: [Overload]

    public init(name: String, overloads: [Overload]) {
        self.name = name
        self.overloads = overloads
    }

    /// Adds `overload`, replacing one with the same id or the same signature.
    public mutating func add(_ overload: Overload) {
        if let index = overloads.firstIndex(where: {
            $0.id == overload.id || ($0.isMember == overload.isMember && $0.parameters == overload.parameters)
        }) {
            overloads[index] = overload
        } else {
            overloads.append(overload)
        }
    }
}

/// Parses `"[recv.]name(params) -> result"`.
enum SignatureText {
    struct Parsed {
        var name: String
        var member: Bool
        var parameters: [CELType]
        var result: CELType
        var defaultID: String
    }

    static func parse(_ text: String) -> Parsed? {
        guard let arrow = text.utf8.firstRange(of: "->".utf8) else { return nil }
        let head = trimmed(text[..<arrow.lowerBound])
        guard let result = CELType.parse(trimmed(text[arrow.upperBound...])),
              head.hasSuffix(")"), let open = matchingOpen(head) else { return nil }
        let callee = String(head[..<open])
        let inner = head[head.index(after: open)..<head.index(before: head.endIndex)]
        var parameters: [CELType] = []
        for part in splitTopLevel(String(inner)) where !part.isEmpty {
            guard let type = CELType.parse(part) else { return nil }
            parameters.append(type)
        }
        // A member signature has a receiver type before the last dot that is not part of the name.
        var name = callee, member = false
        if let receiverEnd = memberSplit(callee) {
            guard let receiver = CELType.parse(String(callee[..<receiverEnd])) else { return nil }
            name = String(callee[callee.index(after: receiverEnd)...])
            parameters.insert(receiver, at: 0)
            member = true
        }
        let id = ([name] + parameters.map(\.description)).joined(separator: "_")
        return Parsed(name: name, member: member, parameters: parameters, result: result,
                      defaultID: member ? "member_" + id : id)
    }

    /// The member form writes the receiver type then `.name`: `list(A).exists_x`, `string.size`.
    /// A receiver is recognised by a closing parenthesis or a known type word before the last dot.
    private static func memberSplit(_ callee: String) -> String.Index? {
        guard let dot = callee.lastIndex(of: ".") else { return nil }
        let receiver = String(callee[..<dot])
        if receiver.hasSuffix(")") { return dot }
        if receiverWords.contains(receiver) { return dot }
        if receiver.hasPrefix("%") { return dot }
        return nil
    }

    private static let receiverWords: Set<String> = [
        "dyn", "bool", "int", "uint", "double", "string", "bytes", "timestamp", "duration",
        "null_type", "type", "google.protobuf.Timestamp", "google.protobuf.Duration", "A", "B",
    ]

    /// Without spaces or tabs at either end: a byte scan, as every built-in signature is parsed at
    /// start-up.
    private static func trimmed(_ text: Substring) -> String {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isBlank($0) }),
              let last = utf8.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(text[first...last])
    }

    /// The `(` that matches the final `)`.
    private static func matchingOpen(_ text: String) -> String.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == ")" { depth += 1 }
            if text[index] == "(" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for c in text {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c == "," && depth == 0 {
                parts.append(trimmed(current[...]))
                current = ""
            } else {
                current.append(c)
            }
        }
        let last = trimmed(current[...])
        if !last.isEmpty { parts.append(last) }
        return parts
    }
}
