import ArgumentParser
import SchouwEngine
import SchouwModel

extension RulesCommand {
    /// `schouw rules taxonomy`: the keys a descriptor's `categories:` and `subjects:` may use.
    struct Taxonomy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "taxonomy",
            abstract: "List the data categories (with their flags) and data subjects a descriptor may name.",
            discussion: """
            A category carries the flags of every category above it (`personal.device.mac` is personal
            because `personal` is). Add categories and subjects in --rules DIR/taxonomy/categories.yaml
            and subjects.yaml.
            """)
        @Option(help: "Language of the names: nl or en.")
        var lang: Language = .nl
        @OptionGroup var ruleSource: RuleSourceOptions

        func run() throws {
            // The taxonomy files alone: the rules need not be compiled to list what they may read.
            let taxonomy = try Load.taxonomy(ruleSource.rulesDirectory)
            let keys = taxonomy.categoryOrder.sorted()
            let width = (keys.map(\.count).max() ?? 0) + 2
            var out = "data categories (\(keys.count))\n"
            for key in keys {
                guard let category = taxonomy.categories[key] else { continue }
                let flags = category.flags.map(\.rawValue).sorted().joined(separator: ", ")
                out += "  " + key.padding(toLength: width, withPad: " ", startingAt: 0)
                    + category.names.text(lang) + (flags.isEmpty ? "" : "  [\(flags)]") + "\n"
            }
            let subjects = taxonomy.subjects.keys.sorted()
            out += "data subjects (\(subjects.count))\n"
            for key in subjects {
                out += "  " + key.padding(toLength: width, withPad: " ", startingAt: 0)
                    + (taxonomy.subjects[key]?.names.text(lang) ?? "") + "\n"
            }
            Console.out(out)
        }
    }
}
