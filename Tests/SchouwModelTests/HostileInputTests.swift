import Foundation
import Testing
@testable import SchouwModel

/// Hostile input never crashes: every case ends in a clear, located error.
@Suite struct HostileInputTests {
    private func load(bytes: [UInt8], name: String = "hostile.yaml") throws -> LoadResult {
        let directory = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TestFiles.write(bytes, named: name, in: directory)
        return DescriptorLoader.load(path: path)
    }

    @Test func emptyFile() throws {
        let result = try load(bytes: [])
        #expect(result.descriptor == nil)
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "the file is empty")
        #expect(error.mark?.line == 1 && error.mark?.column == 1)
        #expect(error.hint?.contains("schouw init") == true)
    }

    @Test func whitespaceAndCommentsOnly() throws {
        let result = try load(bytes: Array("\n\n# niets\n   \n".utf8))
        #expect(result.diagnostics.map(\.message) == ["the file is empty"])
    }

    @Test func billionLaughsIsStoppedByTheAliasBudget() throws {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let result = try load(bytes: Array(text.utf8))
        #expect(result.descriptor == nil)
        let error = try #require(result.diagnostics.first)
        #expect(error.message.contains("aliases expand this document beyond"))
        #expect(error.hint?.contains("billion laughs") == true)
        #expect((error.mark?.line ?? 0) > 1)
    }

    @Test func fileAboveTheSizeLimitIsRefusedBeforeReading() throws {
        let directory = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huge.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("schouw: 1\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 * 1024 * 1024)   // sparse: 200 MB without writing them
        try handle.close()
        let result = DescriptorLoader.load(path: path)
        let error = try #require(result.diagnostics.first)
        #expect(error.message.contains("209715200 bytes; the limit is 134217728 bytes"))
        #expect(error.mark?.line == 1)
        #expect(error.hint?.contains("include") == true)
    }

    @Test func scalarAboveTheSizeLimitIsALocatedError() throws {
        var text = Array("schouw: 1\nproject:\n  description: ".utf8)
        text += [UInt8](repeating: UInt8(ascii: "x"), count: YAMLParser.maxScalarBytes + 1)
        text += Array("\n".utf8)
        let (document, diagnostics) = YAMLParser.parse(bytes: text, path: "long.yaml")
        #expect(document == nil)
        let error = try #require(diagnostics.first)
        #expect(error.message.contains("longer than the limit of 16777216 bytes"))
        #expect(error.mark?.line == 3)
    }

    @Test func textAboveTheSizeLimitIsRefused() {
        let (_, diagnostics) = YAMLParser.parse(bytes: [UInt8](repeating: 0x20, count: YAMLParser.maxInputBytes + 1), path: "big.yaml")
        #expect(diagnostics.first?.message.contains("the limit is") == true)
    }

    @Test func deepFlowNestingIsCutOffWithoutRecursion() throws {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let result = try load(bytes: Array(("a: " + text + "\n").utf8))
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "nesting is deeper than 256 levels")
        #expect(error.mark?.line == 1)
        // The root mapping counts as the first level.
        #expect(error.mark?.column == 3 + 256)
    }

    @Test func deepBlockNestingIsCutOff() throws {
        var text = ""
        for level in 0..<300 { text += String(repeating: " ", count: level * 2) + "k:\n" }
        let result = try load(bytes: Array(text.utf8))
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "nesting is deeper than 256 levels")
        #expect(error.mark?.line == 257)
    }

    @Test func binaryGarbageIsALocatedError() throws {
        var random = SystemRandomNumberGenerator()
        var bytes = Array("schouw: 1\n".utf8)
        for _ in 0..<4096 { bytes.append(UInt8.random(in: 0...255, using: &random)) }
        bytes[20] = 0   // at least one control character early on
        let result = try load(bytes: bytes, name: "garbage.bin")
        #expect(result.descriptor == nil)
        let error = try #require(result.diagnostics.first)
        #expect(error.mark?.file.hasSuffix("garbage.bin") == true)
        #expect(error.mark?.line ?? 0 >= 2)
    }

    @Test func nulByteIsReportedAsControlCharacter() throws {
        let result = try load(bytes: Array("schouw: 1\nproject:\n  id: a\u{0}b\n".utf8))
        let error = try #require(result.diagnostics.first)
        #expect(error.message.contains("control characters"))
        #expect(error.mark?.line == 3 && error.mark?.column == 8)
    }

    /// Control characters a descriptor spells with escapes reach messages (`unknown key ...`): they
    /// are shown, never sent to the terminal.
    @Test func controlCharactersInMessagesAreShownNotSent() throws {
        let result = try load(bytes: Array("schouw: 1\nproject: {id: p, name: P}\n\"\\e[2J\\u009b1m\": 1\n".utf8))
        let rendered = result.rendered()
        #expect(rendered.contains("unknown key `\\u{1b}[2J\\u{9b}1m`"), "\(rendered)")
        #expect(!rendered.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
    }

    /// As Notepad saves a file: a UTF-8 byte order mark, Windows line ends, the first key on line 1.
    @Test func utf8ByteOrderMarkIsRead() throws {
        let text = "schouw: 1\r\nproject: {id: p, name: P}\r\nsystems:\r\n  - {id: s, kind: sensor, name: Sensor}\r\n"
        let result = try load(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let descriptor = try #require(result.descriptor)
        #expect(descriptor.project.id == "p" && descriptor.systems.first?.marks.object.line == 4)
    }

    @Test func utf16WithByteOrderMarkIsRefused() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "schouw: 1\n".utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
        let result = try load(bytes: bytes)
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "file is encoded as UTF-16LE; descriptors must be UTF-8")
        #expect(error.mark?.line == 1 && error.mark?.column == 1)
        #expect(error.hint?.contains("UTF-8") == true)
    }

    @Test func utf16BigEndianWithoutByteOrderMarkIsRefused() throws {
        var bytes: [UInt8] = []
        for unit in "schouw: 1\n".utf16 { bytes.append(UInt8(unit >> 8)); bytes.append(UInt8(unit & 0xFF)) }
        let result = try load(bytes: bytes)
        #expect(result.diagnostics.first?.message.contains("UTF-16BE") == true)
    }

    @Test func latin1BytesAreLocated() throws {
        // "Café" in Latin-1: 0xE9 is not valid UTF-8.
        let bytes = Array("schouw: 1\nproject:\n  name: Caf".utf8) + [0xE9] + Array("\n".utf8)
        let result = try load(bytes: bytes)
        let error = try #require(result.diagnostics.first)
        #expect(error.message == "the file is not valid UTF-8 (byte 0xE9)")
        #expect(error.mark?.line == 3 && error.mark?.column == 12)
        #expect(error.hint?.contains("Latin-1") == true)
    }

    @Test func aScalarDocumentIsNotADescriptor() throws {
        let result = try load(bytes: Array("just some text\n".utf8))
        #expect(result.diagnostics.first?.message.hasPrefix("a descriptor must be a mapping") == true)
    }

    @Test func missingFileAndDirectoryAreErrors() throws {
        let missing = DescriptorLoader.load(path: "/nonexistent/schouw.yaml")
        #expect(missing.diagnostics.first?.message.contains("no such file") == true)
        let directory = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = DescriptorLoader.load(path: directory.path)
        #expect(folder.diagnostics.first?.message.contains("directory") == true)
    }

    @Test func hugeNumbersAndOddKeysDoNotCrash() {
        let text = specExample.replacingOccurrences(of: "volume: 100000", with: "volume: 99999999999999999999999")
            + "\n? [complex, key]\n: value\n"
        let result = DescriptorLoader.load(text: text, path: "odd.yaml")
        #expect(result.descriptor == nil)
        #expect(result.diagnostics.contains { $0.message.contains("is too large for `volume`") })
        #expect(result.diagnostics.contains { $0.message.contains("a key must be a plain string") })
    }

    @Test func millionsOfMistakesAreCappedNotSlow() {
        var text = specExample + "\n"
        for i in 0..<3000 { text += "  - {id: extra-\(i), from: wifi-sensor, to: nergens-\(i)}\n" }
        let result = DescriptorLoader.load(text: text, path: "many.yaml")
        #expect(result.descriptor == nil)
        #expect(result.diagnostics.count == DiagnosticSink.limit + 1)
        #expect(result.diagnostics.contains { $0.message == "2000 more problems not shown (the first 1000 are listed)" })
    }
}
