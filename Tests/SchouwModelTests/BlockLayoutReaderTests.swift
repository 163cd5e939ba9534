import Foundation
import SeededRandom
import Testing
@testable import SchouwModel

/// The block layout reader must build, for every input it accepts, the very arena libyaml's
/// events build: same records (kind, type, quoting, text offset and length, line, column), same
/// children, same text bytes. It is checked on every YAML file of the project, on generated
/// inventories, on hand-picked corner cases, and on thousands of mutations of them.
@Suite struct BlockLayoutReaderTests {
    /// What a parse built, for comparison.
    struct Arena: Equatable, CustomStringConvertible {
        var records: [NodeRecord]
        var children: [Int32]
        var scalarBytes: [UInt8]
        var root: Int32

        var description: String {
            records.map { "\($0.kind) \($0.type) q=\($0.quoted) \($0.line):\($0.column) s=\($0.start) n=\($0.count)" }
                .joined(separator: "\n") + "\nchildren \(children)\ntext \(String(decoding: scalarBytes, as: UTF8.self))"
        }
    }

    /// libyaml's arena, or nil when libyaml reports an error.
    static func libyaml(_ bytes: [UInt8], lineOffset: Int32 = 0) -> Arena? {
        var builder = TreeBuilder(path: "t.yaml", inputSize: bytes.count, lineOffset: lineOffset, readsBlockLayoutDirectly: false)
        bytes.withUnsafeBufferPointer { builder.run(input: $0) }
        guard !builder.failed, builder.rootIndex >= 0 else { return nil }
        return Arena(records: builder.records, children: builder.children, scalarBytes: builder.scalarBytes, root: builder.rootIndex)
    }

    /// The reader's arena, or nil when it declines.
    static func direct(_ bytes: [UInt8], lineOffset: Int32 = 0) -> Arena? {
        var builder = TreeBuilder(path: "t.yaml", inputSize: bytes.count, lineOffset: lineOffset)
        let accepted = bytes.withUnsafeBufferPointer { BlockLayoutReader.read($0, into: &builder) }
        guard accepted else { return nil }
        return Arena(records: builder.records, children: builder.children, scalarBytes: builder.scalarBytes, root: builder.rootIndex)
    }

    /// Whether the reader accepted `text`; records an issue when what it built differs from libyaml.
    @discardableResult
    static func check(_ bytes: [UInt8], _ label: @autoclosure () -> String, lineOffset: Int32 = 0,
                      sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let read = direct(bytes, lineOffset: lineOffset) else { return false }
        let reference = libyaml(bytes, lineOffset: lineOffset)
        if read != reference {
            Issue.record("""
                the reader differs from libyaml on \(label()):
                \(String(decoding: bytes, as: UTF8.self))
                --- reader:
                \(read)
                --- libyaml:
                \(reference.map(\.description) ?? "an error")
                """, sourceLocation: sourceLocation)
        }
        return true
    }

    /// Every YAML file of the project: examples, rules and their tests, taxonomy, fixtures.
    static let projectFiles: [(name: String, bytes: [UInt8])] = {
        let root = TestFiles.packageRoot
        var files: [(String, [UInt8])] = []
        for folder in ["Examples", "Rules", "Tests", "Reports"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "yaml" || url.pathExtension == "yml" {
                if let data = try? Data(contentsOf: url) {
                    files.append((String(url.path.dropFirst(root.path.count + 1)), [UInt8](data)))
                }
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }()

    @Test func projectFilesReadAsLibyamlReadsThem() {
        #expect(Self.projectFiles.count > 100)
        var accepted: Set<String> = []
        for file in Self.projectFiles where Self.check(file.bytes, file.name) { accepted.insert(file.name) }
        // Files in the plain layout must be read directly, or the comparison above means little.
        for name in ["Examples/cases/enschede-wifi-tracking.yaml", "Rules/avg/AVG-001.yaml", "Rules/avg/AVG-001.tests.yaml",
                     "Tests/SchouwModelTests/Fixtures/includes/main.yaml"] {
            #expect(accepted.contains(name), "\(name) was declined")
        }
        #expect(accepted.count >= Self.projectFiles.count / 2, "only \(accepted.count) of \(Self.projectFiles.count) files were read directly")
    }

    @Test func generatedInventoryIsReadDirectly() {
        var text = "# inventory\nschouw: 1\nproject:\n  id: p\n  classification: {confidentiality: medium, integrity: low}\n"
        text += "  contacts: {ciso: \"CISO Gemeente\", dpo: 'FG'}\nsystems:\n"
        for i in 0..<300 {
            text += "  - id: sys-\(i)\n    name: Systeem \(i) # a comment\n    collects: [data-\(i % 7), \"d \(i)\"]\n"
            text += "    port: \(i)\n    ratio: \(Double(i) / 4)\n    on: \(i % 2 == 0)\n    none:\n"
            if i % 3 == 0 { text += "    sensor:\n      senses: [noise]\n      edge-processing: false\n" }
            if i % 5 == 0 { text += "    zones:\n    - z1\n    - z-\(i)\n\n# margin comment\n" }
            if i % 7 == 0 { text += "    nested:\n      - - a\n        - b\n      - key: v\n        other: ~\n" }
        }
        text += "flows: []\nwaivers: {}\nend:\n"
        let bytes = Array(text.utf8)
        #expect(Self.check(bytes, "the generated inventory"))
        // As a piece of a larger file, lines count on from the lines before it.
        #expect(Self.check(bytes, "the generated inventory at line 1,000", lineOffset: 1000))
    }

    /// Inputs the reader reads, each compared with libyaml.
    @Test(arguments: [
        "a: 1\n", "a: 1", "a:\n", "a:", "a:   # c\nb: 2\n", "a:\n  b:\n    c:\n", "a:\n- 1\n- 2\nb: 3\n",
        "- a\n- b\n", "- - a\n  - b\n- c\n", "- a: 1\n  b: 2\n- c: 3\n", "  - a: 1\n    b:\n    - x\n  - c\n",
        "a: 'x y'\nb: \"q  r \"\nc: ''\nd: \"\"\n", "a: [ ]\nb: {}\nc: [x, 'y', \"z z\"]\nd: {k: v, l: 'm'}\n",
        "a: b#c\nd: e # f\ng: h:i\nj: [k]   # l\n", "a: -1\nb: 0x1F\nc: 0o17\nd: .5\ne: 1e3\nf: TRUE\ng: ~\nh: null\ni: yes\n",
        "key with spaces: value with  two  spaces   \n", "a: x,y [z] {w}\n", "a: {date: 2025-11-01, n: 12, f: false}\n",
        "\n\n# only a comment\n\na: 1\n\n\n", "a:\n  # comment\n  b: 1\n# margin\nc: 2\n", "a: b\n  # deeper comment\nc: d\n",
        "1: one\n2.5: two\ntrue: t\n", "a: [x, [y, [z]], {k: [v, {w: 1}]}, []]\n", "e: [{url: \"https://x.nl\", tls: [1.2, 1.3]}]\n",
        "a: |\n  one\n  two\nb: 1\n", "a: >\n  one\n  two\n\nb: 1\n", "a: >-\n    x y  \n    z\n  # c\nb: |-\n  q\n",
        "- |\n  x\n- >-\n  y\n", "k:\n  - key: >\n      folded #text\n      more: 1\n    other: 1\n", "a: | # comment\n  x\n",
        "a: >\n  x\n\n\n", "a: |\n x\n", "- a:\n  - |\n   x\n", "a:\n  b: >\n   \u{E9}\u{E9}n\n   'twee'\n\n\nc: 1\n", "a: |\n  - x\n  y: z\n",
        "a: (x)\nb: ./path\nc: _u\nd: +1\n", "a: {k: -5, l: a-b, m: x@y.nl}\n",
        "naam: caf\u{E9} \u{E9}\u{E9}n\nb: [\u{E9}, \u{FC}ber, \"\u{EB}\"]\nc: {\u{EB}: \u{EF}}\n",
        "\u{E9}\u{E9}n: 1\n\u{1F600}: 'x \u{1F600}'\n", "- a\u{A0}b: c\n  d: \u{4E2D}\u{6587}, [x]\n", "k\u{E9}y:\n  - x\nv\u{E9}:\n",
    ])
    func readsCornerCasesAsLibyaml(text: String) {
        #expect(Self.check(Array(text.utf8), "`\(text)`"))
    }

    /// Inputs outside the reader's part of YAML: it declines them, and libyaml reads them.
    @Test(arguments: [
        "", "   \n", "---\na: 1\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
        "a: |\n  x\n\n  y\n", "a: |\n  x\n    y\n", "a: |+\n  x\n", "a: |2\n  x\n", "a: >\n\n  x\n", "a: |\n  x\n  \nb: 1\n",
        "a: |\nb: 1\n", "a: >\n  x", "a: >x\n  y\n", "a: [|]\n", "a: plain\n  continued\n", "a: \"x\\ty\"\n", "a: 'it''s'\n", "a: \"two\nlines\"\n",
        "-\n- a\n", "- # c\n  a\n", "? a\n: b\n", "\"a\": 1\n", "a : 1\n", "a:\tb\n", "a: 1\r\nb: 2\r\n", "a: x\u{85}y\n", "a: x\u{2028}y\n", "a: x\u{2029}\n",
        "\u{FEFF}a: 1\n", "a: 1\n\u{FEFF}b: 2\n", "a: \u{9F}x\n", "a: \u{7F}x\n",
        "a: [x,\n  y]\n", "a: [x, ]\n", "a: {k}\n", "a: {\"k\": v}\n", "a: [x: y]\n",
        "a: 1\nb\n", "a: b: c\n", "a: - b\n", "a:\n- b\n  c\n", "- a\n  - b\n", "a: 1\n  b: 2\n", "scalar\n",
        "a: 1\n- b\n", "- a\nb: 1\n", "a:\n    b: 1\n  c: 2\n", "a: \"x\"y\n", "a: [x]y\n", "a: 'x'#c\n", "<<: x\n",
        "a: @x\n", "a: `x`\n", "a: %x\n", "a: !x\n", "a: *x\n", "a: ,x\n", "a: ]\n",
    ])
    func declinesWhatItDoesNotRead(text: String) {
        #expect(!Self.check(Array(text.utf8), "`\(text)`"), "read `\(text)` directly")
    }

    /// Random single edits of every project file and of a generated inventory: whatever the
    /// reader still accepts must be what libyaml builds.
    @Test func mutationsReadAsLibyamlReadsThem() {
        var random = SeededRandom(seed: 20_261_206)
        let edits: [[UInt8]] = [" ", "  ", ":", ": ", "-", "- ", "#", " #", "\"", "'", "[", "]", "{", "}", ",", "\n",
                                "\n\n", "a", "?", "&", "*", "!", "|", ">", "~", ".", "...", "---", "\\", "\t", "\r", "%", "@"]
            .map { Array($0.utf8) }
            // Characters outside ASCII, libyaml's other line breaks, and bytes that are not UTF-8.
            + ["\u{E9}", "\u{1F600}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{A0}"].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80]]
        var accepted = 0, tried = 0
        let sources = Self.projectFiles.map(\.bytes).filter { $0.count < 40_000 }
        for source in sources {
            for _ in 0..<60 {
                var bytes = source
                let edit = Int(random.next() % 4)
                let at = Int(random.next() % UInt64(bytes.count + 1))
                switch edit {
                case 0: // insert
                    bytes.insert(contentsOf: edits[Int(random.next() % UInt64(edits.count))], at: at)
                case 1: // delete a byte or a few
                    let length = Int(random.next() % 3) + 1
                    bytes.removeSubrange(at..<min(bytes.count, at + length))
                case 2: // replace a byte
                    if at < bytes.count { bytes[at] = edits[Int(random.next() % UInt64(edits.count))][0] }
                default: // indent or dedent the line at `at` by one or two spaces
                    var lineStart = min(at, bytes.count)
                    while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
                    if random.next() % 2 == 0 {
                        bytes.insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: Int(random.next() % 2) + 1), at: lineStart)
                    } else if lineStart < bytes.count && bytes[lineStart] == UInt8(ascii: " ") {
                        bytes.remove(at: lineStart)
                    }
                }
                tried += 1
                if Self.check(bytes, "a mutation (\(tried))") { accepted += 1 }
            }
        }
        // Enough mutants stay inside the reader's part for the comparison to mean something.
        #expect(tried > 5_000)
        #expect(accepted > tried / 10, "only \(accepted) of \(tried) mutations were read directly")
    }
}
