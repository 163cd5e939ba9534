import Foundation
import SchouwConcurrency

/// Loads a project descriptor (SPEC section 1) with its includes, checks it completely and reports
/// every problem at once.
///
/// ```swift
/// let result = DescriptorLoader.load(path: "project.yaml")
/// if let descriptor = result.descriptor { ... } else { print(result.rendered()) }
/// ```
///
/// Checks, in order: YAML syntax and limits (`YAMLParser`), the schema (`MappingReader` against
/// `DescriptorSchema`: unknown keys, types, enums, ids, durations, dates, countries, required keys),
/// includes (cycles, missing files, a project defined twice), duplicate ids across all files,
/// dangling references, and cycles in `derived-from` and zone nesting.
public enum DescriptorLoader {
    /// Includes may nest this deep.
    public static let maxIncludeDepth = 16

    /// Loads and checks the descriptor at `path` (paths in diagnostics are shown as given). With a
    /// `vocabulary`, data categories and subjects must be among its keys.
    public static func load(path: String, vocabulary: Vocabulary? = nil) -> LoadResult {
        load(path: path, flowsAsideThreshold: Assembly.flowsAsideThreshold, vocabulary: vocabulary)
    }

    /// `load(path:)`, decoding flows on two cores from `flowsAsideThreshold` flows on (tests compare
    /// both ways of decoding on small files).
    static func load(path: String, flowsAsideThreshold: Int, vocabulary: Vocabulary? = nil) -> LoadResult {
        var assembly = Assembly()
        assembly.flowsAsideThreshold = flowsAsideThreshold
        assembly.vocabulary = vocabulary
        let (document, diagnostics, file) = readAndParse(path)
        assembly.sink.add(contentsOf: diagnostics)
        if let file { assembly.files.append(file) }
        if let document {
            assembly.stack.append(canonical(path))
            assembly.read(document, isMain: true)
        }
        return assembly.finish(mainPath: path, documentLoaded: document != nil)
    }

    /// Reads and parses one descriptor file; the file is nil when it cannot be read. Its digest is
    /// computed when first asked for: the default report never prints it.
    static func readAndParse(_ path: String) -> (document: YAMLDocument?, diagnostics: [Diagnostic], file: SourceFile?) {
        let (document, diagnostics, bytes) = YAMLParser.parseFile(atPath: path, displayPath: path)
        return (document, diagnostics, bytes.map { SourceFile(path: path, bytes: $0) })
    }

    /// Loads a descriptor from text; `path` names it in diagnostics and anchors relative includes.
    public static func load(text: String, path: String, vocabulary: Vocabulary? = nil) -> LoadResult {
        var assembly = Assembly()
        assembly.vocabulary = vocabulary
        let (document, diagnostics) = YAMLParser.parse(text: text, path: path)
        assembly.sink.add(contentsOf: diagnostics)
        assembly.files.append(SourceFile(path: path, text: text))
        if let document {
            assembly.stack.append(canonical(path))
            assembly.read(document, isMain: true)
        }
        return assembly.finish(mainPath: path, documentLoaded: document != nil)
    }

    /// Decodes a descriptor from a mapping inside another YAML file (e.g. a rule test case), with all
    /// checks; marks point into that file. `include:` paths are relative to the document's file.
    public static func decode(node: YAMLNode, in document: YAMLDocument? = nil, vocabulary: Vocabulary? = nil) -> LoadResult {
        var assembly = Assembly()
        assembly.vocabulary = vocabulary
        assembly.stack.append(canonical(node.document.path))
        assembly.readRoot(node, isMain: true)
        return assembly.finish(mainPath: node.document.path, documentLoaded: true)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// The state of one load: the merged sections and everything needed to check them.
private struct Assembly {
    let sink = DiagnosticSink()
    var files: [SourceFile] = []
    var stack: [String] = []
    var loaded: Set<String> = []
    var schouwSeen = false
    var project: Project?
    var projectFile: String?
    var purposes: [Purpose] = []
    var parties: [Party] = []
    var zones: [Zone] = []
    var data: [DataAsset] = []
    var systems: [System] = []
    var flows: [Flow] = []
    var waivers: [Waiver] = []
    var mainRoot: YAMLNode?
    /// The taxonomy's keys, when the caller has them: see `Vocabulary`.
    var vocabulary: Vocabulary?
    var flowsAsideThreshold = Assembly.flowsAsideThreshold

    mutating func read(_ document: YAMLDocument, isMain: Bool) {
        guard let root = document.root else {
            sink.add(.error(isMain ? "the file is empty" : "the included file is empty",
                            at: SourceMark(file: document.path, line: 1, column: 1),
                            hint: isMain ? "a descriptor starts with `schouw: 1`; `schouw init` writes a starter descriptor"
                                         : "remove the include or add sections to the file"))
            return
        }
        readRoot(root, isMain: isMain)
    }

    mutating func readRoot(_ root: YAMLNode, isMain: Bool) {
        guard root.kind == .mapping else {
            sink.error("a descriptor must be a mapping with `schouw: 1` at the top, found \(root.typeDescription)", at: root,
                       hint: "start the file with `schouw: 1` and `project:`; `schouw init` writes a starter descriptor")
            return
        }
        if isMain { mainRoot = root }
        let r = MappingReader(root, schema: DescriptorSchema.descriptor, sink: sink, checkRequired: false)
        if r.contains("schouw") { schouwSeen = true }
        if let projectReader = r.object("project") {
            if let projectFile {
                sink.error("the project is already defined in \(projectFile)", at: projectReader.node,
                           hint: "define `project:` in one file only")
            } else {
                project = DescriptorDecoder.project(projectReader)
                projectFile = root.document.path
            }
        }
        // Assign rather than append when a section is still empty: appending would copy every object.
        // A large descriptor's flows are decoded in chunks: this core takes them from the start
        // after the other sections, a second core from the end meanwhile (see `flowsAside`).
        func decodeLeadingSections() {
            Assembly.merge(&purposes, r.decodeObjects("purposes", DescriptorDecoder.purpose))
            Assembly.merge(&parties, r.decodeObjects("parties", DescriptorDecoder.party))
            Assembly.merge(&zones, r.decodeObjects("zones", DescriptorDecoder.zone))
            Assembly.merge(&data, r.decodeObjects("data", DescriptorDecoder.data))
            Assembly.merge(&systems, r.decodeObjects("systems", DescriptorDecoder.system))
        }
        let flowCount = r.itemCount("flows")
        guard availableCores > 1, flowCount >= flowsAsideThreshold else {
            decodeLeadingSections()
            Assembly.merge(&flows, r.decodeObjects("flows", DescriptorDecoder.flow))
            return readWaiversAndIncludes(r, root: root)
        }
        // Room for every flow id, so taking over the second core's ids does not grow the table, and
        // for every flow, so appending chunks never moves the array.
        sink.reserveIds(kind: "flow", additional: flowCount)
        var section: [Flow] = []
        section.reserveCapacity(flowCount)
        let chunks = FlowChunks(flowCount: flowCount)
        let aside = concurrently({
            decodeLeadingSections()
            while let chunk = chunks.takeFirst() {
                r.decodeObjects("flows", items: chunks.items(chunk), through: root.document, reportingTo: sink,
                                appendingTo: &section, DescriptorDecoder.flow)
            }
        }, { Assembly.flowsAside(r, chunks: chunks) }).1
        // The second core's chunks, in order: each stands if its sink can be taken over; from the
        // first that cannot, the rest is decoded again here, in order. The sinks are taken over
        // on one core while the chunks' flows are appended on the other.
        let first = chunks.firstTakenFromTheEnd, mainSink = sink
        let (taken, appended) = concurrently({ () -> Int in
            var taken = 0
            for (_, chunkSink) in aside {
                guard mainSink.absorbIfPossible(chunkSink) else { break }
                taken += 1
            }
            return taken
        }, { () -> [Int] in
            aside.map { chunk in
                section.append(contentsOf: chunk.flows)
                return section.count
            }
        })
        let next = first + taken
        if next < chunks.count {
            // Only the chunks taken over stay; the rest is decoded again.
            section.removeSubrange((taken == 0 ? chunks.items(first).lowerBound : appended[taken - 1])...)
            r.decodeObjects("flows", items: chunks.items(next).lowerBound..<flowCount, through: root.document,
                            reportingTo: sink, appendingTo: &section, DescriptorDecoder.flow)
        }
        Assembly.merge(&flows, section)
        readWaiversAndIncludes(r, root: root)
    }

    /// The sections read after the flows: waivers, then the included files in order.
    mutating func readWaiversAndIncludes(_ r: MappingReader, root: YAMLNode) {
        Assembly.merge(&waivers, r.decodeObjects("waivers", DescriptorDecoder.waiver))
        if let includes = r.value("include") {
            for item in includes.items { include(item, from: root.document.path) }
        }
    }

    /// Sections of at least this many flows are decoded on two cores.
    static let flowsAsideThreshold = 4_096

    /// The flows in chunks, taken from the start by the core that first reads the other sections
    /// and from the end by the other core, until they meet. Fixed halves left one core idle for a
    /// tenth of the decoding: the sections before the flows cost more per line than estimated.
    final class FlowChunks: @unchecked Sendable {
        let flowCount: Int
        let count: Int
        private let lock = NSLock()
        private var first = 0, end: Int

        init(flowCount: Int) {
            self.flowCount = flowCount
            count = min(64, max(1, flowCount / 64))
            end = count
        }

        func items(_ chunk: Int) -> Range<Int> { (flowCount * chunk / count)..<(flowCount * (chunk + 1) / count) }

        func takeFirst() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard first < end else { return nil }
            first += 1
            return first - 1
        }

        func takeLast() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard first < end else { return nil }
            end -= 1
            return end
        }

        /// The first chunk taken from the end (valid once both cores are done).
        var firstTakenFromTheEnd: Int { lock.lock(); defer { lock.unlock() }; return end }
    }

    /// The chunks of the flows this core takes from the end while the other reads the sections
    /// before the flows and takes chunks from the start, in order, each decoded with a sink of its
    /// own through a copy of the document (see `YAMLDocument.sharingStorage`). A chunk's result
    /// stands only when its sink reported nothing and its ids cannot collide with those read before
    /// (`DiagnosticSink.absorbIfPossible`): then it equals decoding these flows after the others;
    /// otherwise they are decoded again in order, so every message is the same as in one pass.
    static func flowsAside(_ r: MappingReader, chunks: FlowChunks) -> [(flows: [Flow], sink: DiagnosticSink)] {
        let document = r.node.document.sharingStorage()
        var taken: [(flows: [Flow], sink: DiagnosticSink)] = []
        while let chunk = chunks.takeLast() {
            let sink = DiagnosticSink()
            taken.append((r.decodeObjects("flows", items: chunks.items(chunk), through: document, reportingTo: sink,
                                          DescriptorDecoder.flow), sink))
        }
        return taken.reversed()
    }

    static func merge<T>(_ section: inout [T], _ more: [T]) {
        if section.isEmpty { section = more } else { section += more }
    }

    mutating func include(_ item: YAMLNode, from includingPath: String) {
        guard let relative = item.scalar, !relative.isEmpty else { return }
        let directory = (includingPath as NSString).deletingLastPathComponent
        let shown = relative.hasPrefix("/") ? relative
            : ((directory.isEmpty ? relative : (directory as NSString).appendingPathComponent(relative)) as NSString).standardizingPath
        let identity = DescriptorLoader.canonical(shown)
        if let position = stack.firstIndex(of: identity) {
            let chain = (stack[position...].map { ($0 as NSString).lastPathComponent } + [(shown as NSString).lastPathComponent])
                .joined(separator: " -> ")
            sink.error("include cycle: \(chain)", at: item, hint: "remove one of the includes")
            return
        }
        if stack.count >= DescriptorLoader.maxIncludeDepth {
            sink.error("includes nest deeper than \(DescriptorLoader.maxIncludeDepth) files", at: item)
            return
        }
        if loaded.contains(identity) {
            sink.error("`\(relative)` is included more than once", at: item,
                       hint: "include each file once; its ids would otherwise be defined twice")
            return
        }
        loaded.insert(identity)
        let (document, diagnostics, file) = DescriptorLoader.readAndParse(shown)
        guard let file else {
            // The file itself could not be read: point at the include line.
            for diagnostic in diagnostics {
                let unread = diagnostic.mark == nil
                let hint = unread && diagnostic.hint == "check the path"
                    ? "looked for `\(shown)`: include paths are relative to the file that includes them"
                    : diagnostic.hint ?? "paths are relative to the including file"
                sink.error(unread ? "cannot include `\(relative)`: " + diagnostic.message.replacingOccurrences(of: "cannot read `\(shown)`: ", with: "") : diagnostic.message,
                           at: item, hint: hint)
            }
            return
        }
        files.append(file)
        sink.add(contentsOf: diagnostics)
        guard let document else { return }
        stack.append(identity)
        read(document, isMain: false)
        stack.removeLast()
    }

    mutating func finish(mainPath: String, documentLoaded: Bool) -> LoadResult {
        if documentLoaded, let root = mainRoot {
            if !schouwSeen {
                sink.add(.error("missing required key `schouw` in descriptor", at: root.mark,
                                hint: "add `schouw: 1` as the first line"))
            }
            if project == nil {
                sink.add(.error("missing required key `project` in descriptor", at: root.mark,
                                hint: "add a `project:` block with at least `id` and `name`"))
            }
            resolveReferences()
            vocabulary?.check(data, sink: sink)
            checkDerivedFromCycles()
            checkZoneCycles()
        }
        let diagnostics = sink.reported.sorted(by: Diagnostic.displayOrder)
        var descriptor: Descriptor?
        if !sink.hasErrors, let project {
            descriptor = Descriptor(schouw: 1, project: project, purposes: purposes, parties: parties, zones: zones,
                                    data: data, systems: systems, flows: flows, waivers: waivers, files: files)
        }
        return LoadResult(descriptor: descriptor, diagnostics: diagnostics, files: files)
    }

    static let sectionOfKind = Dictionary(uniqueKeysWithValues: DescriptorSchema.sections.map { ($0.kind, $0.key) })

    func resolveReferences() {
        var tables: [String: [String: YAMLNode]] = [:]
        var lastKind = "", lastTable: [String: YAMLNode] = [:]
        let misspelt = misspeltSections()
        sink.forEachUnresolvedReference { kind, document, index in
            if kind != lastKind {
                if tables[kind] == nil { tables[kind] = sink.definedIds(kind) }
                lastKind = kind; lastTable = tables[kind] ?? [:]
            }
            // `sytems:` is reported once, as an unknown key with its suggestion; every reference to
            // a system would otherwise repeat it.
            if lastTable.isEmpty, misspelt.contains(Assembly.sectionOfKind[kind] ?? kind) { return }
            let text = document.scalarText(at: index)
            if sink.isFull { sink.add(.error("unknown \(kind) `\(text)`", at: nil)); return }
            let ids = lastTable
            let section = Assembly.sectionOfKind[kind] ?? kind
            let hint = Suggestions.didYouMean(text, in: ids.keys)
                ?? (ids.isEmpty ? "define it under `\(section):`" : "define it under `\(section):` or use one of: "
                    + ids.keys.sorted().prefix(8).joined(separator: ", ") + (ids.count > 8 ? ", …" : ""))
            sink.error("unknown \(kind) `\(text)`: no \(kind) has this id", at: YAMLNode(document: document, index: index),
                       hint: hint)
        }
    }

    /// Sections the main file names with a near miss (`sytems:`): the unknown key is already an error.
    func misspeltSections() -> Set<String> {
        guard let root = mainRoot, root.kind == .mapping else { return [] }
        let sections = Set(Assembly.sectionOfKind.values)
        var found: Set<String> = []
        for entry in root.entries {
            guard let key = entry.key.scalar, !sections.contains(key),
                  let section = Suggestions.closest(to: key, in: sections) else { continue }
            found.insert(section)
        }
        return found
    }

    /// Reports each cycle in `derived-from` once, at the asset that closes it.
    func checkDerivedFromCycles() {
        var indexOf: [String: Int] = [:]
        for (i, asset) in data.enumerated() where indexOf[asset.id] == nil { indexOf[asset.id] = i }
        let edges = data.map { asset in asset.derivedFrom.compactMap { indexOf[$0] } }
        for cycle in Cycles.find(count: data.count, edges: edges) {
            let names = cycle.map { data[$0].id } + [data[cycle[0]].id]
            let last = data[cycle[cycle.count - 1]]
            let mark = last.marks.mark(of: "derived-from") ?? last.marks.object
            sink.add(.error("`derived-from` forms a cycle: " + names.joined(separator: " -> "), at: mark,
                            hint: "a data asset cannot be derived from itself, directly or through others",
                            path: (last.marks.sourcePath.map { $0 + "." } ?? "") + "derived-from"))
        }
    }

    func checkZoneCycles() {
        var indexOf: [String: Int] = [:]
        for (i, zone) in zones.enumerated() where indexOf[zone.id] == nil { indexOf[zone.id] = i }
        let edges = zones.map { zone in zone.parent.flatMap { indexOf[$0] }.map { [$0] } ?? [] }
        for cycle in Cycles.find(count: zones.count, edges: edges) {
            let names = cycle.map { zones[$0].id } + [zones[cycle[0]].id]
            let last = zones[cycle[cycle.count - 1]]
            let mark = last.marks.mark(of: "parent") ?? last.marks.object
            sink.add(.error("zone nesting forms a cycle: " + names.joined(separator: " -> "), at: mark,
                            hint: "a zone cannot be its own (grand)parent",
                            path: (last.marks.sourcePath.map { $0 + "." } ?? "") + "parent"))
        }
    }
}

/// Finds cycles in a directed graph without recursion; each cycle is reported once, in edge order.
enum Cycles {
    static func find(count: Int, edges: [[Int]]) -> [[Int]] {
        var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on stack, 2 done
        var cycles: [[Int]] = []
        for start in 0..<count where state[start] == 0 {
            var path: [Int] = [start]
            var next: [Int] = [0]
            state[start] = 1
            while let node = path.last {
                let i = next[next.count - 1]
                if i < edges[node].count {
                    next[next.count - 1] += 1
                    let target = edges[node][i]
                    if state[target] == 1, let position = path.firstIndex(of: target) {
                        cycles.append(Array(path[position...]))
                    } else if state[target] == 0 {
                        state[target] = 1
                        path.append(target); next.append(0)
                    }
                } else {
                    state[node] = 2
                    path.removeLast(); next.removeLast()
                }
            }
        }
        return cycles
    }
}
