import ArgumentParser

struct AttestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attest", abstract: "Audit a descriptor and sign an attestation of the result.")

    func run() throws {
        Console.err("error: `schouw attest` is not available in this build yet\n")
        throw ExitCode(2)
    }
}
