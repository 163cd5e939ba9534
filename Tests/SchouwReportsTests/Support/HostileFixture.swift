import SchouwModel
import SchouwResult

/// A descriptor and result whose every supplier-controlled text tries to be markup, a script, a link or a
/// terminal control sequence. Reports must show all of it as inert text.
enum HostileFixture {
    static let payload = "<script>alert(1)</script> <svg onload=alert(2)> **bold** _it_ [link](javascript:alert(3)) "
        + "| # head `code` {{css}} \"q\" 'a' \\N \\G & \u{1B}[31mRED\u{1B}[0m \u{1B}]8;;https://evil.example\u{07}click\u{1B}]8;;\u{07} "
        + "bell\u{07} csi\u{9B}2J \u{202E}txet desrever\n# newline heading"

    static func mark(_ line: Int) -> Marks { Marks(object: SourceMark(file: "evil.yaml", line: line, column: 1)) }

    static let descriptor = Descriptor(
        project: Project(id: "evil", name: "Project " + payload, organisation: "Org " + payload, marks: mark(1)),
        zones: [Zone(id: "z", name: "Zone " + payload, kind: .cloud, trust: .untrusted, marks: mark(2)),
                Zone(id: "inner", name: "Inner " + payload, parent: "z", marks: mark(3)),
                Zone(id: "loop-a", parent: "loop-b", marks: mark(4)), Zone(id: "loop-b", parent: "loop-a", marks: mark(5))],
        data: [DataAsset(id: "d", name: "Data " + payload, categories: ["personal.contact"], marks: mark(6))],
        systems: [System(id: "a", name: "Sys " + payload, kind: .sensor, zone: "z", collects: ["d"], marks: mark(7)),
                  System(id: "b", name: "Sys2 " + payload, kind: .database, zone: "inner", marks: mark(8)),
                  System(id: "c", name: "Sys3", zone: "nowhere", marks: mark(9))],
        flows: [Flow(id: "f", name: payload, from: "a", to: "b", data: ["d"], marks: mark(10)),
                Flow(id: "g", from: "b", to: "a", data: ["unknown-data"], marks: mark(11)),
                Flow(id: "h", from: "a", to: "missing", marks: mark(12))]
    )

    static let rules = [RuleInfo(id: "EVIL-1", pack: "evil", title: "Title " + payload, severity: .critical,
                                 references: [Reference(framework: "bio2", ref: "ref " + payload)],
                                 remediation: "Fix " + payload, description: "Desc " + payload, waivable: true)]

    static let result = AuditResult(
        lang: "nl",
        tool: .init(version: "0.1.0"),
        descriptor: .init(path: "evil dir/evil.yaml", sha256: "e", files: []),
        ruleset: .init(sha256: "f", rules: 1, catalogues: ["bio2": payload]),
        project: .init(id: "evil", name: "Project " + payload, organisation: "Org " + payload, phase: payload, bio: "bio2"),
        evaluatedAt: "2026-03-01T09:00:00Z",
        gate: .init(failOn: "high", failOnUnknown: false, verdict: "failed"),
        summary: .init(fail: .init(critical: 1), unknown: 1, pass: 0, notApplicable: 0, waived: 1),
        outcomes: [
            Outcome(finding: "EVIL-1@system:a", rule: "EVIL-1", status: .fail, severity: .critical,
                    subject: SubjectRef(kind: "system", id: "a", name: payload), references: rules[0].references,
                    message: "Msg " + payload, location: Location(file: "evil dir/evil.yaml", line: 7, column: 1),
                    waiver: AppliedWaiver(finding: "EVIL-1@system:*", reason: "Expired " + payload, approvedBy: payload,
                                          expires: "2026-01-01", ticket: payload, expired: true, location: nil)),
            Outcome(finding: "EVIL-1@system:b", rule: "EVIL-1", status: .unknown, severity: .critical,
                    subject: SubjectRef(kind: "system", id: "b"), references: [], message: "Unknown " + payload,
                    location: Location(file: "evil dir/evil.yaml", line: 8, column: 1), missing: ["system." + payload]),
            Outcome(finding: "EVIL-1@flow:f", rule: "EVIL-1", status: .waived, severity: .critical,
                    subject: SubjectRef(kind: "flow", id: "f"), references: [], message: "Waived " + payload, location: nil,
                    waiver: AppliedWaiver(finding: "EVIL-1@flow:*", reason: "Reason " + payload, approvedBy: payload,
                                          expires: "2027-01-01", ticket: payload, expired: false, location: nil)),
        ],
        waiverNotes: [WaiverNote(kind: "stale", finding: payload, message: payload, location: nil)],
        rules: rules)
}
