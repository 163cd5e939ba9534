import ArgumentParser
import Foundation
import SchouwAttest
import SchouwResult

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "List attestations and prove the register's hash chain intact.",
        subcommands: [RegisterListCommand.self, RegisterVerifyCommand.self])
}

struct RegisterListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the attestations in the register (project, verdict, signer, time).")

    @Option(help: "Register directory (default .schouw/register).")
    var register: String = Register.defaultDirectory

    @Option(help: "text (default) or json.")
    var format: String = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else {
            throw AttestationCLI.usage("--format '\(format)' is not supported; use text or json")
        }
    }

    func run() throws {
        let entries = try AttestationCLI.exitTwoOnError { try Register(directory: register).entries() }
        if format == "json" {
            Console.out(String(decoding: try CanonicalJSON.encode(entries), as: UTF8.self))
            return
        }
        let rows = [["SEQ", "TIME", "PROJECT", "VERDICT", "SIGNER"]]
            + entries.map { [String($0.seq), $0.time, $0.project, $0.verdict, $0.signer] }
        var widths = Array(repeating: 0, count: 5)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        for row in rows {
            let cells = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }
            Console.out(cells.joined(separator: "  ") + "\n")
        }
    }
}

struct RegisterVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove the register's hash chain intact; name the first broken entry (exit 1).")

    @Option(help: "Register directory (default .schouw/register).")
    var register: String = Register.defaultDirectory

    @Option(name: .customLong("pinned-head"), help: "A head hash printed by an earlier `register verify`; it must still be in the chain.")
    var pinnedHead: String?

    func validate() throws {
        if let pinnedHead, !isSHA256Hex(pinnedHead.lowercased()) {
            throw AttestationCLI.usage("--pinned-head must be 64 hex digits (a head hash printed by `schouw register verify`)")
        }
    }

    func run() throws {
        let check = try AttestationCLI.exitTwoOnError { try Register(directory: register).verify(pinnedHead: pinnedHead) }
        if let problem = check.problem {
            Console.out("FAIL register \(register): \(problem)\n")
            throw ExitCode(1)
        }
        Console.out("ok   register \(register): \(check.verifiedEntries) entr\(check.verifiedEntries == 1 ? "y" : "ies"), hash chain intact, head \(check.head)\n")
    }
}
