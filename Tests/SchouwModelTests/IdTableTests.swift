import Testing
@testable import SchouwModel

/// The loader's id table: lookups by the id's bytes, the first definition kept, and taking over
/// another table's ids undone exactly when one of them clashes.
@Suite struct IdTableTests {
    /// The scalars of a YAML list, as nodes.
    static func nodes(_ ids: [String]) throws -> [YAMLNode] {
        let (document, diagnostics) = YAMLParser.parse(text: "[" + ids.joined(separator: ", ") + "]", path: "ids.yaml")
        #expect(diagnostics.isEmpty)
        return Array(try #require(document?.root).items)
    }

    static func insert(_ nodes: [YAMLNode], into table: inout IdTable) -> [String] {
        var clashes: [String] = []
        for node in nodes where node.withScalarBytes({ table.insert($0, node: node) }) != nil {
            clashes.append(node.scalar ?? "")
        }
        return clashes
    }

    static func contains(_ table: IdTable, _ id: String) -> Bool {
        var id = id
        return id.withUTF8 { table.contains($0) }
    }

    @Test func keepsTheFirstDefinitionAndFindsIdsByTheirBytes() throws {
        var table = IdTable()
        let ids = (0..<100).map { "sys-\($0)" } + ["sys-7", "x"]
        let nodes = try Self.nodes(ids)
        #expect(Self.insert(nodes, into: &table) == ["sys-7"])
        #expect(table.count == 101)
        #expect(Self.contains(table, "sys-99") && Self.contains(table, "x") && Self.contains(table, "sys-0"))
        #expect(!Self.contains(table, "sys-100") && !Self.contains(table, "") && !Self.contains(table, "sys-1 "))
        // The first `sys-7` (the eighth item) stays the defining node.
        #expect(table.dictionary["sys-7"]?.column == nodes[7].column)
        #expect(table.dictionary.count == 101)
    }

    @Test func takingOverAnotherTableIsUndoneAtAClash() throws {
        var mine = IdTable(), other = IdTable(), clashing = IdTable()
        _ = Self.insert(try Self.nodes(["a", "b", "c"]), into: &mine)
        _ = Self.insert(try Self.nodes((0..<40).map { "f\($0)" }), into: &other)
        _ = Self.insert(try Self.nodes(["d", "e", "b", "g"]), into: &clashing)

        #expect(mine.absorb(clashing) == nil)
        #expect(mine.count == 3 && !Self.contains(mine, "d") && !Self.contains(mine, "e"))

        let absorbed = mine.absorb(other)
        let filled = try #require(absorbed)
        #expect(filled.count == 40 && mine.count == 43 && Self.contains(mine, "f39"))
        mine.undo(filled)
        #expect(mine.count == 3 && !Self.contains(mine, "f0") && Self.contains(mine, "c"))
        // The table works as before after the undo.
        #expect(Self.insert(try Self.nodes(["f0", "c"]), into: &mine) == ["c"])
        #expect(mine.dictionary.keys.sorted() == ["a", "b", "c", "f0"])
    }
}
