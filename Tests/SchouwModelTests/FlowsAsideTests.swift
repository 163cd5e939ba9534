import Foundation
import Testing
@testable import SchouwModel

/// A large flows section is decoded on two cores; the result and every message must be those of
/// decoding it in one pass. Each case loads the same file both ways (a threshold of 1 splits even
/// these small files) and compares everything the loader returns.
@Suite struct FlowsAsideTests {
    private static let header = """
        schouw: 1
        project: {id: p, name: P, organisation: Gemeente Voorbeeld, phase: production}
        purposes:
          - {id: doel, legal-basis: public-task}
        parties:
          - {id: gemeente, role: controller, country: NL}
        zones:
          - {id: straat, kind: public-space, trust: untrusted, country: NL}
        data:
          - {id: telling, categories: [non-personal.statistics]}
        systems:
          - {id: s0, kind: sensor, zone: straat, operator: gemeente}
          - {id: s1, kind: platform, operator: gemeente}

        """

    /// `count` flows; `edits` replaces text in the flows at its positions.
    private static func flows(_ count: Int, edits: [Int: (String, String)] = [:]) -> String {
        "flows:\n" + (0..<count).map { i in
            let line = "  - {id: f\(i), from: s0, to: s1, data: [telling], purpose: doel, encryption: tls1.3}\n"
            return edits[i].map { line.replacingOccurrences(of: $0.0, with: $0.1) } ?? line
        }.joined()
    }

    /// The line of the first flow.
    private static let firstFlowLine = header.split(separator: "\n").count + 2

    /// Loads `text` in one pass and split at every other flow count, and checks they agree.
    private func expectSameBothWays(_ text: String) throws -> LoadResult {
        let directory = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestFiles.write(Array(text.utf8), named: "groot.yaml", in: directory)
        let whole = DescriptorLoader.load(path: path, flowsAsideThreshold: .max)
        let split = DescriptorLoader.load(path: path, flowsAsideThreshold: 1)
        #expect(String(describing: split.diagnostics) == String(describing: whole.diagnostics))
        #expect(String(describing: split.descriptor) == String(describing: whole.descriptor))
        return split
    }

    @Test func validFlowsDecodeTheSameOnTwoCores() throws {
        let result = try expectSameBothWays(Self.header + Self.flows(300))
        let descriptor = try #require(result.descriptor)
        #expect(descriptor.flows.map(\.id) == (0..<300).map { "f\($0)" })
        #expect(descriptor.flows.last?.marks.object.line == Self.firstFlowLine + 299)
    }

    @Test func aDuplicateIdAcrossTheSplitIsReportedAsInOnePass() throws {
        let result = try expectSameBothWays(Self.header + Self.flows(300, edits: [290: ("id: f290", "id: f3")]))
        #expect(result.diagnostics.map(\.message).contains("duplicate flow id `f3`; it is already defined at line 18"))
    }

    @Test func errorsInTheSecondPartAreReportedAsInOnePass() throws {
        let result = try expectSameBothWays(Self.header + Self.flows(300, edits: [
            250: ("to: s1", "to: s9"),
            280: ("encryption: tls1.3", "encryption: rot13"),
        ]))
        #expect(result.descriptor == nil)
        #expect(result.diagnostics.count == 2)
    }

    @Test func referencesFromBothPartsAreResolved() throws {
        let result = try expectSameBothWays(Self.header + Self.flows(300, edits: [299: ("from: s0", "from: s7")]))
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "unknown system `s7`: no system has this id")
        #expect(error.mark?.line == Self.firstFlowLine + 299)
    }

    /// 5,000 flows make 10,000 system references: enough for references to be looked up on every
    /// core. Each unknown one is reported, wherever it falls among the lookups.
    @Test func unknownReferencesAmongThousandsAreEachReported() throws {
        let result = try expectSameBothWays(Self.header + Self.flows(5_000, edits: [
            0: ("to: s1", "to: s7"), 2_501: ("to: s1", "to: s8"), 4_999: ("to: s1", "to: s9"),
        ]))
        #expect(result.descriptor == nil)
        #expect(result.diagnostics.map(\.message) == ["s7", "s8", "s9"].map { "unknown system `\($0)`: no system has this id" })
        #expect(result.diagnostics.map { $0.mark?.line } == [0, 2_501, 4_999].map { Self.firstFlowLine + $0 })
    }

    /// 5,000 flows are decoded in 64 chunks, the second core taking them from the end: a duplicate
    /// in the last flow stops taking over its chunks there, and from that chunk on the flows are
    /// decoded again; everything before stays. The result must still be that of one pass.
    @Test func aDuplicateInTheLastChunkIsReportedAsInOnePass() throws {
        let result = try expectSameBothWays(Self.header + Self.flows(5_000, edits: [4_999: ("id: f4999", "id: f3")]))
        #expect(result.diagnostics.map(\.message) == ["duplicate flow id `f3`; it is already defined at line \(Self.firstFlowLine + 3)"])
        #expect(result.diagnostics.first?.mark?.line == Self.firstFlowLine + 4_999)
    }
}
