/// Why a catalogue could not be read. Built-in catalogues are checked by the tests, so these reach a
/// user only through a damaged build; they still name the file and line rather than crash.
public enum CoverageError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingCatalogue(String)
    case malformed(path: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .missingCatalogue(let path):
            "\(path): the catalogue is not in this build; run `swift run embed-resources` and rebuild"
        case .malformed(let path, let line, let message):
            "\(path):\(line):1: \(message)"
        }
    }
}
