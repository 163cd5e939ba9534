import Foundation
import Testing
@testable import SchouwImport

/// The full output of two reference imports, held in `Golden/`. Regenerate with
/// `SCHOUW_UPDATE_GOLDEN=1 swift test --filter SchouwImportTests`.
@Suite struct GoldenImportTests {
    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package")) func threagileStubModel() throws {
        let result = ThreagileImporter.importModel(path: ImportFixtures.threagileStub)
        try ImportFixtures.expectGolden(try #require(result.descriptor), "threagile-stub-model.schouw.yaml")
        try ImportFixtures.expectGolden(result.report.rendered(), "threagile-stub-model.report.txt")
    }

    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package")) func fidesDemoResources() throws {
        let result = FidesImporter.importManifests(path: ImportFixtures.fidesDemo, taxonomy: ImportFixtures.taxonomy)
        try ImportFixtures.expectGolden(try #require(result.descriptor), "fides-demo-resources.schouw.yaml")
        try ImportFixtures.expectGolden(result.report.rendered(), "fides-demo-resources.report.txt")
    }
}
