import ArgumentParser

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify a signed attestation for a deployment gate.")

    func run() throws {
        Console.err("error: `schouw verify` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
