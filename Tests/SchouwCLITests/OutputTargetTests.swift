import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--output` and `--out` naming something other than a plain file: the bytes reach what the path
/// names, and the path itself is left as it was.
@Suite struct OutputTargetTests {
    static let example = "Examples/passantentelling.yaml"

    /// A scratch directory, removed at the end of the test.
    final class Scratch {
        let dir: URL
        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("schouw-output-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        /// The names in the directory: a failed rename or write must leave no temporary file behind.
        var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() }
    }

    /// The file type of `path` itself, not of what a link names.
    static func type(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    /// What `body` wrote into the named pipe at `path`. The pipe is opened for reading first, without
    /// waiting for a writer, so a writer's open never blocks either; the output must fit the
    /// pipe's buffer (64 KB), as it is read only once `body` is done. A command that replaced the
    /// pipe instead of writing into it leaves it empty: the test fails instead of hanging.
    static func readingPipe(_ path: String, while body: () throws -> Void) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        #expect(descriptor >= 0, "cannot open \(path) for reading")
        guard descriptor >= 0 else { return Data() }
        defer { close(descriptor) }
        try body()
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    @Test func linkToAFileKeepsTheLinkAndReplacesTheFile() throws {
        let scratch = try Scratch()
        try Data("old".utf8).write(to: URL(fileURLWithPath: scratch.path("result.json")))
        try FileManager.default.createSymbolicLink(atPath: scratch.path("latest.json"), withDestinationPath: "result.json")
        let printed = try CLI.run(["audit", Self.example, "--format", "json", "--now", "2026-03-01", "--fail-on", "never"])
        let written = try CLI.run(["audit", Self.example, "--format", "json", "--now", "2026-03-01", "--fail-on", "never",
                                   "--output", scratch.path("latest.json")])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(Self.type(scratch.path("latest.json")) == S_IFLNK)
        #expect(try String(contentsOfFile: scratch.path("result.json"), encoding: .utf8) == printed.stdout)
        #expect(scratch.names == ["latest.json", "result.json"])
    }

    @Test func linkToAFileNotYetMadeKeepsTheLinkAndMakesTheFile() throws {
        let scratch = try Scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("latest.md"), withDestinationPath: "report.md")
        let written = try CLI.run(["audit", Self.example, "--format", "markdown", "--now", "2026-03-01", "--fail-on", "never",
                                   "--output", scratch.path("latest.md")])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(Self.type(scratch.path("latest.md")) == S_IFLNK)
        #expect(Self.type(scratch.path("report.md")) == S_IFREG)
        #expect(try String(contentsOfFile: scratch.path("latest.md"), encoding: .utf8).hasPrefix("# "))
        #expect(scratch.names == ["latest.md", "report.md"])
    }

    @Test func loopOfLinksIsAClearErrorAndStaysAsItWas() throws {
        let scratch = try Scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("b"), withDestinationPath: "a")
        let run = try CLI.run(["audit", Self.example, "--now", "2026-03-01", "--output", scratch.path("a")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error:") && run.stderr.contains(scratch.path("a")), "\(run.stderr)")
        #expect(Self.type(scratch.path("a")) == S_IFLNK && Self.type(scratch.path("b")) == S_IFLNK)
        #expect(scratch.names == ["a", "b"])
    }

    @Test func linkToTheNullDeviceStaysALink() throws {
        let scratch = try Scratch()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("discard"), withDestinationPath: "/dev/null")
        let run = try CLI.run(["audit", Self.example, "--now", "2026-03-01", "--output", scratch.path("discard")])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.type(scratch.path("discard")) == S_IFLNK)
        #expect(Self.type("/dev/null") == S_IFCHR)
        #expect(scratch.names == ["discard"])
    }

    @Test func namedPipeReceivesTheReportAndStaysAPipe() throws {
        let scratch = try Scratch()
        let pipe = scratch.path("report.fifo")
        #expect(mkfifo(pipe, 0o600) == 0)
        let printed = try CLI.run(["audit", Self.example, "--now", "2026-03-01"])
        var run: CLIRun?
        let received = try Self.readingPipe(pipe) {
            run = try CLI.run(["audit", Self.example, "--now", "2026-03-01", "--output", pipe])
        }
        #expect(run?.status == 1, "\(run?.stderr ?? "")")
        #expect(String(decoding: received, as: UTF8.self) == printed.stdout)
        #expect(Self.type(pipe) == S_IFIFO)
        #expect(scratch.names == ["report.fifo"])
    }

    @Test func attestationToANamedPipeIsTheEnvelopeAndThePipeStays() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        let pipe = ws.url("envelope.fifo").path
        #expect(mkfifo(pipe, 0o600) == 0)
        var run: CLIRun?
        let received = try Self.readingPipe(pipe) {
            run = try ws.attest(["--no-register", "--out", pipe])
        }
        #expect(run?.status == 0, "\(run?.stderr ?? "")")
        let onStdout = try ws.attest(["--no-register", "--out", "-"])
        #expect(!received.isEmpty)
        #expect(String(decoding: received, as: UTF8.self) == onStdout.stdout)
        #expect(Self.type(pipe) == S_IFIFO)
    }

    @Test func attestationThroughALinkReplacesTheFileItNames() throws {
        let ws = try AttestWorkspace()
        defer { ws.remove() }
        try ws.keygen("signer")
        try Data("old".utf8).write(to: ws.url("envelope.json"))
        try FileManager.default.createSymbolicLink(atPath: ws.url("latest.intoto.json").path, withDestinationPath: "envelope.json")
        let run = try ws.attest(["--no-register", "--out", "latest.intoto.json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.type(ws.url("latest.intoto.json").path) == S_IFLNK)
        let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: ws.url("envelope.json"))) as? [String: Any]
        #expect(envelope?["payloadType"] as? String == "application/vnd.in-toto+json")
    }
}
