import SchouwConcurrency

/// Writes an `AuditResult` as the bytes `CanonicalJSON.encode` gives (sorted keys, two-space
/// indentation, `" : "`), with one addition: characters that steer a terminal (DEL, C1 controls,
/// bidi overrides) are written as `\u` escapes, as `Escape.jsonSafe` does for every JSON report.
/// Many times faster than `JSONEncoder`, and it can stream: a city-wide audit has hundreds of
/// thousands of outcomes. Keys are written in sorted order by hand; tests compare it with
/// `JSONEncoder` on every example so they cannot drift.
public enum ResultJSONWriter {
    /// The whole result in memory.
    public static func encode(_ r: AuditResult) -> [UInt8] {
        var whole: [UInt8] = []
        whole.reserveCapacity(1024 + r.outcomes.count * 760)
        write(r, chunkSize: Int.max) { whole.append(contentsOf: $0) }
        return whole
    }

    /// The result in pieces of about `chunkSize` bytes, handed to `sink` as they are ready: a result of
    /// hundreds of thousands of outcomes goes to a file or pipe without ever being whole in memory.
    public static func write(_ r: AuditResult, chunkSize: Int = 1 << 20, to sink: ([UInt8]) -> Void) {
        var w = Writer()
        w.out.reserveCapacity(min(chunkSize, 1024 + r.outcomes.count * 760) + 4096)
        func flushIfFull() {
            guard w.out.count >= chunkSize else { return }
            sink(w.out)
            w.out.removeAll(keepingCapacity: true)
        }
        // The statements are indented as the JSON they write is nested.
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
            w.key("outcomes"); w.beginArray()
            // Outcomes are nearly all of a result: encoded in blocks on every core, written in order.
            // Blocks no larger than a piece (an outcome is some 760 bytes), so pieces stay near `chunkSize`.
            let list = r.outcomes, indent = w.indent
            forEachBlockInOrder(list.count, block: min(512, chunkSize / 800), make: { range -> [UInt8] in
                // Every block but the first starts with the comma that separates it from the last.
                var piece = Writer(out: [], indent: indent, started: [range.lowerBound > 0])
                piece.out.reserveCapacity(range.count * 800)
                for o in list[range] { piece.element(); outcome(o, &piece) }
                return piece.out
            }, consume: { piece in
                w.out.append(contentsOf: piece)
                flushIfFull()
            })
            if !list.isEmpty { w.markStarted() }
            w.endArray()
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
        sink(w.out)
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

        /// Records that the open container has elements (written by another writer and appended).
        mutating func markStarted() {
            if !started.isEmpty { started[started.count - 1] = true }
        }

        mutating func key(_ key: String) {
            separator()
            quoted(key)
            out.append(0x20); out.append(0x3A); out.append(0x20)
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
            var left = indent
            while left > 0 {
                let n = min(left, Self.spaces.count)
                out.append(contentsOf: Self.spaces[0..<n])
                left -= n
            }
        }

        static let spaces = [UInt8](repeating: 0x20, count: 64)

        static let hex: [UInt8] = Array("0123456789abcdef".utf8)

        /// Steering characters other than C0 controls, which JSON escaping handles already.
        static func isSteering(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x20 && SteeringCharacters.contains(scalar, keepNewlines: true)
        }

        /// The slow path for a string holding a steering character: every scalar written alone.
        private mutating func quotedWithSteering(_ s: String) {
            for scalar in s.unicodeScalars {
                if Self.isSteering(scalar) {
                    let hex = Array(String(scalar.value, radix: 16).utf8)
                    out.append(0x5C); out.append(UInt8(ascii: "u"))
                    out.append(contentsOf: repeatElement(0x30, count: max(0, 4 - hex.count)))
                    out.append(contentsOf: hex)
                } else {
                    escapeBytes(String(scalar).utf8)
                }
            }
            out.append(UInt8(ascii: "\""))
        }

        /// A JSON string: JSONEncoder's escaping, plus `\u` escapes for steering characters.
        private mutating func quoted(_ s: String) {
            out.append(UInt8(ascii: "\""))
            // Most strings need no escape: copy their bytes whole. (0x7F, 0xC2 and 0xE2 may start a
            // steering character and take the slow path, which decides.)
            let copied = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
                    return false
                }
                out.append(contentsOf: bytes)
                return true
            }
            if copied == true {
                out.append(UInt8(ascii: "\""))
                return
            }
            if s.unicodeScalars.contains(where: Self.isSteering) {
                quotedWithSteering(s)
                return
            }
            escapeBytes(s.utf8)
            out.append(UInt8(ascii: "\""))
        }

        /// JSONEncoder's escaping: quote, backslash and control characters; `/` and non-ASCII stay as is.
        private mutating func escapeBytes<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): out.append(0x5C); out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
                case 0..<0x20:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
                default: out.append(byte)
                }
            }
        }
    }
}
