import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test(arguments: ["default", "camera", "sensor-network"])
    func everyTemplateValidates(_ name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-init-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("project.yaml").path
        let written = try CLI.run(["init", "--template", name, "--output", path])
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("schouw: 1"))
        #expect(text.contains("# "))                       // commented, in Dutch
        #expect(text.contains("verwerkingsverantwoordelijke") || text.contains("onbekend"))
        let validated = try CLI.run(["validate", path])
        #expect(validated.status == 0, "\(validated.stderr)")
        // An existing file is never overwritten.
        let again = try CLI.run(["init", "--template", name, "--output", path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func defaultTemplateGoesToStdout() throws {
        let run = try CLI.run(["init"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("project:"))
        #expect(run.stdout.hasPrefix("# yaml-language-server: $schema="))
    }

    @Test func listAndUnknownTemplate() throws {
        let list = try CLI.run(["init", "--template", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" }
                == ["default", "camera", "sensor-network"])
        let unknown = try CLI.run(["init", "--template", "kamera"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown template `kamera`"))
        #expect(unknown.stderr.contains("default, camera, sensor-network"))
    }
}
