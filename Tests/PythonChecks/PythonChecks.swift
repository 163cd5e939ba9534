import Foundation

/// Whether the Python packages the independent checks run with (`.ci/requirements.txt`) are here.
///
/// Some tests hand schouw's output to tools written by others (the SARIF, JUnit and OSCAL
/// validators, a DSSE verifier, openpyxl, a JSON Schema validator). A machine without those
/// packages skips such a test with the command that installs them, as it skips the tests that
/// need `../shared`; CI installs them and sets `SCHOUW_REQUIRE_PYTHON_CHECKS=1`, so there a
/// missing package fails the test instead of skipping it.
public enum PythonChecks {
    /// What a skipped test says, naming the packages (as pip spells them).
    public static func reason(_ packages: String...) -> String {
        "needs the Python packages \(packages.joined(separator: ", ")): python3 -m pip install -r .ci/requirements.txt"
    }

    /// True when `python3` imports every module, or when CI requires the checks to run.
    public static func available(_ modules: String...) -> Bool {
        if ProcessInfo.processInfo.environment["SCHOUW_REQUIRE_PYTHON_CHECKS"] == "1" { return true }
        return imports(modules)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [[String]: Bool] = [:]

    private static func imports(_ modules: [String]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let answer = known[modules] { return answer }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import " + modules.joined(separator: ", ")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let answer: Bool
        do {
            try process.run()
            process.waitUntilExit()
            answer = process.terminationStatus == 0
        } catch {
            answer = false
        }
        known[modules] = answer
        return answer
    }
}
