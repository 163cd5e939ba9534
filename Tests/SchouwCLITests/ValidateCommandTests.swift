import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test(arguments: ["passantentelling.yaml", "parkeren-anpr.yaml", "luchtkwaliteit.yaml"])
    func examplesAreValid(_ name: String) throws {
        let run = try CLI.run(["validate", "Examples/" + name])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("ok: Examples/\(name) ("))
        #expect(run.stdout.contains(" systems, "))
        #expect(run.stderr.isEmpty)
    }

    @Test func descriptorWithManyMistakesExitsTwoWithEveryError() throws {
        let run = try CLI.run(["validate", "Tests/SchouwModelTests/Fixtures/ten-mistakes/project.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let headers = run.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(headers.count == 12)
        #expect(run.stderr.contains("error: Tests/SchouwModelTests/Fixtures/ten-mistakes/project.yaml:43:9: unknown system `platfrom`"))
        #expect(run.stderr.contains("hint: did you mean `platform`?"))
        #expect(run.stderr.contains("error: Tests/SchouwModelTests/Fixtures/ten-mistakes/extra.yaml:5:12: YAML syntax error: the `[` opened here is not closed"))
        #expect(run.stderr.hasSuffix("12 errors\n"))
    }

    /// Data categories and subjects are the taxonomy's keys: an unknown one would carry no flags, and
    /// camera images written as `persoonsgegevens` would count as non-personal data.
    @Test func unknownDataCategoriesAndSubjectsAreErrorsUnlessTheTaxonomyIsExtended() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-vocabulary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rules/taxonomy"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let descriptor = dir.appendingPathComponent("project.yaml").path
        try """
        schouw: 1
        project: {id: p, name: P}
        data:
          - {id: beelden, categories: [personal.image, persoonsgegevens], subjects: [bestuurders, passers-by]}
          - {id: mac, categories: [personal.device.mack]}
        """.write(toFile: descriptor, atomically: true, encoding: .utf8)
        let run = try CLI.run(["validate", descriptor])
        #expect(run.status == 2)
        #expect(run.stderr.contains("project.yaml:4:48: unknown data category `persoonsgegevens`"), "\(run.stderr)")
        #expect(run.stderr.contains("project.yaml:4:78: unknown data subject `bestuurders`"), "\(run.stderr)")
        #expect(run.stderr.contains("project.yaml:5:28: unknown data category `personal.device.mack`"), "\(run.stderr)")
        #expect(run.stderr.contains("hint: did you mean `personal.device.mac`?"))
        #expect(run.stderr.contains("`schouw rules taxonomy` lists the known ones"))
        #expect(run.stderr.hasSuffix("3 errors\n"))
        #expect(try CLI.run(["audit", descriptor]).status == 2, "the audit refuses it too")

        // A municipality's own categories and subjects, added with --rules DIR/taxonomy/.
        try """
        categories:
          - key: persoonsgegevens
            flags: [personal]
            name: {nl: Persoonsgegevens (eigen), en: Personal data (own)}
        """.write(toFile: dir.appendingPathComponent("rules/taxonomy/categories.yaml").path, atomically: true, encoding: .utf8)
        try """
        subjects:
          - key: bestuurders
            name: {nl: Bestuurders, en: Drivers (own)}
        """.write(toFile: dir.appendingPathComponent("rules/taxonomy/subjects.yaml").path, atomically: true, encoding: .utf8)
        let rules = dir.appendingPathComponent("rules").path
        let extended = try CLI.run(["validate", descriptor, "--rules", rules])
        #expect(extended.status == 2)
        #expect(extended.stderr.hasSuffix("1 error\n") && extended.stderr.contains("personal.device.mack"), "\(extended.stderr)")
        let listed = try CLI.run(["rules", "taxonomy", "--rules", rules, "--lang", "en"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("persoonsgegevens") && listed.stdout.contains("[personal]"))
        #expect(listed.stdout.contains("personal.device.mac ") && listed.stdout.contains("bestuurders"))
    }

    @Test func severalFilesAreCheckedInOneRun() throws {
        let run = try CLI.run(["validate", "Examples/luchtkwaliteit.yaml", "does-not-exist.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("ok: Examples/luchtkwaliteit.yaml"))
        #expect(run.stderr.contains("error: cannot read `does-not-exist.yaml`: no such file"))
    }

    /// Standard input is read as /dev/stdin, and `-` says so instead of only "check the path".
    @Test func standardInputIsNamedDevStdin() throws {
        let text = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Examples/luchtkwaliteit.yaml"))
        let piped = try CLI.run(["validate", "/dev/stdin"], stdin: text)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("ok: /dev/stdin ("))
        let dash = try CLI.run(["audit", "-"], stdin: text)
        #expect(dash.status == 2)
        #expect(dash.stderr.contains("hint: to read standard input, name it /dev/stdin"), "\(dash.stderr)")
    }

    @Test func hostileFilesDoNotCrash() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-cli-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files: [(String, [UInt8])] = [
            ("empty.yaml", []),
            ("deep.yaml", Array(("a: " + String(repeating: "[", count: 5000)).utf8)),
            ("latin1.yaml", Array("schouw: 1\nproject: {name: Caf".utf8) + [0xE9, 0x7D, 0x0A]),
            ("utf16.yaml", [0xFF, 0xFE, 0x73, 0x00, 0x3A, 0x00]),
        ]
        for (name, bytes) in files {
            let path = directory.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let run = try CLI.run(["validate", path])
            #expect(run.status == 2, "\(name)")
            #expect(run.stderr.hasPrefix("error: \(path):"), "\(name): \(run.stderr)")
        }
    }

    @Test func missingArgumentIsAUsageError() throws {
        let run = try CLI.run(["validate"])
        #expect(run.status == 2)
    }
}
