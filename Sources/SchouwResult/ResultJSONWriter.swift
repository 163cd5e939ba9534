/// Writes an `AuditResult` as the exact bytes `CanonicalJSON.encode` gives (sorted keys, two-space
/// indentation, `" : "`), ten times faster than `JSONEncoder`: a city-wide audit has hundreds of
/// thousands of outcomes. A test compares both on every example so they cannot drift.
public enum ResultJSONWriter {
    public static func encode(_ result: AuditResult) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + result.outcomes.count * 700)
        write(json(result), indent: 0, to: &out)
        out.append(0x0A)
        return out
    }

    indirect enum JSON {
        case string(String)
        case int(Int)
        case bool(Bool)
        case array([JSON])
        /// Keys in any order; written sorted.
        case object([(String, JSON)])
    }

    // MARK: - The result as a JSON tree (mirrors the CodingKeys of AuditResult)

    static func json(_ r: AuditResult) -> JSON {
        .object([
            ("schema", .string(r.schema)), ("lang", .string(r.lang)),
            ("tool", .object([("name", .string(r.tool.name)), ("version", .string(r.tool.version))])),
            ("descriptor", .object([
                ("path", .string(r.descriptor.path)), ("sha256", .string(r.descriptor.sha256)),
                ("files", .array(r.descriptor.files.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256))]) })),
            ])),
            ("ruleset", .object([
                ("sha256", .string(r.ruleset.sha256)), ("rules", .int(r.ruleset.rules)),
                ("catalogues", .object(r.ruleset.catalogues.map { ($0.key, .string($0.value)) })),
            ])),
            ("project", .object(compact([
                ("id", .string(r.project.id)), ("name", .string(r.project.name)),
                ("organisation", r.project.organisation.map(JSON.string)), ("phase", r.project.phase.map(JSON.string)),
                ("bio", .string(r.project.bio)),
            ]))),
            ("evaluated-at", .string(r.evaluatedAt)),
            ("gate", .object([
                ("fail-on", .string(r.gate.failOn)), ("fail-on-unknown", .bool(r.gate.failOnUnknown)),
                ("verdict", .string(r.gate.verdict)),
            ])),
            ("summary", .object([
                ("fail", .object([
                    ("critical", .int(r.summary.fail.critical)), ("high", .int(r.summary.fail.high)),
                    ("medium", .int(r.summary.fail.medium)), ("low", .int(r.summary.fail.low)),
                    ("info", .int(r.summary.fail.info)),
                ])),
                ("unknown", .int(r.summary.unknown)), ("pass", .int(r.summary.pass)),
                ("not-applicable", .int(r.summary.notApplicable)), ("waived", .int(r.summary.waived)),
            ])),
            ("outcomes", .array(r.outcomes.map(json))),
            ("waiver-notes", .array(r.waiverNotes.map { n in
                .object(compact([("kind", .string(n.kind)), ("finding", .string(n.finding)),
                                 ("message", .string(n.message)), ("location", n.location.map(json))]))
            })),
            ("rules", .array(r.rules.map { i in
                .object(compact([
                    ("id", .string(i.id)), ("pack", .string(i.pack)), ("title", .string(i.title)),
                    ("severity", .string(i.severity.rawValue)), ("references", .array(i.references.map(json))),
                    ("remediation", .string(i.remediation)), ("description", i.description.map(JSON.string)),
                    ("waivable", .bool(i.waivable)),
                ]))
            })),
        ])
    }

    static func json(_ o: Outcome) -> JSON {
        .object(compact([
            ("finding", .string(o.finding)), ("rule", .string(o.rule)), ("status", .string(o.status.rawValue)),
            ("severity", .string(o.severity.rawValue)),
            ("subject", .object(compact([("kind", .string(o.subject.kind)), ("id", .string(o.subject.id)),
                                         ("name", o.subject.name.map(JSON.string))]))),
            ("references", .array(o.references.map(json))), ("message", .string(o.message)),
            ("location", o.location.map(json)), ("missing", .array(o.missing.map(JSON.string))),
            ("waiver", o.waiver.map { w in
                .object(compact([
                    ("finding", .string(w.finding)), ("reason", .string(w.reason)), ("approved-by", .string(w.approvedBy)),
                    ("expires", .string(w.expires)), ("ticket", w.ticket.map(JSON.string)), ("expired", .bool(w.expired)),
                    ("location", w.location.map(json)),
                ]))
            }),
            ("baseline", o.baseline.map(JSON.bool)),
        ]))
    }

    static func json(_ r: Reference) -> JSON { .object([("framework", .string(r.framework)), ("ref", .string(r.ref))]) }

    static func json(_ l: Location) -> JSON {
        .object([("file", .string(l.file)), ("line", .int(l.line)), ("column", .int(l.column))])
    }

    static func compact(_ pairs: [(String, JSON?)]) -> [(String, JSON)] {
        pairs.compactMap { key, value in value.map { (key, $0) } }
    }

    // MARK: - Writing

    static func write(_ value: JSON, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .string(let s): writeString(s, to: &out)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            out.append(0x0A)
            for (n, item) in items.enumerated() {
                pad(indent + 2, &out)
                write(item, indent: indent + 2, to: &out)
                if n < items.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            if items.isEmpty { out.append(0x0A) }
            pad(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            out.append(0x0A)
            let sorted = pairs.sorted { $0.0 < $1.0 }
            for (n, (key, item)) in sorted.enumerated() {
                pad(indent + 2, &out)
                writeString(key, to: &out)
                out.append(contentsOf: " : ".utf8)
                write(item, indent: indent + 2, to: &out)
                if n < sorted.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            if sorted.isEmpty { out.append(0x0A) }
            pad(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func pad(_ n: Int, _ out: inout [UInt8]) {
        for _ in 0..<n { out.append(0x20) }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// JSONEncoder's escaping: quote, backslash and control characters; `/` and non-ASCII stay as is.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
