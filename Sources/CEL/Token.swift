/// One lexical token of a CEL expression.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        /// Integer literal magnitude and base text, kept unsigned so `-9223372036854775808` folds.
        case int(UInt64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case punct(String)
        case end
        /// An integer literal too large even for its magnitude.
        case badNumber(String)
    }

    var kind: Kind
    /// Scalar offsets of the first scalar and one past the last.
    var start: Int
    var end: Int
}

/// Words CEL reserves: they cannot name variables or functions, but may follow a `.`.
let celReservedWords: Set<String> = [
    "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
    "package", "namespace", "return", "var", "void", "while",
]
