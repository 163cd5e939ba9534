/// `+ - * / %` over CEL values, with int/uint overflow checks and time arithmetic.
enum Arithmetic {
    static func apply(_ op: Node.ArithmeticOp, _ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)): return int(op, x, y)
        case (.uint(let x), .uint(let y)): return uint(op, x, y)
        case (.double(let x), .double(let y)):
            switch op {
            case .add: return .double(x + y)
            case .subtract: return .double(x - y)
            case .multiply: return .double(x * y)
            case .divide: return .double(x / y)
            case .modulo: break
            }
        case (.string(let x), .string(let y)) where op == .add: return .string(x + y)
        case (.bytes(let x), .bytes(let y)) where op == .add: return .bytes(x + y)
        case (.list(let x), .list(let y)) where op == .add: return .list(x + y)
        case (.timestamp(let t), .duration(let d)) where op == .add || op == .subtract:
            guard let r = t.adding(op == .add ? d : d.negated) else { return .err(.overflow, "timestamp overflow") }
            return .timestamp(r)
        case (.duration(let d), .timestamp(let t)) where op == .add:
            guard let r = t.adding(d) else { return .err(.overflow, "timestamp overflow") }
            return .timestamp(r)
        case (.timestamp(let x), .timestamp(let y)) where op == .subtract:
            guard let r = x.difference(y) else { return .err(.overflow, "duration overflow") }
            return .duration(r)
        case (.duration(let x), .duration(let y)) where op == .add || op == .subtract:
            guard let r = x.adding(op == .add ? y : y.negated) else { return .err(.overflow, "duration overflow") }
            return .duration(r)
        default: break
        }
        let name = ["_+_", "_-_", "_*_", "_/_", "_%_"][[Node.ArithmeticOp.add, .subtract, .multiply, .divide, .modulo]
            .firstIndex(of: op) ?? 0]
        return .error(EvalError.noOverload(name, [a, b]))
    }

    private static func int(_ op: Node.ArithmeticOp, _ x: Int64, _ y: Int64) -> Value {
        let result: (Int64, Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .divide:
            if y == 0 { return .err(.divisionByZero, "division by zero") }
            result = x.dividedReportingOverflow(by: y)
        case .modulo:
            if y == 0 { return .err(.moduloByZero, "modulus by zero") }
            result = x.remainderReportingOverflow(dividingBy: y)
        }
        return result.1 ? .err(.overflow, "integer overflow") : .int(result.0)
    }

    private static func uint(_ op: Node.ArithmeticOp, _ x: UInt64, _ y: UInt64) -> Value {
        let result: (UInt64, Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .divide:
            if y == 0 { return .err(.divisionByZero, "division by zero") }
            result = (x / y, false)
        case .modulo:
            if y == 0 { return .err(.moduloByZero, "modulus by zero") }
            result = (x % y, false)
        }
        return result.1 ? .err(.overflow, "unsigned integer overflow") : .uint(result.0)
    }
}
