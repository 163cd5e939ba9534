import Foundation

extension JSONValue {
    /// The document as `CanonicalJSON` writes it (keys in byte order, two-space indent, `" : "`,
    /// slashes unescaped, a final newline), with steering characters made visible.
    ///
    /// Written directly rather than through `JSONEncoder`: a city's SARIF or OSCAL document holds
    /// millions of values, and the encoder's intermediate tree of boxed values cost more time and
    /// memory than building the document (OSCAL for 10,000 systems: 112 s and 6.8 GB).
    /// `JSONWritingTests` hold the two to the same bytes.
    func data() throws -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(to: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return Escape.jsonSafe(Data(out))
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .object(let members):
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            out.append(UInt8(ascii: "{"))
            writeItems(keys.count, to: &out, indent: indent) { k, out in
                Self.writeString(keys[k], to: &out)
                out.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
                members[keys[k]]?.write(to: &out, indent: indent + 2)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            writeItems(elements.count, to: &out, indent: indent) { i, out in
                elements[i].write(to: &out, indent: indent + 2)
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

    /// The items of an object or array, each on a line of its own one level in, and the line the
    /// closing bracket goes on; an empty one keeps an empty line, as the encoder writes it.
    private func writeItems(_ count: Int, to out: inout [UInt8], indent: Int, _ item: (Int, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "\n"))
        for i in 0..<count {
            if i > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 2))
            item(i, &out)
        }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
