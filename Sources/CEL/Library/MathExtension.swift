import Foundation

/// The cel-go math extension: `math.greatest`, `math.least` (any number of numeric arguments or
/// one list), rounding (`ceil`, `floor`, `round`, `trunc`), `abs`, `sign`, `isNaN`, `isInf`,
/// `isFinite` and the bit operations.
extension FunctionLibrary {
    public static let mathExtension: FunctionLibrary = {
        var lib = FunctionLibrary()
        for (name, wantGreater) in [("math.greatest", true), ("math.least", false)] {
            let pick: FunctionImplementation = { args in
                var candidates = args
                if args.count == 1, case .list(let elements) = args[0] { candidates = elements }
                guard var best = candidates.first else {
                    return .err(.invalidArgument, "\(name)() needs at least one value")
                }
                guard candidates.allSatisfy(isNumber) else { return .error(EvalError.noOverload(name, args)) }
                for candidate in candidates.dropFirst() {
                    guard let order = Value.compareNumbers(candidate, best) else { continue }
                    if wantGreater ? order > 0 : order < 0 { best = candidate }
                }
                return best
            }
            for type in [CELType.int, .uint, .double, .list(.int), .list(.uint), .list(.double), .list(.dyn)] {
                lib.add(name, Overload(id: "\(name)_\(type)", parameters: [type], result: resultType(type), implementation: pick))
            }
            for arity in 2...16 {
                lib.add(name, Overload(id: "\(name)_\(arity)", parameters: Array(repeating: .dyn, count: arity),
                                       result: .dyn, implementation: pick))
            }
        }
        let rounding: [(String, @Sendable (Double) -> Double)] = [
            ("ceil", { $0.rounded(.up) }), ("floor", { $0.rounded(.down) }),
            ("round", { $0.rounded(.toNearestOrAwayFromZero) }), ("trunc", { $0.rounded(.towardZero) }),
        ]
        for (short, operation) in rounding {
            lib.add("math." + short, Overload(id: "math_\(short)_double", parameters: [.double], result: .double) { args in
                guard case .double(let d) = args[0] else { return .error(EvalError.noOverload("math." + short, args)) }
                return .double(operation(d))
            })
        }
        let predicates: [(String, @Sendable (Double) -> Bool)] = [
            ("isNaN", { $0.isNaN }), ("isInf", { $0.isInfinite }), ("isFinite", { $0.isFinite }),
        ]
        for (short, predicate) in predicates {
            lib.add("math." + short, Overload(id: "math_\(short)_double", parameters: [.double], result: .bool) { args in
                guard case .double(let d) = args[0] else { return .error(EvalError.noOverload("math." + short, args)) }
                return .bool(predicate(d))
            })
        }
        for type in [CELType.int, .uint, .double] {
            lib.add("math.abs", Overload(id: "math_abs_\(type)", parameters: [type], result: type) { args in
                switch args[0] {
                case .int(let i):
                    return i == Int64.min ? .err(.overflow, "integer overflow in math.abs") : .int(abs(i))
                case .uint: return args[0]
                case .double(let d): return .double(abs(d))
                default: return .error(EvalError.noOverload("math.abs", args))
                }
            })
            lib.add("math.sign", Overload(id: "math_sign_\(type)", parameters: [type], result: type) { args in
                switch args[0] {
                case .int(let i): return .int(i.signum())
                case .uint(let u): return .uint(u == 0 ? 0 : 1)
                case .double(let d): return .double(d.isNaN ? d : (d > 0 ? 1 : (d < 0 ? -1 : 0)))
                default: return .error(EvalError.noOverload("math.sign", args))
                }
            })
        }
        let bitOps: [(String, @Sendable (UInt64, UInt64) -> UInt64)] = [
            ("bitAnd", { $0 & $1 }), ("bitOr", { $0 | $1 }), ("bitXor", { $0 ^ $1 }),
        ]
        for (short, operation) in bitOps {
            for type in [CELType.int, .uint] {
                lib.add("math." + short, Overload(id: "math_\(short)_\(type)", parameters: [type, type], result: type) { args in
                    switch (args[0], args[1]) {
                    case (.int(let a), .int(let b)):
                        return .int(Int64(bitPattern: operation(UInt64(bitPattern: a), UInt64(bitPattern: b))))
                    case (.uint(let a), .uint(let b)): return .uint(operation(a, b))
                    default: return .error(EvalError.noOverload("math." + short, args))
                    }
                })
            }
        }
        for type in [CELType.int, .uint] {
            lib.add("math.bitNot", Overload(id: "math_bitNot_\(type)", parameters: [type], result: type) { args in
                switch args[0] {
                case .int(let a): return .int(~a)
                case .uint(let a): return .uint(~a)
                default: return .error(EvalError.noOverload("math.bitNot", args))
                }
            })
            for (short, left) in [("bitShiftLeft", true), ("bitShiftRight", false)] {
                lib.add("math." + short, Overload(id: "math_\(short)_\(type)", parameters: [type, .int], result: type) { args in
                    guard case .int(let shift) = args[1] else { return .error(EvalError.noOverload("math." + short, args)) }
                    guard shift >= 0 else { return .err(.invalidArgument, "math.\(short)() negative offset: \(shift)") }
                    let bits: UInt64
                    switch args[0] {
                    case .int(let a): bits = UInt64(bitPattern: a)
                    case .uint(let a): bits = a
                    default: return .error(EvalError.noOverload("math." + short, args))
                    }
                    let shifted = shift >= 64 ? 0 : (left ? bits << UInt64(shift) : bits >> UInt64(shift))
                    if case .int = args[0] { return .int(Int64(bitPattern: shifted)) }
                    return .uint(shifted)
                })
            }
        }
        return lib
    }()

    private static func resultType(_ type: CELType) -> CELType {
        if case .list(let element) = type { return element }
        return type
    }
}

private func isNumber(_ value: Value) -> Bool {
    switch value {
    case .int, .uint, .double: return true
    default: return false
    }
}
