extension Expression {
    /// `seed_mean(x)` and friends: `x` evaluated once per seed (the resolver pinned to each in turn), reduced.
    /// The standard deviation is the sample one, √(Σ(xᵢ − x̄)² / (n − 1)), summed in seed order.
    func acrossSeeds(_ function: Function, _ argument: Expression, _ resolver: some ExpressionResolver)
        throws(ExpressionError) -> Double {
        let count: Int?
        do { count = try resolver.seedCount(of: argument) } catch { throw ExpressionError(error.message, at: argument.offset) }
        guard let count, count >= 1 else {
            throw ExpressionError("\(function.rawValue) needs a result of a train block with 'seeds'", at: offset)
        }
        var values: [Double] = []
        for index in 0..<count { values.append(try argument.number(using: resolver.pinned(toSeed: index))) }
        return try Self.reduce(values, function, at: offset)
    }

    static func reduce(_ values: [Double], _ function: Function, at offset: Int) throws(ExpressionError) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        switch function {
        case .seedStd:
            guard values.count > 1 else { throw ExpressionError("seed_std needs at least two seeds", at: offset) }
            return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
        case .seedMin: return values.min() ?? mean
        case .seedMax: return values.max() ?? mean
        default: return mean
        }
    }
}

extension ExpressionResolver {
    /// Resolvers that know no seeds (schedule variables, tests) see none.
    public func seedCount(of expression: Expression) throws(ReferenceError) -> Int? { nil }
    public func pinned(toSeed index: Int) -> Self { self }
}
