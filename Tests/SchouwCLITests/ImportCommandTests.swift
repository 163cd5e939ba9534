import Foundation
import Testing

@Suite struct ImportCommandTests {
    static let reference = CLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-import-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package"), arguments: [
        ["threagile", "threagile/threagile-example-model.yaml"],
        ["threagile", "threagile/threagile-stub-model.yaml"],
        ["fides", "fides/demo_resources"],
        ["fides", "fides/dot-fides"],
    ])
    func importThenValidate(arguments: [String]) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("imported.yaml").path
        let source = Self.reference.appendingPathComponent(arguments[1]).path
        let run = try CLI.run(["import", arguments[0], source, "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("mapped "))
        let validate = try CLI.run(["validate", out])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.hasPrefix("ok: "))
        // The audit runs: the gate may fail on real findings (exit 1), but the input is never invalid (2).
        let audit = try CLI.run(["audit", out, "--format", "json", "--now", "2026-01-01T00:00:00Z"])
        #expect(audit.status == 0 || audit.status == 1, "\(audit.stderr)")
        #expect(audit.stdout.contains("\"unknown\""))
    }

    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package")) func descriptorOnStdoutReportOnStderr() throws {
        let source = Self.reference.appendingPathComponent("threagile/threagile-stub-model.yaml").path
        let run = try CLI.run(["import", "threagile", source])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# schouw descriptor imported from the Threagile model threagile-stub-model.yaml"))
        #expect(run.stdout.contains("schouw: 1\n"))
        #expect(!run.stdout.contains("mapped ("))
        #expect(run.stderr.contains("import from Threagile threagile-stub-model.yaml: mapped "))
        let again = try CLI.run(["import", "threagile", source])
        #expect(again.stdout == run.stdout)
    }

    @Test func linkToMissingAssetExitsTwoWithLocation() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("model.yaml")
        try Data("""
        threagile_version: 1.0.0
        technical_assets:
          Web:
            id: web
            communication_links:
              Out:
                target: nowhere
        """.utf8).write(to: model)
        let run = try CLI.run(["import", "threagile", model.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("error: \(model.path):7:17: `target` refers to `nowhere`"))
        #expect(run.stderr.contains("^"))
    }

    @Test func fidesUnknownKeyExitsTwoWithLocation() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = dir.appendingPathComponent("system.yml")
        try Data("system:\n  - fides_key: a\n    system_typ: Service\n".utf8).write(to: manifest)
        let run = try CLI.run(["import", "fides", manifest.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: \(manifest.path):3:5: unknown key `system_typ` in system"))
        #expect(run.stderr.contains("did you mean `system_type`?"))
    }

    @Test(arguments: ["threagile", "fides"])
    func garbageEmptyAndMissingInputsExitTwo(format: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let garbage = dir.appendingPathComponent("garbage.yaml")
        try Data("{{{ : : [\u{7}".utf8).write(to: garbage)
        let empty = dir.appendingPathComponent("empty.yaml")
        try Data().write(to: empty)
        for path in [garbage.path, empty.path] {
            let run = try CLI.run(["import", format, path])
            #expect(run.status == 2, "\(path)")
            #expect(run.stderr.contains("error: \(path):"), "\(run.stderr)")
            #expect(!run.stderr.contains("Fatal error"))
        }
        let missing = try CLI.run(["import", format, dir.appendingPathComponent("missing.yaml").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing.yaml"))
    }
}

/// `../shared` (reference models, validators, conformance data) sits beside the package in CI. A clone
/// elsewhere skips the tests that need it; with `CI` set they run anyway and fail loudly if it is missing.
enum SharedDirectory {
    static var usable: Bool {
        FileManager.default.fileExists(atPath: ImportCommandTests.reference.path) || ProcessInfo.processInfo.environment["CI"] != nil
    }
}
