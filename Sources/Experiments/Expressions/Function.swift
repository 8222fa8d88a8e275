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

    /// How many arguments the function accepts.
    var arity: ClosedRange<Int> {
        switch self {
        case .min, .max: return 1...Int.max
        case .round: return 1...2
        case .pow: return 2...2
        default: return 1...1
        }
    }

    var arityText: String {
        switch self {
        case .min, .max: return "at least 1 argument"
        case .round: return "1 or 2 arguments"
        case .pow: return "2 arguments"
        default: return "1 argument"
        }
    }
}
