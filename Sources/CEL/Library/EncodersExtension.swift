import Foundation

/// The cel-go encoders extension: `base64.encode(bytes)` and `base64.decode(string)` (padding optional).
extension FunctionLibrary {
    public static let encodersExtension: FunctionLibrary = {
        var lib = FunctionLibrary()
        lib.add("base64.encode", Overload(id: "base64_encode_bytes", parameters: [.bytes], result: .string) { args in
            guard case .bytes(let b) = args[0] else { return .error(EvalError.noOverload("base64.encode", args)) }
            return .string(Data(b).base64EncodedString())
        })
        lib.add("base64.decode", Overload(id: "base64_decode_string", parameters: [.string], result: .bytes) { args in
            guard case .string(let s) = args[0] else { return .error(EvalError.noOverload("base64.decode", args)) }
            var text = s
            if text.count % 4 != 0 { text += String(repeating: "=", count: 4 - text.count % 4) }
            guard let data = Data(base64Encoded: text) else {
                return .err(.invalidArgument, "base64.decode: \(Value.quote(s)) is not valid base64")
            }
            return .bytes(Array(data))
        })
        return lib
    }()
}
