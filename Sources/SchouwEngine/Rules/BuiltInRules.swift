import Foundation

/// The built-in rule set, loaded at most once per process.
///
/// Compiling the built-in rules is most of a typical audit's work before it reads the descriptor.
/// `startLoading()` lets a command line begin it on a thread of its own while it still parses its
/// arguments; `load()` then waits for that result instead of compiling a second time. The result is
/// the same value `RuleLoader` builds from the embedded files, whoever starts it.
public enum BuiltInRules {
    private static let state = LoadOnce()

    /// Starts loading on a background thread unless it has already started.
    public static func startLoading() {
        guard state.claim() else { return }
        let thread = Thread { state.finish(RuleLoader.load(files: RuleSources.builtIn())) }
        thread.stackSize = 1 << 23
        thread.start()
    }

    /// The built-in rule set: the one started earlier, or loaded now on the caller's thread.
    public static func load() -> RuleSet {
        if state.claim() { state.finish(RuleLoader.load(files: RuleSources.builtIn())) }
        return state.wait()
    }

    /// One result, produced by whoever claims it first and awaited by everyone else.
    private final class LoadOnce: @unchecked Sendable {
        private let condition = NSCondition()
        private var claimed = false
        private var result: RuleSet?

        /// True for exactly one caller: the one that must produce the result.
        func claim() -> Bool {
            condition.lock(); defer { condition.unlock() }
            if claimed { return false }
            claimed = true
            return true
        }

        func finish(_ set: RuleSet) {
            condition.lock()
            result = set
            condition.broadcast()
            condition.unlock()
        }

        func wait() -> RuleSet {
            condition.lock(); defer { condition.unlock() }
            while true {
                if let result { return result }
                condition.wait()
            }
        }
    }
}
