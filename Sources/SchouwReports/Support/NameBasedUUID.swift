import Crypto
import SchouwModel

/// RFC 4122 name-based UUIDs (version 5, SHA-1), so identifiers in OSCAL output follow from the
/// finding ids and the same result always gives the same bytes. SHA-1 is used here only because
/// version 5 is defined with it; nothing relies on it for security.
public enum NameBasedUUID {
    /// The namespace of every UUID schouw derives (itself a v5 UUID of `https://schouw.nl/ns/oscal` in the URL namespace).
    public static let schouwNamespace: [UInt8] = v5Bytes(namespace: urlNamespace, name: "https://schouw.nl/ns/oscal")

    /// RFC 4122 appendix C: the URL namespace.
    public static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                               0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    public static func v5(_ name: String, namespace: [UInt8] = schouwNamespace) -> String {
        format(v5Bytes(namespace: namespace, name: name))
    }

    static func v5Bytes(namespace: [UInt8], name: String) -> [UInt8] {
        var hash = Insecure.SHA1()
        hash.update(data: namespace)
        hash.update(data: Array(name.utf8))
        var bytes = Array(Array(hash.finalize()).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return bytes
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lower-case hex; an OSCAL document of a city holds
    /// millions of them.
    static func format(_ b: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: 36) { out in
            var n = 0
            for (i, byte) in b.prefix(16).enumerated() {
                if i == 4 || i == 6 || i == 8 || i == 10 { out[n] = UInt8(ascii: "-"); n += 1 }
                out[n] = Hex.digits[Int(byte >> 4)]
                out[n + 1] = Hex.digits[Int(byte & 0xF)]
                n += 2
            }
            return n
        }
    }
}

/// SHA-1 (through swift-crypto), for name-based UUIDs and stable fingerprints only.
enum SHA1 {
    static func digest(_ message: [UInt8]) -> [UInt8] {
        Array(Insecure.SHA1.hash(data: message))
    }

    static func hex(_ message: String) -> String {
        Hex.lowercase(digest(Array(message.utf8)))
    }
}
