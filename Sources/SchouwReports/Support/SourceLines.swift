import SchouwModel

/// The lines of a descriptor's files, indexed once per report.
///
/// SARIF gives each result the end of its source line. Looking each line up by splitting its
/// whole file again took a report of a city's tens of thousands of findings hours (quadratic in
/// the size of the descriptor); with the line starts found once it is a slice per finding.
struct SourceLines {
    private var files: [String: (text: String, starts: [String.Index])] = [:]

    init(_ descriptor: Descriptor?) {
        for file in descriptor?.files ?? [] where files[file.path] == nil {
            let text = file.text
            var starts = [text.startIndex]
            var index = text.utf8.startIndex
            while let newline = text.utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
                index = text.utf8.index(after: newline)
                starts.append(index)
            }
            files[file.path] = (text, starts)
        }
    }

    /// Line `number` (1-based) of the file at `path` without its line break, or nil when there is
    /// no such file or line.
    func line(_ number: Int, of path: String) -> Substring? {
        guard let file = files[path], number >= 1, number <= file.starts.count else { return nil }
        let start = file.starts[number - 1]
        let end = number < file.starts.count ? file.text.utf8.index(before: file.starts[number]) : file.text.endIndex
        return file.text[start..<end]
    }
}
