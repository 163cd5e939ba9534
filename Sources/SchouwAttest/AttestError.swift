/// Why an attestation, key or register could not be made or read.
///
/// Thrown for input that is malformed or unusable (the CLI maps it to exit code 2). A verification that runs
/// to completion and finds a problem is not an error: it is a failed check in a `VerificationReport`.
public struct AttestError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
