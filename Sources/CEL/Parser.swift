/// Options that change how expressions are parsed.
public struct ParserOptions: Sendable {
    /// How deep the parser may recurse (parentheses, calls, list and map literals). Far beyond any
    /// hand-written rule, and low enough that parsing, checking and evaluating stay within a
    /// 512 KiB thread stack in release builds (the size of Swift concurrency threads on macOS).
    public var maxRecursionDepth: Int = 100
    /// How tall the syntax tree may grow (also bounds long operator chains such as `a+a+...`).
    public var maxHeight: Int = 200
    /// Expand `has`, `all`, `exists`, `exists_one`, `map` and `filter`; off, they are plain calls.
    public var macros: Bool = true

    public init(maxRecursionDepth: Int = 100, maxHeight: Int = 200, macros: Bool = true) {
        self.maxRecursionDepth = maxRecursionDepth
        self.maxHeight = maxHeight
        self.macros = macros
    }
}

/// Recursive-descent parser for the CEL grammar, producing an `Expr` tree.
public struct Parser {
    private struct Failure: Error {
        var message: String
        var offset: Int
    }

    private let source: Source
    private let options: ParserOptions
    private var tokens: [Token] = []
    private var index = 0
    private var nextID = 1
    private var depth = 0

    /// Parses `text` into an expression tree, or throws a `CompileError` with a located diagnostic.
    public static func parse(_ text: String, options: ParserOptions = ParserOptions()) throws(CompileError) -> ParsedExpression {
        let source = Source(text)
        var parser = Parser(source: source, options: options)
        do {
            var lexer = Lexer(scalars: source.scalars)
            do {
                parser.tokens = try lexer.tokenize()
            } catch {
                throw Failure(message: error.message, offset: error.offset)
            }
            let expr = try parser.parseExpr()
            guard case .end = parser.current.kind else {
                throw Failure(message: "unexpected \(parser.describe(parser.current)) after the end of the expression",
                              offset: parser.current.start)
            }
            return ParsedExpression(source: source, root: expr, maxID: parser.nextID - 1)
        } catch let failure as Failure {
            throw CompileError(diagnostics: [Diagnostic(phase: .parse, message: failure.message,
                                                        location: source.location(of: failure.offset))],
                               source: source)
        } catch {
            throw CompileError(diagnostics: [Diagnostic(phase: .parse, message: "\(error)", location: source.location(of: 0))],
                               source: source)
        }
    }

    private init(source: Source, options: ParserOptions) {
        self.source = source
        self.options = options
    }

    // MARK: - Token helpers

    private var current: Token { tokens[min(index, tokens.count - 1)] }

    private func peekToken(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    private func isPunct(_ p: String, _ token: Token? = nil) -> Bool {
        if case .punct(let q) = (token ?? current).kind { return q == p }
        return false
    }

    private mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func expect(_ p: String, _ context: String) throws -> Token {
        guard isPunct(p) else {
            throw Failure(message: "expected '\(p)' \(context), found \(describe(current))", offset: current.start)
        }
        return advance()
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: return "end of expression"
        case .identifier(let name): return "'\(name)'"
        case .punct(let p): return p.hasPrefix("`") ? "quoted identifier" : "'\(p)'"
        case .int, .uint, .double, .badNumber: return "number"
        case .string: return "string literal"
        case .bytes: return "bytes literal"
        }
    }

    // MARK: - Node construction

    private mutating func make(_ kind: Expr.Kind, start: Int, end: Int, offset: Int, children: [Expr]) throws -> Expr {
        let height = (children.map(\.height).max() ?? 0) + 1
        if height > options.maxHeight {
            throw Failure(message: "expression nests too deeply (more than \(options.maxHeight) levels)", offset: offset)
        }
        defer { nextID += 1 }
        return Expr(id: nextID, start: start, end: end, offset: offset, height: height, kind: kind)
    }

    private mutating func call(_ function: String, _ args: [Expr], target: Expr? = nil, start: Int, end: Int, offset: Int) throws -> Expr {
        try make(.call(target: target, function: function, args: args), start: start, end: end, offset: offset,
                 children: args + (target.map { [$0] } ?? []))
    }

    // MARK: - Grammar

    private mutating func parseExpr() throws -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > options.maxRecursionDepth {
            throw Failure(message: "expression nests too deeply (recursion limit \(options.maxRecursionDepth) exceeded)",
                          offset: current.start)
        }
        let condition = try parseOr()
        guard isPunct("?") else { return condition }
        return try parseConditional(condition)
    }

    @inline(never)
    private mutating func parseConditional(_ condition: Expr) throws -> Expr {
        let question = advance()
        let whenTrue = try parseOr()
        _ = try expect(":", "in conditional expression")
        let whenFalse = try parseExpr()
        return try call("_?_:_", [condition, whenTrue, whenFalse], start: condition.start, end: whenFalse.end,
                        offset: question.start)
    }

    /// `a || b || c` becomes one `_||_` call with all operands (a balanced, shallow tree).
    private mutating func parseOr() throws -> Expr {
        let first = try parseAnd()
        guard isPunct("||") else { return first }
        return try parseOrTail(first)
    }

    @inline(never)
    private mutating func parseOrTail(_ first: Expr) throws -> Expr {
        var operands = [first]
        let opOffset = current.start
        while isPunct("||") {
            _ = advance()
            operands.append(try parseAnd())
        }
        return try call("_||_", operands, start: first.start, end: operands.last?.end ?? first.end, offset: opOffset)
    }

    private mutating func parseAnd() throws -> Expr {
        let first = try parseRelation()
        guard isPunct("&&") else { return first }
        return try parseAndTail(first)
    }

    @inline(never)
    private mutating func parseAndTail(_ first: Expr) throws -> Expr {
        var operands = [first]
        let opOffset = current.start
        while isPunct("&&") {
            _ = advance()
            operands.append(try parseRelation())
        }
        return try call("_&&_", operands, start: first.start, end: operands.last?.end ?? first.end, offset: opOffset)
    }

    private static let relationOperators = ["<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_", "==": "_==_", "!=": "_!=_"]

    private mutating func parseRelation() throws -> Expr {
        let left = try parseAddition()
        guard case .punct = current.kind else {
            if case .identifier("in") = current.kind { return try parseRelationTail(left) }
            return left
        }
        return try parseRelationTail(left)
    }

    @inline(never)
    private mutating func parseRelationTail(_ first: Expr) throws -> Expr {
        var left = first
        let operators = Parser.relationOperators
        while true {
            let token = current
            var function: String?
            if case .punct(let p) = token.kind { function = operators[p] }
            if case .identifier("in") = token.kind { function = "@in" }
            guard let function else { return left }
            _ = advance()
            let right = try parseAddition()
            left = try call(function, [left, right], start: left.start, end: right.end, offset: token.start)
        }
    }

    private mutating func parseAddition() throws -> Expr {
        let first = try parseMultiplication()
        guard isPunct("+") || isPunct("-") else { return first }
        return try parseAdditionTail(first)
    }

    @inline(never)
    private mutating func parseAdditionTail(_ first: Expr) throws -> Expr {
        var left = first
        while isPunct("+") || isPunct("-") {
            let token = advance()
            let right = try parseMultiplication()
            left = try call(isPunct("+", token) ? "_+_" : "_-_", [left, right], start: left.start, end: right.end,
                            offset: token.start)
        }
        return left
    }

    private mutating func parseMultiplication() throws -> Expr {
        let first = try parseUnary()
        guard isPunct("*") || isPunct("/") || isPunct("%") else { return first }
        return try parseMultiplicationTail(first)
    }

    @inline(never)
    private mutating func parseMultiplicationTail(_ first: Expr) throws -> Expr {
        var left = first
        while isPunct("*") || isPunct("/") || isPunct("%") {
            let token = advance()
            let right = try parseUnary()
            let function = isPunct("*", token) ? "_*_" : isPunct("/", token) ? "_/_" : "_%_"
            left = try call(function, [left, right], start: left.start, end: right.end, offset: token.start)
        }
        return left
    }

    // The functions on the recursion path (parseUnary, parseMember, parsePrimary) stay small and
    // hand everything else to helpers that are not inlined: each nesting level then costs little
    // stack, so deep but legal expressions parse even on threads with small stacks.

    private mutating func parseUnary() throws -> Expr {
        if isPunct("!") { return try parseNegations() }
        if isPunct("-") { return try parseMinuses() }
        return try parseMember()
    }

    @inline(never)
    private mutating func parseNegations() throws -> Expr {
        var bangs: [Token] = []
        while isPunct("!") { bangs.append(advance()) }
        var operand = try parseMember()
        for bang in bangs.reversed() {
            operand = try call("!_", [operand], start: bang.start, end: operand.end, offset: bang.start)
        }
        return operand
    }

    @inline(never)
    private mutating func parseMinuses() throws -> Expr {
        var minuses: [Token] = []
        while isPunct("-") { minuses.append(advance()) }
        // The innermost minus folds into a number literal so -9223372036854775808 is representable.
        var operand: Expr
        if let last = minuses.last, let folded = try foldNegativeLiteral(minus: last) {
            operand = folded
            minuses.removeLast()
        } else {
            operand = try parseMember()
        }
        for minus in minuses.reversed() {
            operand = try call("-_", [operand], start: minus.start, end: operand.end, offset: minus.start)
        }
        return operand
    }

    private mutating func foldNegativeLiteral(minus: Token) throws -> Expr? {
        let literalToken = current
        guard !isMemberContinuation(peekToken(1)) else { return nil }
        switch literalToken.kind {
        case .int(let magnitude):
            _ = advance()
            guard magnitude <= UInt64(Int64.max) + 1 else {
                throw Failure(message: "integer literal out of range", offset: literalToken.start)
            }
            let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            return try make(.literal(.int(value)), start: minus.start, end: literalToken.end, offset: minus.start, children: [])
        case .double(let d):
            _ = advance()
            return try make(.literal(.double(-d)), start: minus.start, end: literalToken.end, offset: minus.start, children: [])
        default:
            return nil
        }
    }

    private func isMemberContinuation(_ token: Token) -> Bool {
        isPunct(".", token) || isPunct("[", token) || isPunct(".?", token)
    }

    private mutating func parseMember() throws -> Expr {
        let primary = try parsePrimary()
        guard isPunct(".") || isPunct(".?") || isPunct("[") || isPunct("{") else { return primary }
        return try parseMemberTail(primary)
    }

    @inline(never)
    private mutating func parseMemberTail(_ primary: Expr) throws -> Expr {
        var operand = primary
        while true {
            if isPunct(".") || isPunct(".?") {
                operand = try parseSelection(on: operand)
            } else if isPunct("[") {
                operand = try parseIndex(on: operand)
            } else if isPunct("{"), let typeName = operand.dottedPath {
                operand = try parseMessage(typeName, on: operand)
            } else {
                return operand
            }
        }
    }

    @inline(never)
    private mutating func parseSelection(on operand: Expr) throws -> Expr {
        let dot = advance()
        if isPunct(".?", dot) {
            throw Failure(message: "optional field selection '.?' is not supported", offset: dot.start)
        }
        let nameToken = advance()
        let name: String
        switch nameToken.kind {
        case .identifier(let n): name = n
        case .punct(let p) where p.hasPrefix("`"): name = String(p.dropFirst())
        default:
            throw Failure(message: "expected a field name after '.', found \(describe(nameToken))", offset: nameToken.start)
        }
        if isPunct("("), case .identifier = nameToken.kind {
            _ = advance()
            let (args, close) = try parseArguments(closing: ")")
            return try receiverCall(target: operand, name: name, args: args, nameToken: nameToken, end: close.end)
        }
        return try make(.select(operand: operand, field: name, testOnly: false), start: operand.start,
                        end: nameToken.end, offset: nameToken.start, children: [operand])
    }

    @inline(never)
    private mutating func parseIndex(on operand: Expr) throws -> Expr {
        let open = advance()
        if isPunct("?") {
            throw Failure(message: "optional index '[?' is not supported", offset: current.start)
        }
        let subscriptExpr = try parseExpr()
        let close = try expect("]", "to close the index")
        return try call("_[_]", [operand, subscriptExpr], start: operand.start, end: close.end, offset: open.start)
    }

    /// Message construction `pkg.Type{field: value}`: parsed so the checker can report it.
    @inline(never)
    private mutating func parseMessage(_ typeName: String, on operand: Expr) throws -> Expr {
        let open = advance()
        var fields: [Expr.MapEntry] = []
        while !isPunct("}") {
            let nameToken = advance()
            guard case .identifier(let name) = nameToken.kind else {
                throw Failure(message: "expected a field name in message construction", offset: nameToken.start)
            }
            _ = try expect(":", "after field name")
            let value = try parseExpr()
            let key = try make(.literal(.string(name)), start: nameToken.start, end: nameToken.end,
                               offset: nameToken.start, children: [])
            fields.append(Expr.MapEntry(key: key, value: value))
            if !isPunct(",") { break }
            _ = advance()
        }
        let close = try expect("}", "to close the message construction")
        return try make(.message(typeName: typeName, fields: fields), start: operand.start, end: close.end,
                        offset: open.start, children: fields.flatMap { [$0.key, $0.value] })
    }

    private mutating func parseArguments(closing: String) throws -> ([Expr], Token) {
        var args: [Expr] = []
        while !isPunct(closing) {
            args.append(try parseExpr())
            if isPunct(",") {
                _ = advance()
                continue
            }
            break
        }
        let close = try expect(closing, "to close the argument list")
        return (args, close)
    }

    private mutating func parsePrimary() throws -> Expr {
        if isPunct("(") { return try parseParenthesised() }
        if isPunct("[") { return try parseListLiteral() }
        if isPunct("{") { return try parseMapLiteral() }
        if isPunct(".") { return try parseLeadingDot() }
        if case .identifier = current.kind { return try parseIdentifierToken() }
        return try parseLiteral()
    }

    @inline(never)
    private mutating func parseParenthesised() throws -> Expr {
        let open = advance()
        var inner = try parseExpr()
        let close = try expect(")", "to close the parenthesis")
        // The parentheses belong to the expression's text: `explain` shows `!(a || b)` whole, not
        // `!(a || b` with the inner expression's end.
        inner.start = open.start
        inner.end = close.end
        return inner
    }

    @inline(never)
    private mutating func parseIdentifierToken() throws -> Expr {
        guard case .identifier(let name) = current.kind else { return try parseLiteral() }
        return try parseIdentifier(name, leadingDot: nil)
    }

    @inline(never)
    private mutating func parseListLiteral() throws -> Expr {
        let open = advance()
        let (elements, close) = try parseArguments(closing: "]")
        return try make(.list(elements), start: open.start, end: close.end, offset: open.start, children: elements)
    }

    @inline(never)
    private mutating func parseMapLiteral() throws -> Expr {
        let open = advance()
        var entries: [Expr.MapEntry] = []
        while !isPunct("}") {
            if isPunct("?") {
                throw Failure(message: "optional map entries '?key' are not supported", offset: current.start)
            }
            let key = try parseExpr()
            _ = try expect(":", "after map key")
            let value = try parseExpr()
            entries.append(Expr.MapEntry(key: key, value: value))
            if !isPunct(",") { break }
            _ = advance()
        }
        let close = try expect("}", "to close the map literal")
        return try make(.map(entries), start: open.start, end: close.end, offset: open.start,
                        children: entries.flatMap { [$0.key, $0.value] })
    }

    @inline(never)
    private mutating func parseLeadingDot() throws -> Expr {
        let dot = advance()
        guard case .identifier(let name) = current.kind else {
            throw Failure(message: "expected an identifier after leading '.'", offset: current.start)
        }
        return try parseIdentifier(name, leadingDot: dot)
    }

    @inline(never)
    private mutating func parseLiteral() throws -> Expr {
        let token = current
        let value: Value
        switch token.kind {
        case .int(let magnitude):
            guard magnitude <= UInt64(Int64.max) else {
                throw Failure(message: "integer literal out of range", offset: token.start)
            }
            value = .int(Int64(magnitude))
        case .uint(let u): value = .uint(u)
        case .double(let d): value = .double(d)
        case .string(let s): value = .string(s)
        case .bytes(let b): value = .bytes(b)
        case .badNumber: throw Failure(message: "integer literal out of range", offset: token.start)
        case .end: throw Failure(message: "unexpected end of expression", offset: token.start)
        case .identifier, .punct: throw Failure(message: "unexpected \(describe(token))", offset: token.start)
        }
        _ = advance()
        return try make(.literal(value), start: token.start, end: token.end, offset: token.start, children: [])
    }

    private mutating func parseIdentifier(_ name: String, leadingDot: Token?) throws -> Expr {
        let token = advance()
        let start = leadingDot?.start ?? token.start
        if name == "true" || name == "false" {
            if leadingDot != nil { throw Failure(message: "unexpected '\(name)' after '.'", offset: token.start) }
            return try make(.literal(.bool(name == "true")), start: token.start, end: token.end, offset: token.start, children: [])
        }
        if name == "null" {
            if leadingDot != nil { throw Failure(message: "unexpected 'null' after '.'", offset: token.start) }
            return try make(.literal(.null), start: token.start, end: token.end, offset: token.start, children: [])
        }
        if name == "in" || celReservedWords.contains(name) {
            throw Failure(message: "'\(name)' is a reserved word and cannot be used as an identifier", offset: token.start)
        }
        let qualified = leadingDot == nil ? name : "." + name
        if isPunct("(") {
            _ = advance()
            let (args, close) = try parseArguments(closing: ")")
            return try globalCall(name: qualified, args: args, nameToken: token, start: start, end: close.end)
        }
        return try make(.ident(qualified), start: start, end: token.end, offset: token.start, children: [])
    }

    // MARK: - Macros

    private mutating func globalCall(name: String, args: [Expr], nameToken: Token, start: Int, end: Int) throws -> Expr {
        if options.macros, name == "has", args.count == 1 {
            guard case .select(let operand, let field, false) = args[0].kind else {
                throw Failure(message: "invalid argument to has() macro: expected a field selection such as has(a.b)",
                              offset: args[0].offset)
            }
            return try make(.select(operand: operand, field: field, testOnly: true), start: start, end: end,
                            offset: nameToken.start, children: [operand])
        }
        return try call(name, args, start: start, end: end, offset: nameToken.start)
    }

    private mutating func receiverCall(target: Expr, name: String, args: [Expr], nameToken: Token, end: Int) throws -> Expr {
        if options.macros, name == "bind", args.count == 3, case .ident("cel") = target.kind {
            guard case .ident(let variable) = args[0].kind, !variable.hasPrefix(".") else {
                throw Failure(message: "cel.bind() macro: the first argument must be a simple variable name", offset: args[0].offset)
            }
            let binding = Comprehension(macro: .bind, iterVar: variable, range: args[1], body: args[2], filter: nil)
            return try make(.comprehension(binding), start: target.start, end: end, offset: nameToken.start,
                            children: [args[1], args[2]])
        }
        let macro: Comprehension.Macro? = {
            guard options.macros else { return nil }
            switch (name, args.count) {
            case ("all", 2): return .all
            case ("exists", 2): return .exists
            case ("exists_one", 2), ("existsOne", 2): return .existsOne
            case ("map", 2), ("map", 3): return .map
            case ("filter", 2): return .filter
            default: return nil
            }
        }()
        guard let macro else {
            return try call(name, args, target: target, start: target.start, end: end, offset: nameToken.start)
        }
        guard case .ident(let variable) = args[0].kind, !variable.hasPrefix(".") else {
            throw Failure(message: "\(name)() macro: the first argument must be a simple variable name", offset: args[0].offset)
        }
        let comprehension = Comprehension(macro: macro, iterVar: variable, range: target,
                                          body: args[args.count - 1], filter: args.count == 3 ? args[1] : nil)
        return try make(.comprehension(comprehension), start: target.start, end: end, offset: nameToken.start,
                        children: [target] + args)
    }
}

/// The result of parsing: the tree plus the source it came from.
public struct ParsedExpression: Sendable {
    public let source: Source
    public let root: Expr
    public let maxID: Int
}
