import Foundation
import SchouwModel
import Testing
@testable import SchouwImport

@Suite struct FidesImportTests {
    static func importText(_ text: String, path: String = "manifest.yml") -> ImportResult {
        FidesImporter.importManifests(texts: [(path, text)], name: "test", taxonomy: ImportFixtures.taxonomy)
    }

    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package"), arguments: [ImportFixtures.fidesDemo, ImportFixtures.fidesDotFides])
    func referenceManifestsImportValidateAndAudit(path: String) throws {
        let result = FidesImporter.importManifests(path: path, taxonomy: ImportFixtures.taxonomy)
        #expect(!result.hasErrors, "\(result.renderedDiagnostics())")
        let text = try #require(result.descriptor)
        let (loaded, audit) = ImportFixtures.loadAndAudit(text, path: "imported.yaml")
        #expect(!loaded.hasErrors, "\(loaded.rendered())")
        let audited = try #require(audit)
        #expect(!audited.outcomes.isEmpty)
        #expect(audited.summary.unknown > 0)
    }

    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package")) func demoResourcesMapSystemsPurposesDataAndFlows() throws {
        let result = FidesImporter.importManifests(path: ImportFixtures.fidesDemo, taxonomy: ImportFixtures.taxonomy)
        let descriptor = try #require(DescriptorLoader.load(text: result.descriptor ?? "", path: "d.yaml").descriptor)
        #expect(descriptor.project.organisation == "Demo Organization")
        #expect(descriptor.systems.map(\.id) == ["demo-analytics-system", "demo-marketing-system"])
        #expect(descriptor.purposes.map(\.id) == ["functional-service-improve", "marketing-advertising"])
        #expect(descriptor.parties.first?.role?.rawValue == "controller")
        let dataset = try #require(descriptor.data.first { $0.id == "demo-users-dataset" })
        // Most specific match: user.contact.email and user.contact.address.state both reach user.contact.
        #expect(dataset.categories == ["personal.identity", "personal.contact", "personal.unique-id", "non-personal.technical"])
        #expect(dataset.subjects == ["customers"])
        // Egress of one system and ingress of the other describe one flow.
        #expect(descriptor.flows.count == 1)
        #expect(descriptor.flows.first?.from == "demo-marketing-system")
        #expect(descriptor.flows.first?.to == "demo-analytics-system")
        #expect(result.report.items.contains { $0.subject == "category user.contact.email" && $0.kind == .guessed })
    }

    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package")) func dotFidesSystemsBelongToTheirOrganization() throws {
        let result = FidesImporter.importManifests(path: ImportFixtures.fidesDotFides, taxonomy: ImportFixtures.taxonomy)
        let descriptor = try #require(DescriptorLoader.load(text: result.descriptor ?? "", path: "d.yaml").descriptor)
        #expect(descriptor.parties.map(\.id) == ["default-organization"])
        #expect(descriptor.systems.allSatisfy { $0.operator_ == "default-organization" })
        // Nested fields of the Redis dataset are read; `system.operations` is technical data.
        let cache = try #require(descriptor.data.first { $0.id == "fides-cache" })
        #expect(cache.categories.contains("non-personal.technical"))
        #expect(descriptor.systems.first { $0.id == "privacy-request-fulfillment" }?.stores == ["fides-db", "fides-cache"])
    }

    @Test func legalBasesResponsibilityAndTransfersMap() throws {
        let manifest = """
        organization:
          - fides_key: gemeente
            name: Gemeente Voorbeeld
        system:
          - fides_key: tellingen
            name: Tellingen
            system_type: Application
            privacy_declarations:
              - name: Drukte meten
                data_use: essential.service
                data_categories: [user.device.device_id, user.location.precise, user.fancy_new_thing]
                data_subjects: [commuter]
                legal_basis_for_processing: Public interest
                retention_period: 30 days
            egress:
              - fides_key: cloud_platform
                type: system
          - fides_key: cloud_platform
            name: Cloud Platform
            system_type: Service
            legal_name: CloudCo Inc.
            responsibility: [Processor]
            does_international_transfers: true
            legal_basis_for_transfers: [SCCs]
            privacy_declarations:
              - data_use: essential.service
                data_categories: [user.health_and_medical]
                processes_special_category_data: true
                special_category_legal_basis: Explicit consent
        """
        let result = Self.importText(manifest)
        let text = try #require(result.descriptor, "\(result.renderedDiagnostics())")
        let descriptor = try #require(DescriptorLoader.load(text: text, path: "o.yaml").descriptor)
        let purpose = try #require(descriptor.purposes.first)
        #expect(purpose.legalBasis?.rawValue == "public-task")
        #expect(purpose.specialCategoryException == "AVG 9(2)(a): Explicit consent")
        #expect(text.contains("# TODO(schouw import): statutory-basis"))
        let cloudco = try #require(descriptor.parties.first { $0.id == "cloudco-inc" })
        #expect(cloudco.role?.rawValue == "processor")
        #expect(cloudco.transfer?.mechanism?.rawValue == "scc")
        #expect(descriptor.systems.first { $0.id == "cloud-platform" }?.operator_ == "cloudco-inc")
        let declared = try #require(descriptor.data.first { $0.id == "tellingen-essential-service" })
        #expect(declared.categories == ["personal", "personal.device.id", "personal.location.precise"])
        #expect(declared.subjects == ["passers-by"])
        #expect(declared.retention?.description == "P30D" || text.contains("retention: P30D"))
        #expect(result.report.items.contains { $0.subject == "category user.fancy_new_thing" && $0.text.contains("personal") })
        #expect(descriptor.flows.first?.purpose == "essential-service")
    }

    @Test func unknownKeyIsALocatedErrorWithSuggestion() throws {
        let manifest = """
        system:
          - fides_key: app
            system_type: Application
            privacy_declarations:
              - data_use: essential.service
                data_categores: [user.contact]
        """
        let result = Self.importText(manifest)
        #expect(result.hasErrors)
        let error = try #require(result.diagnostics.first { $0.isError })
        #expect(error.mark == SourceMark(file: "manifest.yml", line: 6, column: 9))
        #expect(error.message == "unknown key `data_categores` in privacy declaration")
        #expect(error.hint == "did you mean `data_categories`?")
    }

    @Test func unknownTopLevelKeyAndDanglingFlowAreErrors() {
        let unknown = Self.importText("systems:\n  - fides_key: a\n")
        #expect(unknown.diagnostics.contains { $0.isError && $0.mark?.line == 1 && $0.hint == "did you mean `system`?" })
        let dangling = Self.importText("""
        system:
          - fides_key: a
            system_type: Service
            privacy_declarations: []
            egress:
              - fides_key: b
                type: system
        """)
        #expect(dangling.diagnostics.contains { $0.isError && $0.mark?.line == 6 && $0.message.contains("`b`") })
    }

    @Test(arguments: ["", "{{{ not: [yaml", "plain words", "- 1\n- 2\n"])
    func malformedManifestIsALocatedError(text: String) {
        let result = Self.importText(text, path: "bad.yml")
        #expect(result.hasErrors)
        #expect(result.diagnostics.contains { $0.isError && $0.mark?.file == "bad.yml" })
    }

    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package")) func singleFileWithDatasetElsewhereImportsWithAWarning() throws {
        let path = ImportFixtures.fidesDemo + "/demo_system.yml"
        let result = FidesImporter.importManifests(path: path, taxonomy: ImportFixtures.taxonomy)
        #expect(!result.hasErrors, "\(result.renderedDiagnostics())")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.mark?.file == path)
        #expect(warning.message.contains("demo_users_dataset"))
        #expect(!DescriptorLoader.load(text: result.descriptor ?? "", path: "s.yaml").hasErrors)
    }

    @Test func missingPathIsAnError() {
        let result = FidesImporter.importManifests(path: "/nonexistent/.fides", taxonomy: ImportFixtures.taxonomy)
        #expect(result.hasErrors)
        #expect(result.diagnostics.first?.message.contains("/nonexistent/.fides") == true)
    }
}
