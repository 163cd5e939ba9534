import Foundation
import SchouwEngine
import SchouwModel
import SchouwResult
import Testing

/// The descriptor's digest in a result is computed when an output reads it, and is then the
/// SHA-256 of the file as read.
@Suite struct DescriptorDigestTests {
    @Test func digestIsComputedWhenReadAndMatchesTheFile() throws {
        let path = packageRoot.appendingPathComponent("Examples/passantentelling.yaml").path
        let loaded = DescriptorLoader.load(path: path)
        let descriptor = try #require(loaded.descriptor, "\(loaded.rendered())")
        let result = Auditor.run(descriptor, descriptorPath: path, rules: builtInRules,
                                 settings: AuditSettings(failOn: .never, now: fixedNow, toolVersion: "test"))
        let expected = SHA256Digest.hex(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(result.descriptor.sha256 == expected)
        #expect(result.descriptor.files.map(\.sha256) == [expected])

        let json = try JSONEncoder().encode(result.descriptor)
        let decoded = try JSONDecoder().decode(AuditResult.DescriptorRef.self, from: json)
        #expect(decoded == result.descriptor)
        #expect(String(decoding: json, as: UTF8.self).contains("\"sha256\":\"\(expected)\""))
    }

    @Test func aDeferredDigestIsNotComputedUntilRead() {
        let calls = Counter()
        var ref = AuditResult.DescriptorRef(path: "p.yaml", sha256: { calls.add(); return "ab" },
                                            files: [.init(path: "p.yaml", sha256: { calls.add(); return "ab" })])
        #expect(calls.value == 0)
        #expect(ref.sha256 == "ab" && ref.files[0].sha256 == "ab")
        #expect(calls.value == 2)
        ref.sha256 = "cd"
        #expect(ref.sha256 == "cd" && calls.value == 2)
        #expect(ref != AuditResult.DescriptorRef(path: "p.yaml", sha256: "ab", files: ref.files))
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }
}
