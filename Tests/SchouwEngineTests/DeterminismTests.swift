import Foundation
import SchouwEngine
import SchouwModel
import SchouwResult
import Testing

@Suite struct DeterminismTests {
    static let examples = ["passantentelling", "parkeren-anpr", "luchtkwaliteit"]

    func audit(_ d: Descriptor, path: String) -> AuditResult {
        Auditor.run(d, descriptorPath: path, rules: builtInRules,
                    settings: AuditSettings(failOn: .never, now: fixedNow, toolVersion: "test"))
    }

    func load(_ name: String) throws -> (Descriptor, String) {
        let path = packageRoot.appendingPathComponent("Examples/\(name).yaml").path
        let loaded = DescriptorLoader.load(path: path)
        return (try #require(loaded.descriptor, "\(loaded.rendered())"), path)
    }

    /// Every list of the descriptor reversed and rotated: the order in which a municipality happens to
    /// write things must not change a single byte of the result.
    static func reordered(_ d: Descriptor) -> Descriptor {
        func shuffle<T>(_ xs: [T]) -> [T] {
            guard xs.count > 1 else { return xs }
            let r = Array(xs.reversed())
            return Array(r[1...]) + [r[0]]
        }
        var x = d
        x.purposes = shuffle(d.purposes)
        x.parties = shuffle(d.parties.map { p in
            var p = p
            p.certifications = p.certifications.map(shuffle)
            if var agreement = p.processorAgreement {
                agreement.subProcessorsApproved = agreement.subProcessorsApproved.map(shuffle)
                p.processorAgreement = agreement
            }
            return p
        })
        x.zones = shuffle(d.zones)
        x.data = shuffle(d.data.map { a in
            var a = a
            a.categories = shuffle(a.categories)
            a.subjects = a.subjects.map(shuffle)
            a.derivedFrom = shuffle(a.derivedFrom)
            return a
        })
        x.systems = shuffle(d.systems.map { s in
            var s = s
            s.collects = shuffle(s.collects)
            s.stores = shuffle(s.stores)
            s.endpoints = shuffle(s.endpoints)
            if var sensor = s.sensor {
                sensor.senses = sensor.senses.map(shuffle)
                s.sensor = sensor
            }
            return s
        })
        x.flows = shuffle(d.flows.map { f in
            var f = f
            f.data = shuffle(f.data)
            return f
        })
        x.waivers = shuffle(d.waivers)
        return x
    }

    @Test(arguments: examples)
    func reorderingEveryListGivesByteIdenticalJSON(_ name: String) throws {
        let (d, path) = try load(name)
        let original = ResultJSONWriter.encode(audit(d, path: path))
        let shuffled = ResultJSONWriter.encode(audit(Self.reordered(d), path: path))
        #expect(original == shuffled)
    }

    @Test(arguments: examples)
    func fastWriterMatchesJSONEncoderByteForByte(_ name: String) throws {
        let (d, path) = try load(name)
        var result = audit(d, path: path)
        // Exercise the optional parts too: a waiver (valid and expired), a note, odd characters.
        if let i = result.outcomes.firstIndex(where: { $0.status == .fail }) {
            result.outcomes[i].waiver = AppliedWaiver(finding: result.outcomes[i].finding, reason: "r \"q\" / \\ \n\t\u{1}é",
                                                      approvedBy: "CISO", expires: "2026-06-30", ticket: nil, expired: true,
                                                      location: Location(file: "w.yaml", line: 1, column: 3))
            result.outcomes[i].baseline = true
        }
        result.waiverNotes.append(WaiverNote(kind: "stale", finding: "X-001@party:*", message: "m", location: nil))
        #expect(ResultJSONWriter.encode(result) == [UInt8](try CanonicalJSON.encode(result)))
    }

    /// The engine leaves out derived facts no rule reads; the outcomes must be exactly those of a full build.
    @Test(arguments: examples)
    func leavingOutUnreadFactsChangesNoOutcome(_ name: String) throws {
        let (d, _) = try load(name)
        let full = RuleEvaluator(descriptor: d, taxonomy: builtInRules.taxonomy, now: fixedNow)
        let lean = RuleEvaluator(descriptor: d, taxonomy: builtInRules.taxonomy, now: fixedNow,
                                 fields: builtInRules.referencedFields)
        #expect(full.evaluate(builtInRules.rules, lang: .en) == lean.evaluate(builtInRules.rules, lang: .en))
        #expect(builtInRules.referencedFields.contains("personal"))
        #expect(!builtInRules.referencedFields.contains("reaches"))
    }

    @Test func sameAuditTwiceGivesTheSameBytes() throws {
        let (d, path) = try load("passantentelling")
        #expect(ResultJSONWriter.encode(audit(d, path: path)) == ResultJSONWriter.encode(audit(d, path: path)))
    }
}
