/// The cel-go sets extension: `sets.contains`, `sets.intersects`, `sets.equivalent` on lists,
/// using CEL equality (so `sets.contains([1], [1.0])` is true).
extension FunctionLibrary {
    public static let setsExtension: FunctionLibrary = {
        var lib = FunctionLibrary()
        @Sendable func lists(_ args: [Value], _ name: String) -> ([Value], [Value])? {
            guard case .list(let a) = args[0], case .list(let b) = args[1] else { return nil }
            return (a, b)
        }
        let list = CELType.list(.param("T"))
        lib.add("sets.contains", Overload(id: "sets_contains", parameters: [list, list], result: .bool) { args in
            guard let (a, b) = lists(args, "sets.contains") else { return .error(EvalError.noOverload("sets.contains", args)) }
            return .bool(b.allSatisfy { x in a.contains { $0.celEquals(x) } })
        })
        lib.add("sets.intersects", Overload(id: "sets_intersects", parameters: [list, list], result: .bool) { args in
            guard let (a, b) = lists(args, "sets.intersects") else { return .error(EvalError.noOverload("sets.intersects", args)) }
            return .bool(b.contains { x in a.contains { $0.celEquals(x) } })
        })
        lib.add("sets.equivalent", Overload(id: "sets_equivalent", parameters: [list, list], result: .bool) { args in
            guard let (a, b) = lists(args, "sets.equivalent") else { return .error(EvalError.noOverload("sets.equivalent", args)) }
            return .bool(b.allSatisfy { x in a.contains { $0.celEquals(x) } } && a.allSatisfy { x in b.contains { $0.celEquals(x) } })
        })
        return lib
    }()
}
