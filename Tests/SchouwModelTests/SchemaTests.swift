import Foundation
import PythonChecks
import Testing
@testable import SchouwModel

@Suite struct SchemaTests {
    @Test func everyNestedKindAndReferenceTargetExists() {
        var referenceable: Set<String> = []
        for object in DescriptorSchema.objects where object.isReferenceable { referenceable.insert(object.kind) }
        func check(_ type: FieldType, in kind: String, key: String) {
            switch type {
            case .object(let target):
                #expect(DescriptorSchema.object(target) != nil, "\(kind).\(key) -> \(target)")
            case .reference(let target):
                #expect(referenceable.contains(target), "\(kind).\(key) refers to \(target)")
            case .list(let item), .map(let item):
                check(item, in: kind, key: key)
            default:
                break
            }
        }
        for object in DescriptorSchema.objects {
            for field in object.fields { check(field.type, in: object.kind, key: field.key) }
            #expect(Set(object.fields.map(\.key)).count == object.fields.count, "duplicate key in \(object.kind)")
            #expect(object.fields.allSatisfy { Identifiers.isSlug($0.key) && !$0.description.isEmpty })
        }
        for section in DescriptorSchema.sections {
            #expect(DescriptorSchema.object(section.kind)?.isReferenceable == true)
            #expect(DescriptorSchema.object("descriptor")?.field(section.key) != nil)
        }
    }

    @Test func publicAPIForTheRuleEngine() throws {
        let party = try #require(DescriptorSchema.object("party"))
        let agreement = try #require(party.field("processor-agreement"))
        #expect(agreement.celName == "processor_agreement")
        #expect(agreement.type == .object("processor-agreement"))
        #expect(party.field("processor-for")?.type == .reference("party"))
        #expect(DescriptorSchema.object("flow")?.field("from")?.required == true)
        #expect(DescriptorSchema.object("project")?.field("public-authority")?.defaultValue == "true")
        #expect(DescriptorSchema.object("data")?.field("form")?.type == .enumeration(["identified", "pseudonymised", "aggregated", "anonymous"]))
    }

    @Test func exportedSchemaIsDeterministicDraft2020() throws {
        let first = JSONSchemaExporter.export()
        #expect(first == JSONSchemaExporter.export())
        let json = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(json["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let defs = try #require(json["$defs"] as? [String: Any])
        #expect(defs.count == DescriptorSchema.objects.count - 1)
        #expect(JSONSchemaExporter.typed("true") == .bool(true))
        #expect(JSONSchemaExporter.typed("1.2") == .number(1.2))
        #expect(JSONSchemaExporter.typed("NO") == .string("NO"))
    }

    @Test func committedSchemaBesideTheExamplesIsCurrent() throws {
        let path = TestFiles.packageRoot.appendingPathComponent("Examples/schouw.schema.json")
        let committed = try Data(contentsOf: path)
        #expect(committed == JSONSchemaExporter.export(),
                "Examples/schouw.schema.json is stale; regenerate with: swift run schouw schema --output Examples/schouw.schema.json")
    }

    /// The examples and templates validate against the emitted schema with an independent validator
    /// (Python `jsonschema`, YAML read with the 1.2 core schema); a broken descriptor does not.
    @Test(.enabled(if: PythonChecks.available("jsonschema", "yaml"), Comment(rawValue: PythonChecks.reason("jsonschema", "PyYAML"))))
    func examplesValidateWithPythonJSONSchema() throws {
        let directory = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = directory.appendingPathComponent("schema.json")
        try JSONSchemaExporter.export().write(to: schema)
        var files = ["passantentelling.yaml", "parkeren-anpr.yaml", "luchtkwaliteit.yaml"].map(TestFiles.example)
        for template in StarterTemplates.all {
            files.append(try TestFiles.write(Array(template.text.utf8), named: template.name + ".yaml", in: directory))
        }
        let good = try runValidator(schema: schema.path, files: files)
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.split(separator: "\n").filter { $0.hasPrefix("ok: ") }.count == files.count)

        let broken = specExample.replacingOccurrences(of: "form: identified", with: "form: identifed")
            .replacingOccurrences(of: "protocol: mqtts", with: "protocool: mqtts")
        let bad = try runValidator(schema: schema.path, files: [try TestFiles.write(Array(broken.utf8), named: "bad.yaml", in: directory)])
        #expect(bad.status == 1)
        #expect(bad.output.contains("protocool"))
    }

    private func runValidator(schema: String, files: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestFiles.testsDirectory.appendingPathComponent("Support/validate_with_jsonschema.py").path,
                             schema] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
