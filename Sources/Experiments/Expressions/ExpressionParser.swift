import Diagnostics

/// Recursive-descent parser. Precedence, loosest first: `c ? a : b`, `or`, `and`, `not`, comparisons
/// (not chained), `+ -`, `* /`, unary `-`, `^` (right-associative, binds tighter than unary minus as in
/// Python: `-2^2` is -4), then postfix `[index]` and calls.
struct ExpressionParser {
    private let tokens: [Token]
    private var position = 0
    /// Open nesting levels (parentheses, brackets, calls, unary operators, `^` chains, `not`).
    private var depth = 0
    /// Far beyond any real expression, and shallow enough that the recursion never nears the end of a
    /// thread's stack (fuzzing found `{{ ((((…1…)))) }}` overflowing it at a few thousand levels).
    static let maxDepth = 100
    /// The longest expression, in tokens (numbers, names, strings, operators, brackets). A flat chain
    /// `1 + 1 + … + 1` parses in a loop but becomes a tree as deep as it is long, which evaluation,
    /// comparison and release walk recursively: 50 000 terms overflowed the stack. 500 tokens is ten
    /// times the longest formula of the lessons and keeps every tree under 250 levels.
    static let maxTokens = 500

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    private var current: Token { tokens[min(position, tokens.count - 1)] }

    mutating func parseAll() throws(ExpressionError) -> Expression {
        if case .end = current.kind { throw ExpressionError("empty expression", at: current.offset) }
        if tokens.count - 1 > Self.maxTokens {
            throw ExpressionError("the expression is longer than \(Self.maxTokens) tokens (numbers, names, operators); split it, or compute part of it in a schedule column or a constant", at: tokens[Self.maxTokens].offset)
        }
        let expression = try conditional()
        guard case .end = current.kind else {
            throw ExpressionError("unexpected \(current.display) after the expression", at: current.offset)
        }
        return expression
    }

    private mutating func conditional() throws(ExpressionError) -> Expression {
        let condition = try or()
        guard isSymbol("?") else { return condition }
        advance()
        let then = try conditional()
        try expect(":")
        let otherwise = try conditional()
        return Expression(.conditional(condition, then, otherwise), at: condition.offset)
    }

    private mutating func or() throws(ExpressionError) -> Expression {
        var left = try and()
        while isWord("or") {
            advance()
            left = Expression(.binary(.or, left, try and()), at: left.offset)
        }
        return left
    }

    private mutating func and() throws(ExpressionError) -> Expression {
        var left = try not()
        while isWord("and") {
            advance()
            left = Expression(.binary(.and, left, try not()), at: left.offset)
        }
        return left
    }

    private mutating func not() throws(ExpressionError) -> Expression {
        guard isWord("not") else { return try comparison() }
        let offset = current.offset
        try enter()
        defer { depth -= 1 }
        advance()
        return Expression(.not(try not()), at: offset)
    }

    private static let comparisons: [String: BinaryOperator] = [
        "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual, "==": .equal, "!=": .notEqual,
    ]

    private mutating func comparison() throws(ExpressionError) -> Expression {
        let left = try additive()
        guard case .symbol(let s) = current.kind, let op = Self.comparisons[s] else { return left }
        advance()
        let right = try additive()
        if case .symbol(let next) = current.kind, Self.comparisons[next] != nil {
            throw ExpressionError("comparisons cannot be chained; join them with 'and'", at: current.offset)
        }
        return Expression(.binary(op, left, right), at: left.offset)
    }

    private mutating func additive() throws(ExpressionError) -> Expression {
        var left = try multiplicative()
        while case .symbol(let s) = current.kind, s == "+" || s == "-" {
            advance()
            left = Expression(.binary(s == "+" ? .add : .subtract, left, try multiplicative()), at: left.offset)
        }
        return left
    }

    private mutating func multiplicative() throws(ExpressionError) -> Expression {
        var left = try unary()
        while case .symbol(let s) = current.kind, s == "*" || s == "/" {
            advance()
            left = Expression(.binary(s == "*" ? .multiply : .divide, left, try unary()), at: left.offset)
        }
        return left
    }

    /// Every nested sub-expression passes through `unary` (or `not`), so counting there bounds the recursion.
    private mutating func unary() throws(ExpressionError) -> Expression {
        try enter()
        defer { depth -= 1 }
        guard isSymbol("-") else { return try power() }
        let offset = current.offset
        advance()
        return Expression(.negate(try unary()), at: offset)
    }

    private mutating func power() throws(ExpressionError) -> Expression {
        let base = try postfix()
        guard isSymbol("^") || isSymbol("**") else { return base }
        advance()
        return Expression(.binary(.power, base, try unary()), at: base.offset)
    }

    private mutating func postfix() throws(ExpressionError) -> Expression {
        var expression = try primary()
        while isSymbol("[") {
            advance()
            if isWord("final"), case .symbol("]") = tokens[min(position + 1, tokens.count - 1)].kind {
                advance()
                advance()
                expression = Expression(.index(expression, .final), at: expression.offset)
                continue
            }
            let index = try conditional()
            try expect("]")
            expression = Expression(.index(expression, .position(index)), at: expression.offset)
        }
        return expression
    }

    private mutating func primary() throws(ExpressionError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return Expression(.number(value), at: token.offset)
        case .string(let text):
            advance()
            return Expression(.string(text), at: token.offset)
        case .identifier(let name):
            advance()
            if isSymbol("(") { return try call(name, at: token.offset) }
            if isSymbol("."), case .identifier(let metric) = peek(1).kind {
                advance()
                advance()
                return Expression(.reference(Reference(block: name, name: metric)), at: token.offset)
            }
            if isSymbol("["), case .string(let run) = peek(1).kind {
                return try runReference(block: name, run: run, at: token.offset)
            }
            if startsSweepPoint { return try pointReference(block: name, at: token.offset) }
            return Expression(.name(name), at: token.offset)
        case .lessonBlock(let lesson, let block):
            advance()
            if isSymbol("."), case .identifier(let metric) = peek(1).kind {
                advance()
                advance()
                return Expression(.reference(Reference(lesson: lesson, block: block, name: metric)), at: token.offset)
            }
            if isSymbol("["), case .string(let run) = peek(1).kind {
                return try runReference(lesson: lesson, block: block, run: run, at: token.offset)
            }
            if startsSweepPoint { return try pointReference(lesson: lesson, block: block, at: token.offset) }
            throw ExpressionError("expected [\"run label\"].metric or .metric after '\(lesson)#\(block)'", at: current.offset)
        case .symbol("("):
            advance()
            let inner = try conditional()
            try expect(")")
            return inner
        case .symbol("["):
            if startsSweepPoint { return try pointReference(block: nil, at: token.offset) }
            if case .string(let run) = peek(1).kind {
                return try runReference(block: nil, run: run, at: token.offset)
            }
            throw ExpressionError("expected a run label in quotes after '['", at: peek(1).offset)
        default:
            throw ExpressionError("expected a value but found \(token.display)", at: token.offset)
        }
    }

    /// `["label"].metric`, the `[` being the current token.
    private mutating func runReference(lesson: String? = nil, block: String?, run: String, at offset: Int,
                                       point: [SweepCoordinate] = []) throws(ExpressionError) -> Expression {
        advance()  // [
        advance()  // "label"
        try expect("]")
        try expect(".")
        guard case .identifier(let metric) = current.kind else {
            throw ExpressionError("expected a metric name after '[\"\(run)\"].'", at: current.offset)
        }
        advance()
        return Expression(.reference(Reference(lesson: lesson, block: block, run: run, name: metric, point: point)), at: offset)
    }

    /// `[name=` starts a sweep point: `[lr=0.1]`, `[lr=0.1, momentum=0.9]`.
    private var startsSweepPoint: Bool {
        guard isSymbol("["), case .identifier = peek(1).kind else { return false }
        return peek(2).kind == .symbol("=")
    }

    /// `[lr=0.1]["label"].metric` or `[lr=0.1].metric` (a single-run sweep), the `[` being the current token.
    private mutating func pointReference(lesson: String? = nil, block: String?, at offset: Int) throws(ExpressionError) -> Expression {
        var point: [SweepCoordinate] = []
        advance()  // [
        repeat {
            if isSymbol(",") { advance() }
            guard case .identifier(let option) = current.kind else {
                throw ExpressionError("expected a swept option such as lr=0.1", at: current.offset)
            }
            advance()
            try expect("=")
            let value: SweepValue
            switch current.kind {
            case .number(let x): value = .number(x)
            case .identifier("true"): value = .flag(true)
            case .identifier("false"): value = .flag(false)
            default: throw ExpressionError("expected a number (or true/false) after '\(option)='", at: current.offset)
            }
            advance()
            if point.contains(where: { $0.option == option }) {
                throw ExpressionError("'\(option)' is given twice in this sweep point", at: offset)
            }
            point.append(SweepCoordinate(option: option, value: value))
        } while isSymbol(",")
        try expect("]")
        if isSymbol("["), case .string(let run) = peek(1).kind {
            return try runReference(lesson: lesson, block: block, run: run, at: offset, point: point)
        }
        try expect(".")
        guard case .identifier(let metric) = current.kind else {
            throw ExpressionError("expected a metric name after the sweep point", at: current.offset)
        }
        advance()
        return Expression(.reference(Reference(lesson: lesson, block: block, name: metric, point: point)), at: offset)
    }

    private mutating func call(_ name: String, at offset: Int) throws(ExpressionError) -> Expression {
        guard let function = Function(rawValue: name) else {
            let hint = DidYouMean.hint(for: name, among: Function.allCases.map(\.rawValue))
            throw ExpressionError("unknown function '\(name)'\(hint)", at: offset)
        }
        advance()  // (
        var arguments: [Expression] = []
        if !isSymbol(")") {
            arguments.append(try conditional())
            while isSymbol(",") {
                advance()
                arguments.append(try conditional())
            }
        }
        try expect(")")
        guard function.arity.contains(arguments.count) else {
            throw ExpressionError("\(name) takes \(function.arityText), got \(arguments.count)", at: offset)
        }
        return Expression(.call(function, arguments), at: offset)
    }

    private mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > Self.maxDepth {
            throw ExpressionError("the expression nests more than \(Self.maxDepth) levels deep (parentheses, calls, operators)", at: current.offset)
        }
    }

    private func peek(_ distance: Int) -> Token { tokens[min(position + distance, tokens.count - 1)] }

    private mutating func advance() { position += 1 }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private func isWord(_ word: String) -> Bool { current.kind == .identifier(word) }

    private mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard isSymbol(symbol) else {
            throw ExpressionError("expected '\(symbol)' but found \(current.display)", at: current.offset)
        }
        advance()
    }
}
