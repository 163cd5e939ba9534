import Foundation
import Testing

@Suite struct SchemaCommandTests {
    @Test func printsTheDescriptorJSONSchema() throws {
        let run = try CLI.run(["schema"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let properties = try #require(json["properties"] as? [String: Any])
        #expect(Set(properties.keys).isSuperset(of: ["schouw", "project", "parties", "systems", "flows", "waivers", "include"]))
        // Same bytes as the schema committed beside the examples.
        let committed = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Examples/schouw.schema.json"), encoding: .utf8)
        #expect(run.stdout == committed)
    }

    @Test func writesToAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-schema-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CLI.run(["schema", "--output", path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
