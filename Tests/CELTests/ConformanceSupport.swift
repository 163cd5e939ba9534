import CEL
import Foundation

/// One case from `../shared/tools/cel-conformance/cases.json` (see tools/README.md for the format).
struct ConformanceCase: Decodable {
    var file: String
    var section: String
    var name: String
    var expr: String
    var bindings: [String: TaggedValue]
    var type_env: [String: String]
    var expected: Expected
    var disable_check: Bool?
    var disable_macros: Bool?

    struct Expected: Decodable {
        var value: TaggedValue?
        var error: [String]?
    }

    var key: String { "\(file)/\(section)/\(name)" }
}

/// A CEL value tagged with its type so int and uint survive JSON.
struct TaggedValue: Decodable {
    var value: Value

    private enum Keys: String, CodingKey {
        case null, bool, int, uint, double, string, bytes, list, map
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if c.contains(.null) {
            value = .null
        } else if let b = try c.decodeIfPresent(Bool.self, forKey: .bool) {
            value = .bool(b)
        } else if let i = try c.decodeIfPresent(Int64.self, forKey: .int) {
            value = .int(i)
        } else if let u = try c.decodeIfPresent(UInt64.self, forKey: .uint) {
            value = .uint(u)
        } else if c.contains(.double) {
            if let text = try? c.decode(String.self, forKey: .double) {
                value = .double(text == "NaN" ? .nan : text == "Infinity" ? .infinity : -.infinity)
            } else {
                value = .double(try c.decode(Double.self, forKey: .double))
            }
        } else if let s = try c.decodeIfPresent(String.self, forKey: .string) {
            value = .string(s)
        } else if let b = try c.decodeIfPresent(String.self, forKey: .bytes) {
            value = .bytes(Array(Data(base64Encoded: b) ?? Data()))
        } else if let l = try c.decodeIfPresent([TaggedValue].self, forKey: .list) {
            value = .list(l.map(\.value))
        } else if let m = try c.decodeIfPresent([[TaggedValue]].self, forKey: .map) {
            let pairs = m.compactMap { $0.count == 2 ? ($0[0].value, $0[1].value) : nil }
            switch MapValue.make(pairs) {
            case .success(let map): value = .map(map)
            case .failure(let e): value = .error(e)
            }
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown tag"))
        }
    }
}

enum Conformance {
    static let coreFiles: Set<String> = [
        "basic", "comparisons", "conversions", "fields", "fp_math", "integer_math", "lists", "logic", "macros",
        "namespace", "parse", "plumbing", "string", "timestamps", "type_deduction",
    ]

    static let otherExtensionFiles: Set<String> = ["math_ext", "encoders_ext", "bindings_ext"]

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let casesURL = packageRoot.appendingPathComponent("../shared/tools/cel-conformance/cases.json").standardized
    static let knownFailuresURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/conformance-known-failures.txt")

    static func loadCases() throws -> [ConformanceCase] {
        let data = try Data(contentsOf: casesURL)
        return try JSONDecoder().decode([ConformanceCase].self, from: data)
    }

    /// Runs one case; nil on success, otherwise why it failed.
    static func run(_ testCase: ConformanceCase) -> String? {
        var env = Environment()
        env.typeChecking = !(testCase.disable_check ?? false)
        env.parserOptions.macros = !(testCase.disable_macros ?? false)
        for (name, typeText) in testCase.type_env {
            guard let type = CELType.parse(typeText) else { return "cannot parse type \(typeText)" }
            env.declare(variable: name, type: type)
        }
        for name in testCase.bindings.keys where env.variables[name] == nil {
            env.declare(variable: name, type: .dyn)
        }
        let program: Program
        do {
            program = try env.compile(testCase.expr)
        } catch {
            if testCase.expected.error != nil { return nil }
            return "compile error: \(error.diagnostics.map(\.description).joined(separator: "; "))"
        }
        let result = program.evaluate(testCase.bindings.mapValues(\.value))
        if let expectedValue = testCase.expected.value {
            if case .error(let e) = result { return "eval error: \(e.message)" }
            return strictlyEqual(result, expectedValue.value) ? nil
                : "got \(result.literal), want \(expectedValue.value.literal)"
        }
        if case .error = result { return nil }
        return "got \(result.literal), want an error"
    }

    /// Typed equality: `1` and `1u` differ; NaN equals NaN; maps compare regardless of order.
    static func strictlyEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.uint(let x), .uint(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.list(let x), .list(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { strictlyEqual($0, $1) }
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x.entries {
                guard let other = y.entries.first(where: { strictlyEqual($0.key, key) }),
                      strictlyEqual(value, other.value) else { return false }
            }
            return true
        case (.int, _), (.uint, _), (.double, _), (.list, _), (.map, _): return false
        default: return a.celEquals(b)
        }
    }
}

/// `../shared` (reference models, validators, conformance data) sits beside the package in CI. A clone
/// elsewhere skips the tests that need it; with `CI` set they run anyway and fail loudly if it is missing.
enum SharedDirectory {
    static var usable: Bool {
        FileManager.default.fileExists(atPath: Conformance.casesURL.path) || ProcessInfo.processInfo.environment["CI"] != nil
    }
}
