/// Collects diagnostics while reading, plus the ids and references a descriptor defines, so
/// references can be resolved once every file is read.
///
/// A class because every nested `MappingReader` reports into the same place.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Ids by object kind, with the node that defined each.
    private(set) var ids: [String: [String: YAMLNode]] = [:]
    /// References by target kind, in reading order.
    private(set) var references: [(kind: String, node: YAMLNode)] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.hasErrors }

    public func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public func add(contentsOf list: [Diagnostic]) { diagnostics.append(contentsOf: list) }

    /// An error located at `node`, with its YAML path.
    public func error(_ message: String, at node: YAMLNode, hint: String? = nil) {
        diagnostics.append(.error(message, at: node.mark, hint: hint, path: node.yamlPath))
    }

    public func warning(_ message: String, at node: YAMLNode, hint: String? = nil) {
        diagnostics.append(.warning(message, at: node.mark, hint: hint, path: node.yamlPath))
    }

    func recordReference(kind: String, node: YAMLNode) { references.append((kind, node)) }

    /// Records an id; a second object of the same kind with the same id is an error naming both places.
    func recordId(kind: String, id: String, node: YAMLNode) {
        if let first = ids[kind]?[id] {
            let where_ = first.document.path == node.document.path
                ? "line \(first.line)" : "\(first.document.path):\(first.line):\(first.column)"
            error("duplicate \(kind) id `\(id)`; it is already defined at \(where_)", at: node,
                  hint: "ids must be unique within a section (also across included files); rename one of them")
            return
        }
        ids[kind, default: [:]][id] = node
    }

    /// The ids defined for a kind.
    func definedIds(_ kind: String) -> [String: YAMLNode] { ids[kind] ?? [:] }
}
