import ArgumentParser
import Foundation
import SchouwEngine
import SchouwModel
import SchouwResult

/// Loading steps shared by commands: print every diagnostic on stderr, and stop with exit 2 on errors.
enum Load {
    /// `taxonomy`: the rules' taxonomy, whose keys the data categories and subjects must be; nil
    /// where no rules run (a diagram).
    static func descriptor(_ path: String, taxonomy: Taxonomy?) throws -> Descriptor {
        let result = DescriptorLoader.load(path: path, vocabulary: taxonomy?.vocabulary)
        if !result.diagnostics.isEmpty { Console.err(result.rendered()) }
        guard let descriptor = result.descriptor, !result.hasErrors else { throw ExitCode(2) }
        return descriptor
    }

    /// The taxonomy without the rules, for commands that only check descriptors.
    static func taxonomy(_ directory: String?) throws -> Taxonomy {
        let loaded = RuleLoader.taxonomy(rulesDirectory: directory)
        if let rendered = loaded.rendered { Console.err(rendered) }
        guard !loaded.hasErrors else { throw ExitCode(2) }
        return loaded.taxonomy
    }

    static func rules(_ directory: String?) throws -> RuleSet {
        let set = RuleLoader.load(rulesDirectory: directory)
        if !set.diagnostics.isEmpty { Console.err(set.rendered()) }
        guard !set.hasErrors else { throw ExitCode(2) }
        return set
    }

    static func waivers(_ paths: [String]) throws -> [Waiver] {
        var all: [Waiver] = []
        var failed = false
        for path in paths {
            let result = WaiverLoader.load(path: path)
            if !result.diagnostics.isEmpty { Console.err(result.rendered()) }
            if result.hasErrors { failed = true } else { all += result.waivers }
        }
        if failed { throw ExitCode(2) }
        return all
    }

    static func result(_ path: String) throws -> AuditResult {
        do {
            return try readResult(path)
        } catch let error as ReportInputError {
            Console.err("error: \(error.description)\n")
            throw ExitCode(2)
        }
    }
}
