import ArgumentParser
import Foundation
import SchouwAttest
import SchouwResult

struct AttestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attest",
        abstract: "Audit a descriptor and sign an attestation of the result.",
        discussion: """
        Signs a DSSE envelope around an in-toto Statement v1 (predicate https://schouw.dev/attestation/audit/v1) \
        whose subjects are FILE and every --subject file, and appends it to the register. The envelope is \
        written to --out (default: <FILE without extension>.intoto.json in the current directory; '-' for \
        stdout). Exits 0 when the attestation was written, whatever the audit verdict; `schouw verify \
        --require passed` is the gate. See docs/attestations.md.
        """)

    @Argument(help: "The project descriptor (YAML).")
    var file: String

    @Option(help: "Private key (PKCS#8 PEM from `schouw keygen` or `openssl genpkey`; SEC1 PEM for P-256).")
    var key: String

    @Option(help: "Signer name recorded in the attestation (default: the certificate's CN/O, else key:<keyid>).")
    var signer: String?

    @Option(name: .customLong("subject"), help: "Another file to attest to (repeatable).")
    var subjects: [String] = []

    @Option(help: "Waivers file for the audit.")
    var waivers: String?

    @Option(name: .customLong("fail-on"), help: "Gate threshold for the audit: info|low|medium|high|critical|never (default high).")
    var failOn: String?

    @Option(help: "Extra rules directory for the audit.")
    var rules: String?

    @Option(help: "Register directory (default .schouw/register).")
    var register: String?

    @Flag(name: .customLong("no-register"), help: "Do not append to the register.")
    var noRegister = false

    @Option(help: "Where to write the envelope ('-' for stdout).")
    var out: String?

    @Option(help: "A saved audit result (`schouw audit FILE --format json`) for FILE, instead of auditing again.")
    var result: String?

    @Option(help: "Signing time (RFC 3339 or YYYY-MM-DD); default the current time.")
    var now: String?

    @Option(help: "The signer's X.509 certificate chain (PEM, leaf first) to include in the envelope.")
    var cert: String?

    /// Run while the arguments are parsed, so a usage error shows this command's usage.
    func validate() throws {
        if let signer, signer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw AttestationCLI.usage("--signer is empty; give the name of the person or role who signs")
        }
        if noRegister, register != nil {
            throw AttestationCLI.usage("--register and --no-register exclude each other")
        }
        _ = try AttestationCLI.parseNow(now)
    }

    func run() throws {
        let time = try AttestationCLI.parseNow(now)
        try AttestationCLI.exitTwoOnError {
            let signingKey = try KeyFiles.readSigningKey(path: key)
            let descriptor = SubjectFile(name: file, contents: try BoundedFile.read(path: file, limit: 64 << 20, what: "descriptor"))
            let auditResult = try loadResult(time: time)
            let extra = try subjects.map { SubjectFile(name: $0, contents: try BoundedFile.read(path: $0, limit: 1 << 30, what: "subject")) }
            let chain = try cert.map { try String(decoding: BoundedFile.read(path: $0, limit: 1 << 20, what: "certificate"), as: UTF8.self) }
            let request = AttestationRequest(descriptor: descriptor, extraSubjects: extra, result: auditResult,
                                             signer: signer, time: time, certificateChainPEM: chain)
            let attestation = try Attestor.attest(request, key: signingKey)

            let outPath = out ?? Self.defaultOutput(for: file)
            if outPath == "-" {
                Console.out(String(decoding: attestation.fileData, as: UTF8.self))
            } else {
                switch OutputTarget(outPath) {
                case .file(let envelopeFile):
                    try AtomicFile.write(attestation.fileData, to: envelopeFile, mode: 0o644, replace: true)
                case .stream(let stream):
                    do { try Console.write(inPlace: stream, named: outPath) { try $0(attestation.fileData) } }
                    catch let error as OutputError { throw AttestError(error.description) }
                }
            }
            let predicate = attestation.statement.predicate
            var note = "attested \(file): project \(predicate.project.id), verdict \(predicate.verdict), signed by '\(predicate.signer.name)' (keyid \(predicate.signer.keyid)) at \(predicate.time)"
            if outPath != "-" { note += "; wrote \(outPath)" }
            if !noRegister {
                let directory = register ?? Register.defaultDirectory
                let entry = try Register(directory: directory).append(attestation)
                note += "; register \(directory) entry \(entry.seq)"
            }
            Console.err(note + "\n")
        }
    }

    private func loadResult(time: Date) throws -> AuditResult {
        guard let result else {
            return try runAuditForAttestation(descriptorPath: file, waiversPath: waivers, failOn: failOn ?? "high",
                                              rulesDirectory: rules, now: time)
        }
        let fixed = [("--waivers", waivers), ("--fail-on", failOn), ("--rules", rules)].filter { $0.1 != nil }.map(\.0)
        if !fixed.isEmpty {
            throw AttestError("\(fixed.joined(separator: ", ")) cannot be combined with --result: the saved result already fixes them (pass them to `schouw audit` instead)")
        }
        do {
            return try readResult(result, limit: 256 << 20)
        } catch let error as ReportInputError {
            throw AttestError(error.description)
        }
    }

    /// `dir/project.yaml` gives `project.intoto.json` in the current directory.
    static func defaultOutput(for descriptor: String) -> String {
        let base = (descriptor as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        return (stem.isEmpty ? base : stem) + ".intoto.json"
    }
}

/// Helpers the attestation commands share.
enum AttestationCLI {
    /// A usage error: printed by the root command, exit 2.
    static func usage(_ message: String) -> ValidationError { ValidationError(message) }

    /// Runs `body`, turning library errors into `error: ...` on stderr and exit code 2.
    static func exitTwoOnError<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AttestError {
            Console.err("error: \(error.message)\n")
            throw ExitCode(2)
        } catch let error as AuditBridgeError {
            Console.err("error: \(error.description)\n")
            throw ExitCode(2)
        }
    }

    static func parseNow(_ text: String?) throws -> Date {
        guard let text else { return Date() }
        guard let date = Timestamp.parse(text) else {
            throw usage("--now '\(text)' is not a time; use RFC 3339 (2026-03-01T12:00:00Z) or a date (2026-03-01)")
        }
        return date
    }

    /// Runs async library code from a synchronous command (the command runs on the main thread, the
    /// operation on the concurrency pool).
    static func runBlocking<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await operation()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        guard let result = box.result else { throw AttestError("internal: the operation produced no result") }
        return try result.get()
    }
}

/// Carries a result across threads; the semaphore orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
