/// Characters that steer a terminal or a renderer rather than print: C0 and C1 controls, DEL, and
/// the Unicode bidirectional overrides and marks ("Trojan Source"). Descriptor texts come from
/// suppliers and third parties, so every output escapes these; the JSON result writer and the report
/// escapers share this one definition.
public enum SteeringCharacters {
    /// `keepNewlines`: newline and tab count as text (multi-line fields).
    public static func contains(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        let v = scalar.value
        if keepNewlines && (v == 0x0A || v == 0x09) { return false }
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F { return true }
        return false
    }

    /// False only when the UTF-8 bytes surely hold no steering character: a scan without decoding, for
    /// the fast path of texts that are almost always clean. (C1 controls are C2 80-9F; the marks and
    /// overrides E2 80 8E-8F, E2 80 AA-AE and E2 81 A6-A9.) Inlinable so that callers in other modules
    /// get a loop specialised for their buffer type: unspecialised, it cost half the text report.
    @inlinable
    public static func mayOccur<C: Collection>(inUTF8 bytes: C, keepNewlines: Bool) -> Bool
        where C.Element == UInt8, C.Index == Int {
        mayOccur(inUTF8: bytes, from: bytes.startIndex, keepNewlines: keepNewlines)
    }

    /// The same for contiguous bytes, eight at a time while they are printable ASCII: the text
    /// report scans every name, id and message of a city-wide audit, tens of megabytes.
    @inlinable
    public static func mayOccur(inUTF8 bytes: UnsafeBufferPointer<UInt8>, keepNewlines: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // A byte below 0x20, a 0x7F (a zero after xor), or one with the high bit: look closer.
            let below = (word &- ones &* 0x20) & ~word & highs
            let delete = word ^ (ones &* 0x7F)
            let isDelete = (delete &- ones) & ~delete & highs
            if (below | isDelete | (word & highs)) != 0 { break }
            i += 8
        }
        return mayOccur(inUTF8: bytes, from: i, keepNewlines: keepNewlines)
    }

    @inlinable
    internal static func mayOccur<C: Collection>(inUTF8 bytes: C, from start: Int, keepNewlines: Bool) -> Bool
        where C.Element == UInt8, C.Index == Int {
        var i = start
        while i < bytes.endIndex {
            let byte = bytes[i]
            switch byte {
            case 0x0A, 0x09: if !keepNewlines { return true }
            case 0..<0x20, 0x7F: return true
            case 0xC2: if i + 1 < bytes.endIndex, (0x80...0x9F).contains(bytes[i + 1]) { return true }
            case 0xE2:
                if i + 2 < bytes.endIndex {
                    let (b1, b2) = (bytes[i + 1], bytes[i + 2])
                    if b1 == 0x80, b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2) { return true }
                    if b1 == 0x81, (0xA6...0xA9).contains(b2) { return true }
                }
            default: break
            }
            i += 1
        }
        return false
    }

    /// `text` with its steering characters shown as visible `\u{1b}` text: inert in a terminal or a
    /// renderer, and still telling the reader what was there.
    public static func visible(_ text: String, keepNewlines: Bool = false) -> String {
        // Nearly every string is clean: returning it as is spares a copy per field of every outcome.
        let plain = text.utf8.withContiguousStorageIfAvailable { !mayOccur(inUTF8: $0, keepNewlines: keepNewlines) }
        if plain == true { return text }
        if !text.unicodeScalars.contains(where: { contains($0, keepNewlines: keepNewlines) }) { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if contains(scalar, keepNewlines: keepNewlines) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
