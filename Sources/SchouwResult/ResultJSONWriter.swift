/// Writes an `AuditResult` as the exact bytes `CanonicalJSON.encode` gives (sorted keys, two-space
/// indentation, `" : "`), many times faster than `JSONEncoder`: a city-wide audit has hundreds of
/// thousands of outcomes. Keys are written in sorted order by hand; a test compares both writers on
/// every example so they cannot drift.
public enum ResultJSONWriter {
    /// The statements are indented as the JSON they write is nested.
    public static func encode(_ r: AuditResult) -> [UInt8] {
        var w = Writer()
        w.out.reserveCapacity(1024 + r.outcomes.count * 700)
        w.beginObject()
            w.key("descriptor")
                w.beginObject()
                    w.key("files"); w.beginArray(); for f in r.descriptor.files { w.element(); w.beginObject(); w.string("path", f.path); w.string("sha256", f.sha256); w.endObject() }; w.endArray()
                    w.string("path", r.descriptor.path)
                    w.string("sha256", r.descriptor.sha256)
                w.endObject()
            w.string("evaluated-at", r.evaluatedAt)
            w.key("gate")
                w.beginObject()
                    w.string("fail-on", r.gate.failOn)
                    w.bool("fail-on-unknown", r.gate.failOnUnknown)
                    w.string("verdict", r.gate.verdict)
                w.endObject()
            w.string("lang", r.lang)
            w.key("outcomes"); w.beginArray(); for o in r.outcomes { w.element(); outcome(o, &w) }; w.endArray()
            w.key("project")
                w.beginObject()
                    w.string("bio", r.project.bio)
                    w.string("id", r.project.id)
                    w.string("name", r.project.name)
                    if let v = r.project.organisation { w.string("organisation", v) }
                    if let v = r.project.phase { w.string("phase", v) }
                w.endObject()
            w.key("rules")
                w.beginArray(); for i in r.rules { w.element();
                    w.beginObject()
                        if let v = i.description { w.string("description", v) }
                        w.string("id", i.id)
                        w.string("pack", i.pack)
                        w.key("references"); w.beginArray(); for item in i.references { w.element(); reference(item, &w) }; w.endArray()
                        w.string("remediation", i.remediation)
                        w.string("severity", i.severity.rawValue)
                        w.string("title", i.title)
                        w.bool("waivable", i.waivable)
                    w.endObject()
                }; w.endArray()
            w.key("ruleset")
                w.beginObject()
                    w.key("catalogues")
                        w.beginObject(); for key in r.ruleset.catalogues.keys.sorted() { w.string(key, r.ruleset.catalogues[key] ?? "") }; w.endObject()
                    w.int("rules", r.ruleset.rules)
                    w.string("sha256", r.ruleset.sha256)
                w.endObject()
            w.string("schema", r.schema)
            w.key("summary")
                w.beginObject()
                    w.key("fail")
                        w.beginObject()
                            w.int("critical", r.summary.fail.critical); w.int("high", r.summary.fail.high)
                            w.int("info", r.summary.fail.info); w.int("low", r.summary.fail.low)
                            w.int("medium", r.summary.fail.medium)
                        w.endObject()
                    w.int("not-applicable", r.summary.notApplicable)
                    w.int("pass", r.summary.pass)
                    w.int("unknown", r.summary.unknown)
                    w.int("waived", r.summary.waived)
                w.endObject()
            w.key("tool"); w.beginObject(); w.string("name", r.tool.name); w.string("version", r.tool.version); w.endObject()
            w.key("waiver-notes")
                w.beginArray(); for n in r.waiverNotes { w.element();
                    w.beginObject()
                        w.string("finding", n.finding)
                        w.string("kind", n.kind)
                        if let l = n.location { w.key("location"); location(l, &w)  }
                        w.string("message", n.message)
                    w.endObject()
                }; w.endArray()
        w.endObject()
        w.out.append(0x0A)
        return w.out
    }

    static func outcome(_ o: Outcome, _ w: inout Writer) {
        w.beginObject()
            if let b = o.baseline { w.bool("baseline", b) }
            w.string("finding", o.finding)
            if let l = o.location { w.key("location"); location(l, &w)  }
            w.string("message", o.message)
            w.key("missing"); w.beginArray(); for item in o.missing { w.element(); w.value(item) }; w.endArray()
            w.key("references"); w.beginArray(); for item in o.references { w.element(); reference(item, &w) }; w.endArray()
            w.string("rule", o.rule)
            w.string("severity", o.severity.rawValue)
            w.string("status", o.status.rawValue)
            w.key("subject")
                w.beginObject()
                    w.string("id", o.subject.id)
                    w.string("kind", o.subject.kind)
                    if let n = o.subject.name { w.string("name", n) }
                w.endObject()

            if let v = o.waiver {
                w.key("waiver")
                    w.beginObject()
                        w.string("approved-by", v.approvedBy)
                        w.bool("expired", v.expired)
                        w.string("expires", v.expires)
                        w.string("finding", v.finding)
                        if let l = v.location { w.key("location"); location(l, &w)  }
                        w.string("reason", v.reason)
                        if let t = v.ticket { w.string("ticket", t) }
                    w.endObject()

            }
        w.endObject()
    }

    static func reference(_ r: Reference, _ w: inout Writer) {
        w.beginObject(); w.string("framework", r.framework); w.string("ref", r.ref); w.endObject()
    }

    static func location(_ l: Location, _ w: inout Writer) {
        w.beginObject(); w.int("column", l.column); w.string("file", l.file); w.int("line", l.line); w.endObject()
    }

    /// Streams pretty-printed JSON in JSONEncoder's layout; callers write keys already sorted.
    struct Writer {
        var out: [UInt8] = []
        var indent = 0
        /// Per open container: whether an element was written yet (for commas).
        var started: [Bool] = []

        mutating func beginObject() { open(UInt8(ascii: "{")) }
        mutating func endObject() { close(UInt8(ascii: "}")) }
        mutating func beginArray() { open(UInt8(ascii: "[")) }
        mutating func endArray() { close(UInt8(ascii: "]")) }
        /// Starts an array element (the separator and indentation).
        mutating func element() { separator() }

        mutating func key(_ key: String) {
            separator()
            quoted(key)
            out.append(contentsOf: [0x20, 0x3A, 0x20])
        }

        mutating func string(_ key: String, _ value: String) { self.key(key); quoted(value) }
        mutating func int(_ key: String, _ value: Int) { self.key(key); out.append(contentsOf: String(value).utf8) }
        mutating func bool(_ key: String, _ value: Bool) { self.key(key); out.append(contentsOf: (value ? "true" : "false").utf8) }
        /// A string element of an array (after `element()`).
        mutating func value(_ value: String) { quoted(value) }

        private mutating func open(_ bracket: UInt8) {
            out.append(bracket)
            out.append(0x0A)
            indent += 2
            started.append(false)
        }

        private mutating func close(_ bracket: UInt8) {
            // An empty container still gets its own empty line, as JSONEncoder writes it.
            _ = started.popLast()
            out.append(0x0A)
            indent -= 2
            pad()
            out.append(bracket)
        }

        /// Comma and newline before every element but the first, then the indentation.
        private mutating func separator() {
            if started.last == true {
                out.append(UInt8(ascii: ","))
                out.append(0x0A)
            }
            if !started.isEmpty { started[started.count - 1] = true }
            pad()
        }

        private mutating func pad() {
            out.append(contentsOf: repeatElement(0x20, count: indent))
        }

        static let hex: [UInt8] = Array("0123456789abcdef".utf8)

        /// JSONEncoder's escaping: quote, backslash and control characters; `/` and non-ASCII stay as is.
        private mutating func quoted(_ s: String) {
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
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
