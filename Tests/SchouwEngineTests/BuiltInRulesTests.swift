import Foundation
import SchouwEngine
import Testing

/// The built-in rule set is loaded once per process, possibly ahead of time on another thread:
/// whoever asks gets what compiling the embedded files gives.
@Suite struct BuiltInRulesTests {
    @Test func startedEarlyGivesTheSameSetAsCompilingTheEmbeddedFiles() {
        BuiltInRules.startLoading()
        let fresh = RuleLoader.load(files: RuleSources.builtIn())
        let cached = RuleLoader.load()
        #expect(cached.digest == fresh.digest)
        #expect(cached.rules.map(\.id) == fresh.rules.map(\.id))
        #expect(cached.rules.map(\.assert.source) == fresh.rules.map(\.assert.source))
        #expect(cached.referencedFields == fresh.referencedFields)
        #expect(cached.diagnostics.isEmpty && fresh.diagnostics.isEmpty)
    }

    @Test func callersOnSeveralThreadsShareOneResult() {
        let digests = Digests()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            if i % 2 == 0 { BuiltInRules.startLoading() }
            digests.add(BuiltInRules.load().digest)
        }
        #expect(digests.all.count == 8)
        #expect(Set(digests.all).count == 1)
    }

    @Test func aRulesDirectoryIsCompiledFromItsOwnFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-builtin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        id: LOCAL-001
        title: {nl: Lokale regel, en: Local rule}
        severity: low
        references: [{framework: bio2, ref: "5.12.01"}]
        for-each: project
        assert: "true"
        message: {nl: "Lokaal", en: "Local"}
        remediation: {nl: "Niets", en: "Nothing"}
        """.write(to: dir.appendingPathComponent("LOCAL-001.yaml"), atomically: false, encoding: .utf8)
        let withLocal = RuleLoader.load(rulesDirectory: dir.path)
        #expect(withLocal.diagnostics.isEmpty, "\(withLocal.rendered())")
        #expect(withLocal.rule("LOCAL-001") != nil)
        #expect(withLocal.rules.count == BuiltInRules.load().rules.count + 1)
        #expect(BuiltInRules.load().rule("LOCAL-001") == nil)
    }
}

private final class Digests: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ value: String) { lock.lock(); values.append(value); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return values }
}
