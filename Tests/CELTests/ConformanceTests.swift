import CEL
import Foundation
import Testing

/// Runs Google's cel-spec conformance cases and compares the failures with the checked-in list
/// `Fixtures/conformance-known-failures.txt`. Regenerate it with
/// `SCHOUW_UPDATE_GOLDEN=1 swift test --filter ConformanceTests`.
@Suite struct ConformanceTests {
    @Test(.enabled(if: SharedDirectory.usable, "../shared is not beside the package")) func conformanceCases() throws {
        guard FileManager.default.fileExists(atPath: Conformance.casesURL.path) else {
            Issue.record("CEL conformance data not found at \(Conformance.casesURL.path); it is expected in ../shared/tools/cel-conformance/ next to the package")
            return
        }
        let cases = try Conformance.loadCases()
        var failures: [String: String] = [:]
        var coreTotal = 0, corePassed = 0, extTotal = 0, extPassed = 0
        for testCase in cases {
            let isCore = Conformance.coreFiles.contains(testCase.file)
            let isStringExt = testCase.file == "string_ext"
            // Other implemented extensions are held to the known-failures list without a figure of their own.
            let isOtherExtension = Conformance.otherExtensionFiles.contains(testCase.file)
            guard isCore || isStringExt || isOtherExtension else { continue }
            let failure = Conformance.run(testCase)
            if isCore { coreTotal += 1 } else if isStringExt { extTotal += 1 }
            if let failure {
                failures[testCase.key] = failure.replacingOccurrences(of: "\n", with: " ")
            } else if isCore {
                corePassed += 1
            } else if isStringExt {
                extPassed += 1
            }
        }
        print("cel-conformance: \(corePassed)/\(coreTotal)")
        print("cel-conformance string_ext: \(extPassed)/\(extTotal)")

        let lines = failures.keys.sorted().map { "\($0): \(failures[$0] ?? "")" }
        if ProcessInfo.processInfo.environment["SCHOUW_UPDATE_GOLDEN"] == "1" {
            let header = "# cel-spec conformance cases that fail, one `file/section/name: reason` per line.\n"
                + "# Regenerate: SCHOUW_UPDATE_GOLDEN=1 swift test --filter ConformanceTests\n"
            try (header + lines.map { $0 + "\n" }.joined()).write(to: Conformance.knownFailuresURL, atomically: false, encoding: .utf8)
            return
        }
        let known = (try? String(contentsOf: Conformance.knownFailuresURL, encoding: .utf8)) ?? ""
        var knownKeys = Set<String>()
        for line in known.split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
            if let colon = line.range(of: ": ") { knownKeys.insert(String(line[..<colon.lowerBound])) }
        }
        let newFailures = failures.keys.filter { !knownKeys.contains($0) }.sorted()
        let nowPassing = knownKeys.filter { failures[$0] == nil }.sorted()
        for key in newFailures {
            Issue.record("conformance case \(key) fails: \(failures[key] ?? "")")
        }
        for key in nowPassing {
            Issue.record("conformance case \(key) is listed as a known failure but passes now; remove it from the list")
        }
        if !newFailures.isEmpty || !nowPassing.isEmpty {
            Issue.record("update the list with: SCHOUW_UPDATE_GOLDEN=1 swift test --filter ConformanceTests")
        }
        #expect(Double(corePassed) >= 0.97 * Double(coreTotal), "core conformance below 97%")
    }
}
