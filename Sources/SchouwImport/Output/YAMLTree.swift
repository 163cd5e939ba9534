/// A descriptor under construction: ordered mappings and lists with comments, written by `YAMLWriter`.
///
/// The importers build this tree instead of text so the order of keys, the quoting and the
/// `TODO(schouw import)` placeholders are decided in one place and the output is byte-stable.
public indirect enum YAMLValue: Sendable, Equatable {
    /// A string; quoted when it could be read as anything else.
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([YAMLValue])
    case map(YAMLMap)

    /// True for values written on the same line as their key.
    var isInline: Bool {
        switch self {
        case .string, .bool, .int: return true
        case .list(let items): return items.isEmpty || items.allSatisfy { if case .string = $0 { return true } else { return false } }
        case .map(let map): return map.entries.isEmpty && map.trailingComments.isEmpty
        }
    }
}

/// One key of a mapping, with comment lines written above it.
public struct YAMLEntry: Sendable, Equatable {
    public var key: String
    public var value: YAMLValue
    public var comments: [String]

    public init(_ key: String, _ value: YAMLValue, comments: [String] = []) {
        self.key = key; self.value = value; self.comments = comments
    }
}

/// An ordered mapping; `trailingComments` follow the last key (placeholders for facts left out).
public struct YAMLMap: Sendable, Equatable {
    public var entries: [YAMLEntry] = []
    public var trailingComments: [String] = []

    public init(_ entries: [YAMLEntry] = []) { self.entries = entries }

    public mutating func set(_ key: String, _ value: YAMLValue, comments: [String] = []) {
        entries.append(YAMLEntry(key, value, comments: comments))
    }

    public mutating func set(_ key: String, _ value: String?) {
        if let value { entries.append(YAMLEntry(key, .string(value))) }
    }

    public mutating func set(_ key: String, _ value: Bool?) {
        if let value { entries.append(YAMLEntry(key, .bool(value))) }
    }

    /// Adds a `# TODO(schouw import): ...` line after the last key.
    public mutating func todo(_ text: String) {
        trailingComments.append(YAMLWriter.todoPrefix + text)
    }

    public var isEmpty: Bool { entries.isEmpty }
}
