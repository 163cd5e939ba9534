import ArgumentParser
import SchouwAttest

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create a signing key pair.",
        discussion: """
        Writes NAME.key (PKCS#8 PEM, mode 0600, created with that mode) and NAME.pub (SPKI PEM). Both are read \
        by `openssl pkey`. Keep NAME.key secret; hand NAME.pub to whoever verifies. The keyid printed is the \
        lowercase hex SHA-256 of the public key's DER SubjectPublicKeyInfo.
        """)

    @Option(help: "ed25519 (default) or p256 (ECDSA P-256 with SHA-256).")
    var algorithm: String = "ed25519"

    @Option(help: "Base name of the key files: NAME.key and NAME.pub.")
    var out: String

    @Flag(help: "Replace existing key files.")
    var force = false

    /// Checked while the arguments are parsed, so the error shows this command's usage.
    func validate() throws { _ = try chosenAlgorithm() }

    /// The algorithm `--algorithm` names, in any case.
    private func chosenAlgorithm() throws -> SignatureAlgorithm {
        guard let chosen = SignatureAlgorithm(rawValue: algorithm.lowercased()) else {
            throw AttestationCLI.usage("unknown --algorithm '\(algorithm)'; use ed25519 or p256")
        }
        return chosen
    }

    func run() throws {
        let algorithm = try chosenAlgorithm()
        let key = SigningKey.generate(algorithm)
        try AttestationCLI.exitTwoOnError {
            try KeyFiles.write(key, base: out, force: force)
        }
        let (privatePath, publicPath) = KeyFiles.paths(base: out)
        Console.out("wrote \(privatePath) (private key, mode 0600: keep it secret) and \(publicPath) (public key)\n")
        Console.out("algorithm: \(algorithm.displayName)\nkeyid: \(key.publicKey.keyID)\n")
    }
}
