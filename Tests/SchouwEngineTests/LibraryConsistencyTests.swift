import Foundation
import SchouwEngine
import Testing

@Suite struct LibraryConsistencyTests {
    /// The binary carries a copy of Rules/; it must match the files in the repository.
    @Test func embeddedRulesMatchTheRulesFolder() throws {
        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("embed-resources")
        process.arguments = ["--check"]
        process.currentDirectoryURL = packageRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0,
                "the embedded rules or templates are stale: run `swift run embed-resources` and commit the result\n\(message)")
    }

    @Test func builtInRulesLoadWithoutErrors() {
        #expect(!builtInRules.hasErrors, "\(builtInRules.rendered())")
        #expect(!builtInRules.rules.isEmpty)
    }

    /// `schouw explain` shows what a derived fact was computed from: each input path must be a
    /// field the rules can read (it compiles).
    @Test func derivedFactInputsNameRealFields() throws {
        let environment = RuleEnvironment.make(countries: builtInRules.taxonomy.countries)
        var listed = 0
        for (type, facts) in DerivedFactCatalog.facts {
            guard let kind = SubjectKind.allCases.first(where: { $0.celType == type }) else { continue }
            let env = environment.forSubject(kind)
            for fact in facts {
                for path in fact.inputs {
                    listed += 1
                    #expect(throws: Never.self, "\(type).\(fact.name): \(kind.variable).\(path) does not compile") {
                        _ = try env.compile("has(\(kind.variable).\(path))")
                    }
                }
            }
        }
        #expect(listed > 0)
    }

    /// Rules/README.md documents every derived fact with its type; the engine's catalogue is the truth.
    @Test func ruleAuthorGuideListsEveryDerivedFact() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("Rules/README.md"), encoding: .utf8)
        var documented: [String: [String: String]] = [:]
        var section: String?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { section = nil; continue }
            if line.hasPrefix("**"), line.hasSuffix("**") || line.contains("** (") {
                let name = line.dropFirst(2).prefix { $0 != "*" }
                section = "schouw." + (name == "asset" ? "Asset" : name.prefix(1).uppercased() + name.dropFirst())
                continue
            }
            guard let section, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let type = cells[1]
            for name in cells[0].split(separator: ",") {
                let fact = name.trimmingCharacters(in: CharacterSet(charactersIn: " `"))
                documented[section, default: [:]][fact] = type
            }
        }
        for (type, facts) in DerivedFactCatalog.facts {
            for fact in facts {
                let doc = documented[type]?[fact.name]
                #expect(doc != nil, "Rules/README.md does not document \(type).\(fact.name)")
                if let doc { #expect(doc == fact.type.description, "Rules/README.md gives \(type).\(fact.name) type \(doc), the engine \(fact.type)") }
            }
            for name in (documented[type] ?? [:]).keys {
                #expect(facts.contains { $0.name == name }, "Rules/README.md documents \(type).\(name), which the engine does not compute")
            }
        }
    }
}
