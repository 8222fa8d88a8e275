import Foundation

/// How values map to positions along an axis: evenly (`linear`) or by order of magnitude (`log`, base 10).
///
/// On a log axis, zero and negative values cannot be drawn: they are skipped (like NaN) and the
/// line breaks there.
public enum ScaleType: Sendable, Equatable {
    case linear
    case log
}

/// A continuous scale from a data domain to a pixel range (y ranges run bottom → top).
struct Scale {
    var type: ScaleType
    var domain: (Double, Double)
    var range: (Double, Double)

    /// Whether `value` can be placed on this scale (finite, and positive on a log scale).
    func accepts(_ value: Double) -> Bool {
        value.isFinite && (type == .linear || value > 0)
    }

    /// The position of `value`, or nil when it cannot be drawn.
    func callAsFunction(_ value: Double) -> Double? {
        guard accepts(value) else { return nil }
        let t: Double
        switch type {
        case .linear:
            t = (value - domain.0) / (domain.1 - domain.0)
        case .log:
            t = (log10(value) - log10(domain.0)) / (log10(domain.1) - log10(domain.0))
        }
        guard t.isFinite else { return (range.0 + range.1) / 2 }
        return range.0 + t * (range.1 - range.0)
    }

    /// Length of the range in pixels.
    var length: Double { abs(range.1 - range.0) }

    /// A domain for `values` with nice ends: 1-2-5 multiples of the tick step (linear) or of decades (log).
    ///
    /// `count` is the intended number of ticks. Empty input gives 0…1 (linear) or 1…10 (log); a single value
    /// is widened so it sits inside the axis.
    static func niceDomain(_ type: ScaleType, values: [Double], count: Double, includeZero: Bool = false) -> (Double, Double) {
        switch type {
        case .linear:
            var finite = values.filter { $0.isFinite }
            if includeZero { finite.append(0) }
            guard var lo = finite.min(), var hi = finite.max() else { return (0, 1) }
            if lo == hi {
                let pad = lo == 0 ? 1 : abs(lo) * 0.1
                lo -= pad
                hi += pad
            }
            return NiceTicks.nice(lo, hi, count: max(count, 1))
        case .log:
            let positive = values.filter { $0.isFinite && $0 > 0 }
            guard var lo = positive.min(), var hi = positive.max() else { return (1, 10) }
            if lo == hi {
                lo /= 2
                hi *= 2
            }
            return LogTicks.nice(lo, hi)
        }
    }
}
