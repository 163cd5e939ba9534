/// Invalid input to the checklist: an answer file or checklist file that cannot be read as one.
///
/// Every case means "exit 2": the user has to fix the file. The description names the file and, where
/// known, the line and column (CSV) or cell (XLSX), says what is wrong and how to fix it.
public struct ChecklistError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// `line:col` in a CSV file, or a sheet cell such as `Checklist!H7` in a workbook.
    public var position: String?
    public var message: String
    public var hint: String?

    public init(file: String, position: String? = nil, message: String, hint: String? = nil) {
        self.file = file; self.position = position; self.message = message; self.hint = hint
    }

    public var description: String {
        var text = file
        if let position { text += ":" + position }
        text += ": " + message
        if let hint { text += " (" + hint + ")" }
        return text
    }
}

/// Several errors in one file, reported together so the user fixes them in one go.
public struct ChecklistErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ChecklistError]
    public init(_ errors: [ChecklistError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
