import Foundation
import SchouwResult
import Testing
@testable import SchouwReports

/// `Reports/samples/<example>/result.json` (written by `schouw audit --format json` on an example) and the
/// reports rendered from it are committed together; this fails when a sample is stale. Skipped while
/// there are no samples. Regenerate with `SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwReportsTests`.
/// (Samples with a diagram are rendered where a descriptor can be loaded, via `SampleReports.write`.)
@Suite struct SampleReportsTests {
    static let root = Golden.packageRoot.appendingPathComponent("Reports/samples")

    static var sampleDirectories: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map { root.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("result.json").path) }
    }

    @Test(.enabled(if: !sampleDirectories.isEmpty, "no samples in Reports/samples yet"))
    func samplesAreCurrent() throws {
        for dir in Self.sampleDirectories {
            let result = try AuditResult.decode(try Data(contentsOf: dir.appendingPathComponent("result.json")))
            // Samples with a diagram were rendered with their descriptor; the test that loads descriptors checks them.
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("flows.svg").path) { continue }
            if Golden.updating {
                try SampleReports.write(result, descriptor: nil, to: dir)
                continue
            }
            let stale = try SampleReports.staleFiles(result, descriptor: nil, in: dir)
            #expect(stale.isEmpty, "stale samples in \(dir.lastPathComponent): \(stale); regenerate with SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwReportsTests")
        }
    }

    @Test func sampleSetCoversEveryFormat() throws {
        let names = try SampleReports.files(for: Fixtures.binnenstadResult, descriptor: Fixtures.binnenstadDescriptor).map(\.name)
        #expect(names.contains("report.sarif") && names.contains("report.oscal.json") && names.contains("flows.svg"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-samples-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try SampleReports.write(Fixtures.binnenstadResult, descriptor: Fixtures.binnenstadDescriptor, to: dir)
        #expect(try SampleReports.staleFiles(Fixtures.binnenstadResult, descriptor: Fixtures.binnenstadDescriptor, in: dir).isEmpty)
        try Data("changed".utf8).write(to: dir.appendingPathComponent("report.sarif"))
        #expect(try SampleReports.staleFiles(Fixtures.binnenstadResult, descriptor: Fixtures.binnenstadDescriptor, in: dir) == ["report.sarif"])
    }
}
