import Crypto

/// SHA-256 digests of descriptor and rule files, as results and attestations record them. Uses
/// swift-crypto (BoringSSL's assembly on Linux): a city-wide descriptor runs to tens of megabytes.
package enum SHA256Digest {
    /// Lowercase hex digest of `bytes`.
    package static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digest = bytes.withContiguousStorageIfAvailable { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
            ?? SHA256.hash(data: Array(bytes))
        return hex(digest)
    }

    /// The digest of `parts` written one after the other, without joining them into one string first.
    package static func hex(concatenating parts: [String]) -> String {
        var hasher = SHA256()
        for var part in parts {
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String { Hex.lowercase(Array(digest)) }
}

/// Lower-case hexadecimal without a string per byte (digests, UUIDs, JSON escapes).
package enum Hex {
    package static let digits = Array("0123456789abcdef".utf8)

    package static func lowercase(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (i, byte) in bytes.enumerated() {
                out[2 * i] = digits[Int(byte >> 4)]
                out[2 * i + 1] = digits[Int(byte & 0xF)]
            }
            return bytes.count * 2
        }
    }
}
