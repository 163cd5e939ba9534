import Foundation
import Testing

@Suite struct RootCommandTests {
    @Test func versionPrintsAndExitsZero() throws {
        let run = try CLI.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("0."))
    }

    @Test func helpListsCommands() throws {
        let run = try CLI.run(["--help"])
        #expect(run.status == 0)
        for command in ["validate", "audit", "attest", "checklist"] {
            #expect(run.stdout.contains(command))
        }
    }

    @Test func unknownOptionIsUsageErrorWithExitTwo() throws {
        let run = try CLI.run(["--no-such-flag"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error:"))
    }
}
