import Foundation
import SchouwConcurrency
import SchouwModel

extension JSONValue {
    /// The document as `CanonicalJSON` writes it (keys in byte order, two-space indent, `" : "`,
    /// slashes unescaped, a final newline), with steering characters made visible, handed to
    /// `sink` in pieces of about a megabyte. The elements of generated arrays are made and written
    /// in blocks on every core, so a document with one element per outcome is never whole in
    /// memory.
    ///
    /// Written directly rather than through `JSONEncoder`: a city's SARIF or OSCAL document holds
    /// millions of values, and the encoder's intermediate tree of boxed values cost more time and
    /// memory than building the document (OSCAL for 10,000 systems: 112 s and 6.8 GB).
    /// `JSONWritingTests` hold the two to the same bytes.
    func write<Failure: Error>(to sink: (Data) throws(Failure) -> Void) throws(Failure) {
        try withoutActuallyEscaping(sink) { (sink) throws(Failure) in
            var writer = PieceWriter(sink: sink)
            try writer.write(self, indent: 0)
            writer.raw.append(UInt8(ascii: "\n"))
            try writer.flush()
        }
    }

    /// Whether a generated array is somewhere inside (only those parts need the piece writer).
    fileprivate var holdsGenerated: Bool {
        switch self {
        case .generated: true
        case .object(let object): object.members.contains { $0.value.holdsGenerated }
        case .array(let elements): elements.contains { $0.holdsGenerated }
        default: false
        }
    }

    fileprivate func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .object(let object):
            let members = object.sorted
            out.append(UInt8(ascii: "{"))
            Self.writeItems(members.count, to: &out, indent: indent) { k, out in
                Self.writeKey(members[k].key, to: &out)
                members[k].value.write(to: &out, indent: indent + 2)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            Self.writeItems(elements.count, to: &out, indent: indent) { i, out in
                elements[i].write(to: &out, indent: indent + 2)
            }
            out.append(UInt8(ascii: "]"))
        case .generated(let generated):
            out.append(UInt8(ascii: "["))
            Self.writeItems(generated.count, to: &out, indent: indent) { i, out in
                generated.element(i).write(to: &out, indent: indent + 2)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let s):
            Self.writeString(s, to: &out)
        case .int(let i):
            out.append(contentsOf: String(i).utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null:
            out.append(contentsOf: "null".utf8)
        }
    }

    fileprivate static func writeKey(_ key: String, to out: inout [UInt8]) {
        writeString(key, to: &out)
        out.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    /// The start of item `i` of an object or array whose items sit at `indent`.
    fileprivate static func openItem(_ i: Int, to out: inout [UInt8], indent: Int) {
        if i > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// The line the closing bracket of an object or array at `indent` goes on.
    fileprivate static func closeItems(to out: inout [UInt8], indent: Int) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// The items of an object or array, each on a line of its own one level in, and the line the
    /// closing bracket goes on; an empty one keeps an empty line, as the encoder writes it.
    private static func writeItems(_ count: Int, to out: inout [UInt8], indent: Int, _ item: (Int, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "\n"))
        for i in 0..<count {
            openItem(i, to: &out, indent: indent + 2)
            item(i, &out)
        }
        closeItems(to: &out, indent: indent)
    }

    /// A JSON string: runs of bytes that need no escape are copied at once.
    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let copied: Void? = s.utf8.withContiguousStorageIfAvailable { bytes in
            var run = 0
            for i in bytes.indices where bytes[i] < 0x20 || bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                writeEscape(bytes[i], to: &out)
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        if copied == nil {
            for byte in s.utf8 {
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    writeEscape(byte, to: &out)
                } else {
                    out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func writeEscape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                    Hex.digits[Int(byte >> 4)], Hex.digits[Int(byte & 0xF)]])
        }
    }
}

/// Writes a document whose generated arrays are made on every core, handing on a piece whenever
/// a megabyte has gathered. Every byte has its steering characters made visible before it is
/// handed on: the elements of a generated array on the core that made them, the rest of the
/// document (a few lines between the arrays) as it is written. Pieces end between elements, so
/// no character is ever split.
private struct PieceWriter<Failure: Error> {
    static var pieceSize: Int { 1 << 20 }
    /// Elements per block made on one core: large enough to make the hand-over cheap, small
    /// enough that both cores stay busy and little is held at once.
    static var elementsPerBlock: Int { 64 }

    /// Bytes ready to hand on.
    var out: [UInt8] = []
    /// Bytes of the document outside generated arrays, not yet made safe.
    var raw: [UInt8] = []
    let sink: (Data) throws(Failure) -> Void

    init(sink: @escaping (Data) throws(Failure) -> Void) {
        self.sink = sink
        out.reserveCapacity(Self.pieceSize + (1 << 16))
    }

    /// Moves the document's own bytes to the ready ones.
    mutating func settle() {
        guard !raw.isEmpty else { return }
        out += Escape.jsonSafe(raw)
        raw.removeAll(keepingCapacity: true)
    }

    mutating func flush() throws(Failure) {
        settle()
        guard !out.isEmpty else { return }
        try sink(Data(out))
        out.removeAll(keepingCapacity: true)
    }

    mutating func write(_ value: JSONValue, indent: Int) throws(Failure) {
        guard value.holdsGenerated else { return value.write(to: &raw, indent: indent) }
        switch value {
        case .object(let object):
            raw.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "\n")])
            for (k, member) in object.sorted.enumerated() {
                JSONValue.openItem(k, to: &raw, indent: indent + 2)
                JSONValue.writeKey(member.key, to: &raw)
                try write(member.value, indent: indent + 2)
            }
            JSONValue.closeItems(to: &raw, indent: indent)
            raw.append(UInt8(ascii: "}"))
        case .array(let elements):
            raw.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "\n")])
            for (i, element) in elements.enumerated() {
                JSONValue.openItem(i, to: &raw, indent: indent + 2)
                try write(element, indent: indent + 2)
            }
            JSONValue.closeItems(to: &raw, indent: indent)
            raw.append(UInt8(ascii: "]"))
        case .generated(let generated):
            raw.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "\n")])
            settle()
            try forEachBlockInOrder(generated.count, block: Self.elementsPerBlock, window: 8, make: { range -> [UInt8] in
                var bytes: [UInt8] = []
                for i in range {
                    JSONValue.openItem(i, to: &bytes, indent: indent + 2)
                    generated.element(i).write(to: &bytes, indent: indent + 2)
                }
                return Escape.jsonSafe(bytes)
            }, consume: { (bytes: [UInt8]) throws(Failure) in
                out.append(contentsOf: bytes)
                if out.count >= Self.pieceSize { try flush() }
            })
            JSONValue.closeItems(to: &raw, indent: indent)
            raw.append(UInt8(ascii: "]"))
        default:
            value.write(to: &raw, indent: indent)
        }
    }
}
