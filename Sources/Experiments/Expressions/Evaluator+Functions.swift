import Foundation

extension Expression {
    /// Applies a built-in function. Series functions (`best`, `argbest`, `final`, `mean`, one-argument
    /// `min`/`max`) take the whole series; the others read a series as its final value.
    func call(_ function: Function, _ arguments: [Expression], _ resolver: some ExpressionResolver)
        throws(ExpressionError) -> Value {
        switch function {
        case .best, .argbest, .final, .mean:
            let (values, higherIsBetter) = try collection(arguments[0], resolver)
            guard !values.isEmpty else { throw ExpressionError("\(function.rawValue) of an empty series", at: offset) }
            switch function {
            case .final: return .number(values[values.count - 1])
            case .mean: return .number(values.reduce(0, +) / Double(values.count))
            default:
                // The first best position wins ties, as `if val > best: best = val` does.
                var bestIndex = 0
                for (i, x) in values.enumerated() where higherIsBetter ? x > values[bestIndex] : x < values[bestIndex] {
                    bestIndex = i
                }
                return function == .best ? .number(values[bestIndex]) : .number(Double(bestIndex + 1))
            }
        case .seedMean, .seedStd, .seedMin, .seedMax:
            return .number(try acrossSeeds(function, arguments[0], resolver))
        case .spread:
            var total = 0.0
            for argument in arguments { total += try acrossSeeds(.seedStd, argument, resolver) }
            return .number(total)
        case .min, .max:
            var values: [Double]
            if arguments.count == 1 {
                values = try collection(arguments[0], resolver).values
            } else {
                values = []
                for argument in arguments { values.append(try argument.number(using: resolver)) }
            }
            guard let first = values.first else { throw ExpressionError("\(function.rawValue) of an empty series", at: offset) }
            return .number(values.dropFirst().reduce(first) { function == .min ? Swift.min($0, $1) : Swift.max($0, $1) })
        default:
            var x: [Double] = []
            for argument in arguments { x.append(try argument.number(using: resolver)) }
            return .number(try scalarFunction(function, x))
        }
    }

    private func scalarFunction(_ function: Function, _ x: [Double]) throws(ExpressionError) -> Double {
        switch function {
        case .abs: return Swift.abs(x[0])
        case .sqrt:
            guard x[0] >= 0 else { throw ExpressionError("sqrt of a negative number", at: offset) }
            return x[0].squareRoot()
        case .exp: return Foundation.exp(x[0])
        case .log:
            guard x[0] > 0 else { throw ExpressionError("log of a number that is not positive", at: offset) }
            return Foundation.log(x[0])
        case .cos: return Foundation.cos(x[0])
        case .sin: return Foundation.sin(x[0])
        case .floor: return x[0].rounded(.down)
        case .ceil: return x[0].rounded(.up)
        case .int: return x[0].rounded(.towardZero)
        case .round:
            // Python's round: half-to-even on the exact binary value, optionally to n decimals.
            guard x.count == 2 else { return x[0].rounded(.toNearestOrEven) }
            guard x[1].rounded() == x[1], x[1] >= 0, x[1] <= 20 else {
                throw ExpressionError("round's second argument must be a whole number from 0 to 20", at: offset)
            }
            let text = NumberFormat(style: .fixed, precision: Int(x[1])).format(x[0])
            return Double(text) ?? x[0]
        case .pow:
            guard !(x[0] == 0 && x[1] < 0) else { throw ExpressionError("zero to a negative power", at: offset) }
            return Foundation.pow(x[0], x[1])
        case .min, .max, .best, .argbest, .final, .mean, .seedMean, .seedStd, .seedMin, .seedMax, .spread: return x[0]
        }
    }

    private func collection(_ argument: Expression, _ resolver: some ExpressionResolver)
        throws(ExpressionError) -> (values: [Double], higherIsBetter: Bool) {
        switch try argument.evaluate(using: resolver) {
        case .series(let s): return (s.values, s.higherIsBetter)
        case .vector(let v): return (v, false)
        case .number(let x): return ([x], false)
        case let other:
            throw ExpressionError("expected a series but this is \(other.typeName)", at: argument.offset)
        }
    }
}
