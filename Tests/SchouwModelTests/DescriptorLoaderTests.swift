import Foundation
import Testing
@testable import SchouwModel

@Suite struct DescriptorLoaderTests {
    private func load(_ text: String) -> LoadResult { DescriptorLoader.load(text: text, path: "project.yaml") }

    private func messages(_ result: LoadResult) -> [String] { result.diagnostics.map(\.message) }

    @Test func specExampleLoadsIntoTheModel() throws {
        let result = load(specExample)
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let d = try #require(result.descriptor)
        #expect(d.project.id == "binnenstad-passanten")
        #expect(d.project.publicAuthority == true)          // default
        #expect(d.project.bio == .bio2)                       // default
        #expect(d.project.phase == .production)
        #expect(d.project.classification?.availability == .low)
        #expect(d.project.dpia?.date == ISODate(year: 2025, month: 10, day: 1))
        #expect(d.project.registers?.algorithm == .notApplicable)
        #expect(d.project.registers?.processing == .yes)
        #expect(d.parties.map(\.id) == ["gemeente", "telbedrijf", "cloudco"])
        let cloud = d.parties[2]
        #expect(cloud.country == "NO")                        // Norway, not false
        #expect(cloud.transfer?.mechanism == .dpf)
        #expect(cloud.processorFor == "telbedrijf")
        #expect(d.parties[1].processorAgreement?.subProcessorsApproved == ["cloudco"])
        #expect(d.parties[1].contract?.incidentNotification?.hours == 24)
        #expect(d.data[1].pseudonymisation?.method == .hmacSHA256)
        #expect(d.data[1].retention?.totalSeconds == 86_400)
        #expect(d.data[0].retention?.totalSeconds == 0)
        #expect(d.data[1].volume == 100_000)
        #expect(d.systems[0].sensor?.senses == [.wifi])
        #expect(d.systems[0].security?.lastPentest == ISODate(year: 2025, month: 6, day: 1))
        #expect(d.systems[1].endpoints.first?.tls == ["1.2", "1.3"])
        #expect(d.flows[0].protocol_ == .mqtts)
        #expect(d.flows[0].encryption == .tls13)
        #expect(d.zones[1].parent == "straat")
        #expect(d.files.map(\.path) == ["project.yaml"])
    }

    @Test func absentFactsStayUnknown() throws {
        let d = try #require(load(specExample).descriptor)
        // Not written: nil (unknown), never false.
        #expect(d.flows[0].authentication == nil)
        #expect(d.flows[0].network == nil)
        #expect(d.systems[0].internetFacing == nil)
        #expect(d.systems[0].sensor?.signage == nil)
        #expect(d.systems[0].security?.adminMFA == nil)
        #expect(d.parties[0].transfer == nil)
        #expect(d.project.dpia?.priorConsultation == nil)
        #expect(d.purposes[0].specialCategoryException == nil)   // explicit null
        #expect(d.data[1].pseudonymisation?.perSensorKey == nil)
        #expect(d.zones[1].trust == nil)
    }

    @Test func marksPointAtFieldsByKeyPath() throws {
        let d = try #require(load(specExample).descriptor)
        let cloud = d.parties[2]
        #expect(cloud.marks.object.line == 24)
        #expect(cloud.marks["transfer.tia"] == SourceMark(file: "project.yaml", line: 29, column: 37))
        #expect(cloud.marks.mark(of: "transfer")?.line == 29)
        #expect(cloud.marks.mark(of: "contract") == nil)
        #expect(cloud.marks["contract"] == cloud.marks.object)
        let flow = d.flows[0]
        #expect(flow.marks["data[0]"].line == flow.marks["data"].line)
        #expect(flow.marks.fields["to"]?.line == flow.marks["from"].line + 1)
        #expect(flow.marks.sourcePath == "flows[0]")
    }

    @Test func releasingSourceNodesKeepsObjectMarksAndFreesTheYAML() throws {
        var d = try #require(load(specExample).descriptor)
        let cloud = d.parties[2].marks.object, flow = d.flows[0].marks.object
        weak let document = d.flows[0].marks.yamlDocument
        #expect(document != nil)
        d.releaseSourceNodes()
        #expect(d.parties[2].marks.object == cloud)
        #expect(d.flows[0].marks.object == flow)
        // Field marks fall back to the object's mark, and nothing holds the parsed YAML any more.
        #expect(d.parties[2].marks["transfer.tia"] == cloud)
        #expect(d.flows[0].marks.sourcePath == nil)
        #expect(document == nil)
    }

    /// What `releaseSourceNodes` hands back holds the parsed YAML until it is dropped, so a caller
    /// can have it freed on another thread.
    @Test func releasedSourcesHoldTheYAMLUntilDropped() throws {
        var d = try #require(load(specExample).descriptor)
        weak let document = d.flows[0].marks.yamlDocument
        var released: ReleasedSources? = d.releaseSourceNodes()
        #expect(document != nil)
        #expect(d.flows[0].marks.sourcePath == nil)
        #expect(released != nil)
        released = nil
        #expect(document == nil)
    }

    @Test func explicitMarksTakePrecedence() {
        let mark = SourceMark(file: "x.yaml", line: 3, column: 4)
        let marks = Marks(object: mark, fields: ["retention": SourceMark(file: "x.yaml", line: 5, column: 6)])
        #expect(marks["retention"].line == 5)
        #expect(marks["other"] == mark)
    }

    @Test func unknownKeySuggestsTheClosestKey() {
        let result = load(specExample.replacingOccurrences(of: "    legal-basis: public-task", with: "    legal-bassis: public-task"))
        let error = result.diagnostics.first { $0.message.contains("unknown key") }
        #expect(error?.message == "unknown key `legal-bassis` in purpose")
        #expect(error?.hint == "did you mean `legal-basis`?")
        #expect(error?.yamlPath == "purposes[0].legal-bassis")
        #expect(error?.mark?.line == 12 && error?.mark?.column == 5)
    }

    @Test func snakeCaseKeysGetAKebabCaseHint() {
        let result = load(specExample.replacingOccurrences(of: "processor-for:", with: "processor_for:"))
        #expect(result.diagnostics.first?.hint == "keys are kebab-case: did you mean `processor-for`?")
    }

    @Test func enumValueOutsideTheListNamesTheAllowedValues() {
        let result = load(specExample.replacingOccurrences(of: "form: identified", with: "form: identifed"))
        let error = result.diagnostics.first
        #expect(error?.message == "`identifed` is not a valid value for `form`")
        #expect(error?.hint == "did you mean `identified`? allowed: identified, pseudonymised, aggregated, anonymous")
    }

    @Test func danglingReferenceSuggestsAnExistingId() {
        let result = load(specExample.replacingOccurrences(of: "to: telplatform", with: "to: telplatfrom"))
        let error = result.diagnostics.first
        #expect(error?.message == "unknown system `telplatfrom`: no system has this id")
        #expect(error?.hint == "did you mean `telplatform`?")
        #expect(error?.yamlPath == "flows[0].to")
    }

    @Test func everyReferenceFieldIsResolved() {
        var text = specExample
        for (old, new) in [("purpose: crowd-management", "purpose: crowd"), ("zone: cloud-eu", "zone: nowhere"),
                           ("operator: gemeente", "operator: nobody"), ("collects: [wifi-raw]", "collects: [raw]"),
                           ("derived-from: [wifi-raw]", "derived-from: [missing]"), ("parent: straat", "parent: plein"),
                           ("processor-for: telbedrijf", "processor-for: telco"),
                           ("sub-processors-approved: [cloudco]", "sub-processors-approved: [cloud]"),
                           ("data: [wifi-hash]", "data: [hash]"), ("stores: [wifi-hash]", "stores: [wifi-hsh]")] {
            text = text.replacingOccurrences(of: old, with: new)
        }
        text = text.replacingOccurrences(of: "    special-category-exception: null\n", with: "    further-processing-of: crowd-managment\n")
        let result = load(text)
        let unknown = result.diagnostics.filter { $0.message.hasPrefix("unknown ") && $0.message.contains("has this id") }
        #expect(unknown.count == 11, "\(result.rendered())")
        #expect(result.diagnostics.contains { $0.hint == "did you mean `wifi-hash`?" })
    }

    @Test func duplicateIdsPointAtBoth() {
        let result = load(specExample.replacingOccurrences(of: "  - id: cloudco\n", with: "  - id: telbedrijf\n"))
        let error = result.diagnostics.first { $0.message.hasPrefix("duplicate") }
        #expect(error?.message == "duplicate party id `telbedrijf`; it is already defined at line 19")
        #expect(error?.mark?.line == 24)
    }

    @Test func badSlugsDurationsDatesAndCountries() {
        var text = specExample
        text = text.replacingOccurrences(of: "id: wifi-sensor", with: "id: Wifi_Sensor")
        text = text.replacingOccurrences(of: "retention: P1D", with: "retention: 1 dag")
        text = text.replacingOccurrences(of: "last-pentest: 2025-06-01", with: "last-pentest: 01-06-2025")
        text = text.replacingOccurrences(of: "country: IE", with: "country: ie")
        text = text.replacingOccurrences(of: "headquarters: US", with: "headquarters: UK")
        let result = load(text)
        let byMessage = Dictionary(result.diagnostics.map { ($0.message, $0.hint ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(byMessage["`Wifi_Sensor` is not a valid id"]?.contains("`wifi-sensor`") == true)
        #expect(byMessage["`1 dag` is not an ISO 8601 duration"] == "write `P1D`")
        #expect(byMessage["`01-06-2025` is not a valid date"] != nil)
        #expect(byMessage["`ie` is not an ISO 3166-1 alpha-2 country code"] == "country codes are written in capitals: `IE`")
        #expect(byMessage["`UK` is not an ISO 3166-1 alpha-2 country code"] == "`UK` is not an ISO 3166-1 code; use `GB`")
        // The flow still refers to wifi-sensor, which now does not exist.
        #expect(byMessage["unknown system `wifi-sensor`: no system has this id"] != nil)
    }

    @Test func wrongTypesAreExplained() {
        var text = specExample
        text = text.replacingOccurrences(of: "edge-processing: true", with: "edge-processing: yes")
        text = text.replacingOccurrences(of: "volume: 100000", with: "volume: \"veel\"")
        text = text.replacingOccurrences(of: "collects: [wifi-raw]", with: "collects: wifi-raw")
        text = text.replacingOccurrences(of: "  registers: {processing: true, algorithm: not-applicable, sensors: true}", with: "  registers: [true]")
        let result = load(text)
        let list = messages(result)
        #expect(list.contains("`edge-processing` must be `true` or `false`, found the string `yes`"))
        #expect(result.diagnostics.contains { $0.hint == "YAML 1.2 reads `yes` as a string; write `true`" })
        #expect(list.contains("`volume` must be an integer, found the string `veel`"))
        #expect(list.contains("`collects` must be a list of data ids, found the string `wifi-raw`"))
        #expect(list.contains("`registers` must be a mapping (registers), found a list"))
    }

    @Test func missingRequiredKeys() {
        let text = specExample.replacingOccurrences(of: "    from: wifi-sensor\n", with: "")
            .replacingOccurrences(of: "  name: Passantentelling binnenstad\n", with: "")
        let result = load(text)
        #expect(messages(result).contains("missing required key `from` in flow"))
        #expect(messages(result).contains("missing required key `name` in project"))
        let noProject = load("schouw: 1\n")
        #expect(messages(noProject).contains("missing required key `project` in descriptor"))
        let noVersion = load(specExample.replacingOccurrences(of: "schouw: 1\n", with: ""))
        #expect(messages(noVersion).contains("missing required key `schouw` in descriptor"))
        let wrongVersion = load(specExample.replacingOccurrences(of: "schouw: 1\n", with: "schouw: 2\n"))
        #expect(messages(wrongVersion).contains("`2` is not a valid value for `schouw`"))
    }

    @Test func derivedFromAndZoneCyclesAreErrors() {
        var text = specExample.replacingOccurrences(of: "  - id: wifi-raw\n", with: "  - id: wifi-raw\n    derived-from: [wifi-hash]\n")
        text = text.replacingOccurrences(of: "    operator: gemeente\n    country: NL\n  - id: cloud-eu", with: "    operator: gemeente\n    country: NL\n    parent: cloud-eu\n  - id: cloud-eu")
        let result = load(text)
        #expect(messages(result).contains("`derived-from` forms a cycle: wifi-raw -> wifi-hash -> wifi-raw"))
        #expect(messages(result).contains("zone nesting forms a cycle: straat -> cloud-eu -> straat"))
        let selfParent = load(specExample.replacingOccurrences(of: "parent: straat", with: "parent: cloud-eu"))
        #expect(messages(selfParent).contains("zone nesting forms a cycle: cloud-eu -> cloud-eu"))
    }

    @Test func duplicateKeysAreErrors() {
        let result = load(specExample.replacingOccurrences(of: "    protocol: mqtts\n", with: "    protocol: mqtts\n    protocol: https\n"))
        #expect(messages(result).contains("duplicate key `protocol`; it already appears at line 73"))
    }

    @Test func includesMergeSectionsAndResolveAcrossFiles() throws {
        let result = DescriptorLoader.load(path: TestFiles.fixture("includes/main.yaml"))
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let d = try #require(result.descriptor)
        #expect(d.parties.map(\.id) == ["gemeente"])
        #expect(d.systems.map(\.id) == ["sensor", "platform"])
        #expect(d.files.count == 3)
        #expect(d.systems[0].marks.object.file.hasSuffix("includes/parts/systems.yaml"))
        #expect(d.systems[0].marks.object.line == 2)
    }

    @Test func includeProblemsAreLocated() throws {
        let directory = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let main = try TestFiles.write(Array((specExample + "\ninclude: [a.yaml, missing.yaml]\n").utf8), named: "main.yaml", in: directory)
        _ = try TestFiles.write(Array("include: [b.yaml]\nparties:\n  - id: gemeente\n".utf8), named: "a.yaml", in: directory)
        _ = try TestFiles.write(Array("include: [a.yaml]\n".utf8), named: "b.yaml", in: directory)
        let result = DescriptorLoader.load(path: main)
        let list = messages(result)
        #expect(list.contains("include cycle: a.yaml -> b.yaml -> a.yaml"))
        #expect(list.contains("cannot include `missing.yaml`: no such file"))
        let duplicate = try #require(result.diagnostics.first { $0.message.hasPrefix("duplicate party id `gemeente`") })
        #expect(duplicate.mark?.file.hasSuffix("a.yaml") == true)
        #expect(duplicate.message.contains("main.yaml:16:9"))
    }

    @Test func decodesADescriptorEmbeddedInAnotherFile() throws {
        let indented = specExample.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
        let (document, diagnostics) = YAMLParser.parse(text: "cases:\n  - descriptor:\n" + indented + "\n", path: "rule.tests.yaml")
        #expect(diagnostics.isEmpty)
        let node = try #require(document?.root?["cases"]?.items.first?["descriptor"])
        let result = DescriptorLoader.decode(node: node)
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let d = try #require(result.descriptor)
        #expect(d.flows.first?.marks.object.file == "rule.tests.yaml")
        #expect(d.flows.first?.marks.object.line == 68 + 2)
        #expect(d.flows.first?.marks.sourcePath == "cases[0].descriptor.flows[0]")
    }

    @Test func examplesAreValid() throws {
        for name in ["passantentelling.yaml", "parkeren-anpr.yaml", "luchtkwaliteit.yaml"] {
            let result = DescriptorLoader.load(path: TestFiles.example(name))
            #expect(result.diagnostics.isEmpty, "\(name): \(result.rendered())")
            let d = try #require(result.descriptor)
            #expect(d.systems.count >= 5 && d.flows.count >= 4 && d.parties.count >= 4)
        }
    }

    @Test func starterTemplatesAreValid() {
        for template in StarterTemplates.all {
            let result = DescriptorLoader.load(text: template.text, path: template.name + ".yaml")
            #expect(result.descriptor != nil, "\(template.name): \(result.rendered())")
            #expect(result.diagnostics.isEmpty)
        }
    }

    @Test func sourceFilesCarryTheirDigest() throws {
        let d = try #require(load("schouw: 1\nproject: {id: a, name: b}\n").descriptor)
        #expect(d.files[0].sha256 == SHA256Digest.hex(Array("schouw: 1\nproject: {id: a, name: b}\n".utf8)))
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
