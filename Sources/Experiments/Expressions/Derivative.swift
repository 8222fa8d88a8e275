/// Symbolic differentiation of an expression in a few variables (a landscape's `f(x, y)`), built the way
/// PyTorch's autograd computes the gradient, so that evaluating the result in float32 repeats torch's
/// roundings on a 2-element parameter.
///
/// Reverse mode: the upstream gradient `u` (1 at the top) is pushed from the root to the leaves, and each
/// node multiplies it by its local derivative in the order torch's `derivatives.yaml` writes it:
///
///     a + b   → a: u,            b: u
///     a − b   → a: u,            b: −u
///     a · b   → a: u·b,          b: u·a
///     a / b   → a: u / b,        b: −u · ((a / b) / b)      (c / b with a constant c: −(u·c) · (r·r), r = 1/b)
///     a ^ n   → a: u · (n · a^(n−1))                         (n without variables)
///     a ^ b   → a: u · (b · a^(b−1)),  b: u · (a^b · log a)
///     exp a   → u · exp a;  log a → u / a;  sin a → u · cos a;  cos a → u · (−sin a);  sqrt a → u / (2 · sqrt a)
///
/// A variable used more than once adds its contributions in the order torch's engine produces them: it
/// runs the ready node created last first, so the uses of a variable are reached right to left in the
/// formula (with two uses the order does not matter). Functions without a derivative everywhere (`abs`, `min`, `max`, `floor`,
/// `round`, …), comparisons, conditionals and references to results are refused with the offset of the
/// offending part.
extension Expression {
    /// The partial derivatives ∂self/∂v for each of `variables`, in that order. A variable the expression
    /// does not use has the derivative 0.
    public func gradient(_ variables: [String]) throws(ExpressionError) -> [Expression] {
        var contributions: [String: [Expression]] = [:]
        try backward(upstream: nil, variables, into: &contributions)
        return variables.map { name in
            // Autograd runs the consumers of a variable latest-created first: right to left in the formula.
            guard let terms = contributions[name]?.reversed(), let first = terms.first else { return Expression(.number(0), at: offset) }
            return terms.dropFirst().reduce(first) { Expression(.binary(.add, $0, $1), at: $1.offset) }
        }
    }

    /// Whether any of `variables` occurs in the expression.
    func uses(_ variables: [String]) -> Bool {
        references.contains { $0.reference.block == nil && $0.reference.run == nil && variables.contains($0.reference.name) }
    }

    /// Adds this node's contributions, `upstream` being ∂f/∂(this node) (nil stands for 1, the seed).
    private func backward(upstream u: Expression?, _ variables: [String],
                          into contributions: inout [String: [Expression]]) throws(ExpressionError) {
        guard uses(variables) else { return }   // constants contribute nothing
        let one = Expression(.number(1), at: offset)
        func times(_ u: Expression?, _ e: Expression) -> Expression { u.map { $0 * e } ?? e }
        func negated(_ u: Expression?) -> Expression { u.map { Expression(.negate($0), at: $0.offset) } ?? Expression(.number(-1), at: offset) }
        switch node {
        case .name(let name):
            contributions[name, default: []].append(u ?? one)
        case .negate(let a):
            try a.backward(upstream: negated(u), variables, into: &contributions)
        case .binary(.add, let a, let b):
            try a.backward(upstream: u, variables, into: &contributions)
            try b.backward(upstream: u, variables, into: &contributions)
        case .binary(.subtract, let a, let b):
            try a.backward(upstream: u, variables, into: &contributions)
            try b.backward(upstream: negated(u), variables, into: &contributions)
        case .binary(.multiply, let a, let b):
            try a.backward(upstream: times(u, b), variables, into: &contributions)
            try b.backward(upstream: times(u, a), variables, into: &contributions)
        case .binary(.divide, let a, let b):
            try a.backward(upstream: (u ?? one) / b, variables, into: &contributions)
            if a.uses(variables) {
                try b.backward(upstream: negated(u) * ((a / b) / b), variables, into: &contributions)
            } else {
                // Python's c / t is t.reciprocal() * c: its gradient is −(u·c) · (r·r) with r = 1/b.
                let r = one / b
                try b.backward(upstream: Expression(.negate(times(u, a)), at: offset) * (r * r), variables, into: &contributions)
            }
        case .binary(.power, let a, let b):
            try powerBackward(a, b, upstream: u, variables, into: &contributions)
        case .call(let function, let arguments):
            let a = arguments[0]
            switch function {
            case .pow where arguments.count == 2:
                try powerBackward(a, arguments[1], upstream: u, variables, into: &contributions)
            case .exp:
                try a.backward(upstream: times(u, self), variables, into: &contributions)
            case .log:
                try a.backward(upstream: (u ?? one) / a, variables, into: &contributions)
            case .sin:
                try a.backward(upstream: times(u, Expression(.call(.cos, [a]), at: offset)), variables, into: &contributions)
            case .cos:
                let minusSin = Expression(.negate(Expression(.call(.sin, [a]), at: offset)), at: offset)
                try a.backward(upstream: times(u, minusSin), variables, into: &contributions)
            case .sqrt:
                try a.backward(upstream: (u ?? one) / (Expression(.number(2), at: offset) * self), variables, into: &contributions)
            default:
                throw ExpressionError("\(function.rawValue) has no derivative everywhere, so the gradient cannot be exact; "
                    + "write the objective with + - * / ^, exp, log, sqrt, sin and cos", at: offset)
            }
        case .binary(let op, _, _):
            throw ExpressionError("'\(op.rawValue)' gives true/false, not a number: an objective must be a smooth formula", at: offset)
        case .not, .conditional:
            throw ExpressionError("conditions have no derivative: an objective must be one smooth formula", at: offset)
        case .reference, .index:
            throw ExpressionError("an objective can only use x, y, numbers, pi and e", at: offset)
        case .number, .string:
            break
        }
    }

    /// a^b: a gets u · (b · a^(b−1)); b, when it holds a variable, gets u · (a^b · log a).
    private func powerBackward(_ a: Expression, _ b: Expression, upstream u: Expression?, _ variables: [String],
                               into contributions: inout [String: [Expression]]) throws(ExpressionError) {
        let one = Expression(.number(1), at: b.offset)
        let power = Expression(.binary(.power, a, Expression(.binary(.subtract, b, one), at: b.offset)), at: a.offset)
        let local = b * power
        try a.backward(upstream: u.map { $0 * local } ?? local, variables, into: &contributions)
        if b.uses(variables) {
            let local = Expression(.binary(.power, a, b), at: offset) * Expression(.call(.log, [a]), at: a.offset)
            try b.backward(upstream: u.map { $0 * local } ?? local, variables, into: &contributions)
        }
    }

}

private func * (a: Expression, b: Expression) -> Expression { Expression(.binary(.multiply, a, b), at: a.offset) }
private func / (a: Expression, b: Expression) -> Expression { Expression(.binary(.divide, a, b), at: a.offset) }
