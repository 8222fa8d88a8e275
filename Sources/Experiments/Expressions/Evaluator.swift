import Foundation

extension Expression {
    /// Evaluates the expression; names and references go to `resolver`, `pi` and `e` are built in.
    public func evaluate(using resolver: some ExpressionResolver) throws(ExpressionError) -> Value {
        switch node {
        case .number(let x): return .number(x)
        case .string(let s): return .string(s)
        case .name("pi"): return .number(Double.pi)
        case .name("e"): return .number(M_E)
        case .name(let name): return try resolve(Reference(name: name), resolver)
        case .reference(let reference): return try resolve(reference, resolver)
        case .negate(let x): return .number(-(try x.number(using: resolver)))
        case .not(let x): return .bool(!(try x.bool(using: resolver)))
        case .conditional(let c, let a, let b):
            return try c.bool(using: resolver) ? a.evaluate(using: resolver) : b.evaluate(using: resolver)
        case .binary(let op, let a, let b): return try binary(op, a, b, resolver)
        case .call(let function, let arguments): return try call(function, arguments, resolver)
        case .index(let x, let index): return try subscripted(x.evaluate(using: resolver), index, resolver)
        }
    }

    /// Evaluates to a number; a series gives its final value.
    public func number(using resolver: some ExpressionResolver) throws(ExpressionError) -> Double {
        try Self.scalar(evaluate(using: resolver), at: offset)
    }

    /// Evaluates to true or false (checks, conditions).
    public func bool(using resolver: some ExpressionResolver) throws(ExpressionError) -> Bool {
        let value = try evaluate(using: resolver)
        guard case .bool(let b) = value else {
            throw ExpressionError("expected a comparison (true/false) but this is \(value.typeName)", at: offset)
        }
        return b
    }

    private func resolve(_ reference: Reference, _ resolver: some ExpressionResolver) throws(ExpressionError) -> Value {
        do {
            return try resolver.resolve(reference)
        } catch {
            throw ExpressionError(error.message, at: offset)
        }
    }

    static func scalar(_ value: Value, at offset: Int) throws(ExpressionError) -> Double {
        switch value {
        case .number(let x): return x
        case .series(let s):
            guard let last = s.values.last else { throw ExpressionError("the series has no values", at: offset) }
            return last
        case .vector(let v) where v.count == 1: return v[0]
        case .vector(let v):
            throw ExpressionError("this is a vector of \(v.count) values; pick one with [i]", at: offset)
        case .bool, .string:
            throw ExpressionError("expected a number but this is \(value.typeName)", at: offset)
        }
    }

    private func binary(_ op: BinaryOperator, _ a: Expression, _ b: Expression, _ resolver: some ExpressionResolver)
        throws(ExpressionError) -> Value {
        switch op {
        case .and:
            guard try a.bool(using: resolver) else { return .bool(false) }
            return .bool(try b.bool(using: resolver))
        case .or:
            if try a.bool(using: resolver) { return .bool(true) }
            return .bool(try b.bool(using: resolver))
        case .equal, .notEqual:
            let (l, r) = (try a.evaluate(using: resolver), try b.evaluate(using: resolver))
            let same: Bool
            switch (l, r) {
            case (.string(let x), .string(let y)): same = x == y
            case (.bool(let x), .bool(let y)): same = x == y
            case (.string, _), (_, .string), (.bool, _), (_, .bool):
                throw ExpressionError("cannot compare \(l.typeName) with \(r.typeName)", at: offset)
            default: same = try Self.scalar(l, at: a.offset) == Self.scalar(r, at: b.offset)
            }
            return .bool(op == .equal ? same : !same)
        default: break
        }
        let x = try a.number(using: resolver), y = try b.number(using: resolver)
        switch op {
        case .add: return .number(x + y)
        case .subtract: return .number(x - y)
        case .multiply: return .number(x * y)
        case .divide:
            guard y != 0 else { throw ExpressionError("division by zero", at: b.offset) }
            return .number(x / y)
        case .power:
            guard !(x == 0 && y < 0) else { throw ExpressionError("zero to a negative power", at: offset) }
            let result = Foundation.pow(x, y)
            guard !result.isNaN || x.isNaN || y.isNaN else {
                throw ExpressionError("negative number to a fractional power", at: offset)
            }
            return .number(result)
        case .less: return .bool(x < y)
        case .lessOrEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterOrEqual: return .bool(x >= y)
        case .equal, .notEqual, .and, .or: return .bool(false)  // handled above
        }
    }

    private func subscripted(_ value: Value, _ index: Index, _ resolver: some ExpressionResolver)
        throws(ExpressionError) -> Value {
        let elements: [Double]
        switch value {
        case .series(let s): elements = s.values
        case .vector(let v): elements = v
        default: throw ExpressionError("cannot index \(value.typeName)", at: offset)
        }
        let position: Int
        switch index {
        case .final:
            guard !elements.isEmpty else { throw ExpressionError("the series has no values", at: offset) }
            position = elements.count
        case .position(let i):
            let raw = try i.number(using: resolver)
            guard raw.rounded() == raw, raw >= 1, raw <= Double(elements.count) else {
                throw ExpressionError("index \(Value.number(raw)) is out of range 1...\(elements.count)", at: i.offset)
            }
            position = Int(raw)
        }
        return .number(elements[position - 1])
    }
}
