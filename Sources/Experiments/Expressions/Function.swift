/// The built-in functions of the expression language.
public enum Function: String, Sendable, Hashable, CaseIterable {
    case min, max, abs, sqrt, exp, log, cos, sin, floor, ceil, round, int, pow
    /// best(series): the best value (max for accuracy, min for losses and everything else).
    case best
    /// argbest(series): the 1-based position (epoch, step) of the first best value.
    case argbest
    /// final(series): the last value.
    case final
    /// mean(series or vector): the arithmetic mean.
    case mean
    /// seed_mean(x), seed_std(x), seed_min(x), seed_max(x): `x` evaluated once per seed of a block run with
    /// `seeds`, then the mean, the sample standard deviation (n − 1), the least or the greatest of those values.
    case seedMean = "seed_mean", seedStd = "seed_std", seedMin = "seed_min", seedMax = "seed_max"
    /// spread(a, b, …): seed_std(a) + seed_std(b) + …, the noise a difference of their means must exceed:
    /// `a - b > spread(a, b)` claims a gap larger than the two standard deviations added.
    case spread

    /// How many arguments the function accepts.
    var arity: ClosedRange<Int> {
        switch self {
        case .min, .max, .spread: return 1...Int.max
        case .round: return 1...2
        case .pow: return 2...2
        default: return 1...1
        }
    }

    var arityText: String {
        switch self {
        case .min, .max, .spread: return "at least 1 argument"
        case .round: return "1 or 2 arguments"
        case .pow: return "2 arguments"
        default: return "1 argument"
        }
    }
}
