import Foundation
import Testing

/// The checklist built from a descriptor through the rules, as a procurement officer runs it.
@Suite struct ChecklistFromDescriptorTests {
    func ids(_ csv: String) -> Set<String> {
        Set(csv.split(whereSeparator: \.isNewline).compactMap { line in
            line.hasPrefix("CL-") ? line.split(separator: ",").first.map(String.init) : nil
        })
    }

    @Test func cameraProjectYieldsDPIAProcessorAgreementAndSignage() throws {
        let run = try CLI.run(["checklist", "Examples/passantentelling.yaml", "--format", "csv", "--lang", "en", "--now", "2026-03-01"])
        #expect(run.status == 0, "\(run.stderr)")
        let items = ids(run.stdout)
        #expect(items.contains("CL-AVG-014"), "DPIA requirement")
        #expect(items.contains("CL-AVG-017"), "processor agreement requirement")
        #expect(items.contains("CL-SC-007"), "signage requirement")
        #expect(items.count >= 20)
    }

    /// An idea-phase descriptor with almost nothing filled in: no suppliers, one sketched camera.
    @Test func earlyIdeaStillYieldsASensibleTenderChecklist() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-idea-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let idea = """
        schouw: 1
        project: {id: slimme-camera, name: Slimme camera marktplein, phase: idea}
        zones: [{id: plein, kind: public-space, trust: untrusted, country: NL}]
        data: [{id: beelden, categories: [personal.image], subjects: [passers-by]}]
        systems: [{id: camera, kind: camera, zone: plein, collects: [beelden]}]

        """
        try idea.write(to: dir.appendingPathComponent("idee.yaml"), atomically: false, encoding: .utf8)
        let run = try CLI.run(["checklist", "idee.yaml", "--phase", "tender", "--format", "markdown", "--lang", "en"], cwd: dir)
        #expect(run.status == 0, "\(run.stderr)")
        for expected in ["CL-AVG-014", "CL-SC-006", "CL-PR-002"] { #expect(run.stdout.contains(expected), "missing \(expected)") }
        let csv = try CLI.run(["checklist", "idee.yaml", "--format", "csv"], cwd: dir)
        // Supplier requirements appear although no supplier is named yet ("to confirm").
        #expect(ids(csv.stdout).contains("CL-AVG-017"))
        #expect(ids(csv.stdout).contains("CL-SC-007"), "signage, to be demanded at delivery")
        #expect(ids(csv.stdout).count >= 15)
    }

    @Test func xlsxFromADescriptorIsAWorkbook() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("eisen.xlsx").path
        let run = try CLI.run(["checklist", "Examples/parkeren-anpr.yaml", "--format", "xlsx", "--output", out])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(data.prefix(2) == Data("PK".utf8))
    }
}
