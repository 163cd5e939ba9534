import Foundation
import SchouwModel

/// Reading helpers over source YAML that honour merge keys (`<<: *anchor`), which Threagile models
/// use to inherit one asset from another, and that report wrong shapes as located errors.
struct SourceReader {
    var diagnostics: [Diagnostic] = []
    /// Beyond this many problems further ones are counted, not described: a hostile file with a
    /// million bad keys must not cost a million located messages.
    static let maxDiagnostics = 200
    private var suppressed = 0

    mutating func error(_ message: String, at node: YAMLNode, hint: String? = nil) {
        guard room() else { return }
        diagnostics.append(.error(message, at: node.mark, hint: hint, path: node.yamlPath))
    }

    mutating func warning(_ message: String, at node: YAMLNode, hint: String? = nil) {
        guard room() else { return }
        diagnostics.append(.warning(message, at: node.mark, hint: hint, path: node.yamlPath))
    }

    private mutating func room() -> Bool {
        if diagnostics.count < Self.maxDiagnostics { return true }
        suppressed += 1
        if suppressed == 1 {
            diagnostics.append(.error("too many problems; only the first \(Self.maxDiagnostics) are shown", at: nil,
                                      hint: "fix these and run the import again"))
        }
        return false
    }

    /// Entries of a mapping, keys merged in through `<<` coming after the mapping's own keys and
    /// never overriding them. Depth-limited, so an alias cycle cannot loop.
    static func entries(_ node: YAMLNode, depth: Int = 0) -> [YAMLNode.Entry] {
        guard node.kind == .mapping else { return [] }
        var own: [YAMLNode.Entry] = []
        var merged: [YAMLNode.Entry] = []
        for entry in node.entries {
            if entry.key.scalar == "<<" && !entry.key.isQuoted {
                guard depth < 16 else { continue }
                let sources = entry.value.kind == .sequence ? Array(entry.value.items) : [entry.value]
                for source in sources { merged += entries(source, depth: depth + 1) }
            } else {
                own.append(entry)
            }
        }
        var seen = Set(own.compactMap { $0.key.scalar })
        for entry in merged {
            guard let key = entry.key.scalar, !seen.contains(key) else { continue }
            seen.insert(key)
            own.append(entry)
        }
        return own
    }

    static func value(_ node: YAMLNode, _ key: String) -> YAMLNode? {
        for entry in entries(node) where entry.key.scalar == key { return entry.value.isNull ? nil : entry.value }
        return nil
    }

    /// A scalar's text (any scalar type, since the source formats are loose about quoting).
    mutating func string(_ node: YAMLNode, _ key: String) -> String? {
        guard let value = Self.value(node, key) else { return nil }
        guard value.kind == .scalar else {
            error("`\(key)` should be a single value, found \(value.typeDescription)", at: value)
            return nil
        }
        // Folded and literal blocks (`>`) end in a newline that means nothing in a name or description.
        let text = (value.scalar ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    mutating func bool(_ node: YAMLNode, _ key: String) -> Bool? {
        guard let value = Self.value(node, key) else { return nil }
        if let flag = value.bool { return flag }
        switch value.scalar?.lowercased() {
        case "yes", "on": return true
        case "no", "off": return false
        default:
            error("`\(key)` should be true or false, found \(value.typeDescription)", at: value)
            return nil
        }
    }

    /// A list of scalars with their nodes; a single scalar counts as a list of one.
    mutating func strings(_ node: YAMLNode, _ key: String) -> [(String, YAMLNode)] {
        guard let value = Self.value(node, key) else { return [] }
        switch value.kind {
        case .sequence:
            var out: [(String, YAMLNode)] = []
            for item in value.items {
                if item.isNull { continue }
                if item.kind == .scalar, let text = item.scalar { out.append((text, item)) } else {
                    error("items of `\(key)` should be single values, found \(item.typeDescription)", at: item)
                }
            }
            return out
        case .scalar:
            return value.scalar.map { [($0, value)] } ?? []
        case .mapping:
            error("`\(key)` should be a list, found a mapping", at: value)
            return []
        }
    }

    /// A mapping value, or nil (reported) when the key holds something else.
    mutating func mapping(_ node: YAMLNode, _ key: String, what: String) -> YAMLNode? {
        guard let value = Self.value(node, key) else { return nil }
        guard value.kind == .mapping else {
            error("`\(key)` should be a mapping of \(what), found \(value.typeDescription)", at: value)
            return nil
        }
        return value
    }

    /// A list value of mappings; other items are reported.
    mutating func mappings(_ node: YAMLNode, _ key: String) -> [YAMLNode] {
        guard let value = Self.value(node, key) else { return [] }
        guard value.kind == .sequence else {
            error("`\(key)` should be a list, found \(value.typeDescription)", at: value)
            return []
        }
        var out: [YAMLNode] = []
        for item in value.items where !item.isNull {
            if item.kind == .mapping { out.append(item) } else {
                error("items of `\(key)` should be mappings, found \(item.typeDescription)", at: item)
            }
        }
        return out
    }

    /// Reports keys not in `known`, with a did-you-mean suggestion.
    mutating func checkKeys(_ node: YAMLNode, known: Set<String>, kind: String) {
        for entry in node.entries {
            guard let key = entry.key.scalar else { continue }
            if known.contains(key) || key == "<<" { continue }
            let hint = Suggestions.didYouMean(key, in: known.sorted())
                ?? "known keys of \(kind): " + known.sorted().joined(separator: ", ")
            error("unknown key `\(key)` in \(kind)", at: entry.key, hint: hint)
        }
    }

    /// Parses one file, reporting an unreadable, empty or non-mapping file.
    mutating func parseFile(_ path: String, sources: inout [String: String], what: String) -> YAMLNode? {
        let (document, parseDiagnostics, bytes) = YAMLParser.parseFile(atPath: path)
        if let bytes { sources[path] = String(decoding: bytes, as: UTF8.self) }
        diagnostics += parseDiagnostics
        if parseDiagnostics.hasErrors { return nil }
        guard let document else {
            if bytes != nil {
                diagnostics.append(.error("cannot parse \(path)", at: SourceMark(file: path, line: 1, column: 1)))
            }
            return nil
        }
        guard let root = document.root, !root.isNull else {
            diagnostics.append(.error("the file is empty; expected \(what)", at: SourceMark(file: path, line: 1, column: 1),
                                      hint: "check that this is the right file"))
            return nil
        }
        guard root.kind == .mapping else {
            error("expected \(what) (a mapping at the top level), found \(root.typeDescription)", at: root,
                  hint: "check that this is the right file")
            return nil
        }
        return root
    }
}
