/// Minimal placeholder templates: `{{name}}` is replaced by `values["name"]`.
///
/// Substitution is a single left-to-right pass over the template; replaced text is never scanned again,
/// so a value that itself contains `{{...}}` stays literal. No loops or conditionals: reporters build
/// repeated sections in Swift and pass them in as finished, escaped text.
public struct Template: Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }

    /// Loads an embedded template (`Reports/templates/<path>`).
    public static func named(_ path: String) throws -> Template {
        guard let file = EmbeddedTemplates.files.first(where: { $0.path == path }) else {
            throw ReportError("report template '\(path)' is not embedded; run `swift run embed-resources`")
        }
        return Template(file.text)
    }

    /// Fills the placeholders; a placeholder without a value is an error, so templates and code stay in step.
    public func render(_ values: [String: String]) throws -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let value = values[name] else {
                throw ReportError("report template has no value for placeholder '{{\(name)}}'")
            }
            out += value
            rest = afterOpen[close.upperBound...]
        }
        out += rest
        return out
    }
}

import Foundation
