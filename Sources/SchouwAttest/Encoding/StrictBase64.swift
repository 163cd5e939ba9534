import Foundation

/// RFC 4648 base64 as DSSE requires it: standard or URL-safe alphabet, padded, nothing else.
///
/// Decoding is strict so one string has one meaning: no whitespace, no missing or extra padding, no mixed
/// alphabets and no stray bits in the last character (lenient decoders map several strings to the same bytes).
public enum StrictBase64 {
    public static func encode(_ data: Data) -> String {
        data.base64EncodedString()
    }

    public static func decode(_ text: String) -> Data? {
        let bytes = Array(text.utf8)
        guard bytes.count % 4 == 0 else { return nil }
        let standard = bytes.contains(UInt8(ascii: "+")) || bytes.contains(UInt8(ascii: "/"))
        let urlSafe = bytes.contains(UInt8(ascii: "-")) || bytes.contains(UInt8(ascii: "_"))
        if standard && urlSafe { return nil }

        var output = Data()
        output.reserveCapacity(bytes.count / 4 * 3)
        var chunkStart = 0
        while chunkStart < bytes.count {
            let chunk = bytes[chunkStart..<chunkStart + 4]
            let isLast = chunkStart + 4 == bytes.count
            let padding = chunk.reversed().prefix { $0 == UInt8(ascii: "=") }.count
            guard padding <= 2, padding == 0 || isLast else { return nil }
            var values: [UInt8] = []
            for byte in chunk.prefix(4 - padding) {
                guard let value = sextet(byte) else { return nil }
                values.append(value)
            }
            let combined = values.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (18 - 6 * $1.offset) }
            output.append(UInt8(combined >> 16 & 0xFF))
            if padding < 2 { output.append(UInt8(combined >> 8 & 0xFF)) }
            if padding < 1 { output.append(UInt8(combined & 0xFF)) }
            // Bits below the last full byte must be zero, or two strings would decode to the same bytes.
            if padding == 2, combined & 0xFFFF != 0 { return nil }
            if padding == 1, combined & 0xFF != 0 { return nil }
            chunkStart += 4
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
