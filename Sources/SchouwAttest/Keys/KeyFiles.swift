import Foundation

/// Writes and reads the key files `schouw keygen` makes: `NAME.key` (PKCS#8 PEM, mode 0600) and `NAME.pub`.
public enum KeyFiles {
    /// Where a key pair named `base` lives.
    public static func paths(base: String) -> (privateKey: String, publicKey: String) {
        (base + ".key", base + ".pub")
    }

    /// Writes both files of `key`. Without `force`, fails before writing anything when either file exists.
    public static func write(_ key: SigningKey, base: String, force: Bool) throws {
        let (privatePath, publicPath) = paths(base: base)
        if !force {
            for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
                throw AttestError("\(path) already exists; refusing to overwrite a key (pass --force to replace it)")
            }
        }
        try AtomicFile.write(Data(key.pkcs8PEM.utf8), to: privatePath, mode: 0o600, replace: force)
        try AtomicFile.write(Data(key.publicKey.pem.utf8), to: publicPath, mode: 0o644, replace: force)
    }

    public static func readSigningKey(path: String) throws -> SigningKey {
        try SigningKey(pem: try readText(path: path, what: "key"), source: path)
    }

    public static func readVerifyingKey(path: String) throws -> VerifyingKey {
        try VerifyingKey(pem: try readText(path: path, what: "key"), source: path)
    }

    /// Reads a small text file (keys, certificates), refusing anything over 1 MiB.
    static func readText(path: String, what: String) throws -> String {
        let data = try BoundedFile.read(path: path, limit: 1 << 20, what: what)
        guard let text = String(data: data, encoding: .utf8) else { throw AttestError("\(path): the \(what) file is not UTF-8 text") }
        return text
    }
}

/// Reads files with a size limit, so a hostile input cannot exhaust memory.
public enum BoundedFile {
    public static func read(path: String, limit: Int, what: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AttestError("\(path): cannot read the \(what) file (does it exist and is it readable?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw AttestError("\(path): cannot read the \(what) file: \(error.localizedDescription)")
        }
        guard data.count <= limit else {
            throw AttestError("\(path): the \(what) file is larger than \(limit / (1 << 20)) MiB; refusing to read it")
        }
        return data
    }
}
