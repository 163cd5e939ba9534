/// The formats `audit --format` and `report --format` accept, in the order `--help` lists them.
public enum ReporterRegistry {
    public static let all: [any Reporter.Type] = [
        TextReporter.self,
        JSONReporter.self,
        SARIFReporter.self,
        JUnitReporter.self,
        MarkdownReporter.self,
        HTMLReporter.self,
        OSCALReporter.self,
    ]

    public static var formats: [String] { all.map { $0.format } }

    public static func reporter(for format: String) -> (any Reporter)? {
        all.first { $0.format == format.lowercased() }.map { $0.init() }
    }

    /// `text: compact terminal report` lines for `--help`.
    public static var helpText: String {
        all.map { "\($0.format): \($0.summary)" }.joined(separator: "\n")
    }
}
