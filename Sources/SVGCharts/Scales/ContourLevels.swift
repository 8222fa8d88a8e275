import Foundation

/// Which values a contour plot draws lines at: nice round numbers, evenly spaced (linear) or 1-2-5 (or
/// 1-3, or whole decades) per decade (log), chosen from the values the plot samples.
public enum ContourSpacing: String, Sendable, Equatable {
    /// Log when every sampled value is ≥ 0 and the values span more than two decades above the lowest
    /// few percent (a valley such as Rosenbrock's, where linear levels would all crowd the walls); else linear.
    case auto
    case linear
    case log
}

enum ContourLevels {
    /// About `count` levels inside the range of `values` (non-finite values are ignored).
    static func levels(_ values: [Double], count: Int, spacing: ContourSpacing) -> (levels: [Double], isLog: Bool) {
        let finite = values.filter(\.isFinite).sorted()
        guard let lo = finite.first, let hi = finite.last, lo < hi, count > 0 else { return ([], false) }
        // The low end of a log range: the value below which only 2 % of the samples lie (a grid rarely hits
        // a minimum of 0 exactly, and the lowest level should circle the minimum, not a single sample).
        let positive = finite.filter { $0 > 0 }
        let floor = positive.isEmpty ? 0 : positive[min(positive.count - 1, finite.count / 50)]
        let useLog: Bool = switch spacing {
        case .linear: false
        case .log: floor > 0
        case .auto: lo >= 0 && floor > 0 && hi / floor > 100
        }
        if useLog { return (logLevels(floor, hi, count: count), true) }
        return (NiceTicks.ticks(lo, hi, count: Double(count + 1)).filter { $0 > lo && $0 < hi }, false)
    }

    /// 1-2-5 × 10^k between `lo` and `hi`; 1-3 or whole decades (every k-th) when those would be too many.
    private static func logLevels(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        let first = Int(log10(lo).rounded(.down)), last = Int(log10(hi).rounded(.up))
        for mantissas in [[1.0, 2, 5], [1.0, 3]] {
            let levels = (first...last).flatMap { e in mantissas.map { $0 * pow10(e) } }.filter { $0 >= lo && $0 < hi }
            if levels.count <= count + count / 2 { return levels }
        }
        let decades = (first...last).map(pow10).filter { $0 >= lo && $0 < hi }
        let every = max(1, Int((Double(decades.count) / Double(max(count, 1))).rounded(.up)))
        return decades.enumerated().filter { $0.offset % every == 0 }.map(\.element)
    }

    /// 10^e, exact for the decades a chart meets (|e| ≤ 22), as tick labels need.
    private static func pow10(_ e: Int) -> Double {
        abs(e) > 22 ? Foundation.pow(10, Double(e)) : e >= 0 ? NumberText.pow10(e) : 1 / NumberText.pow10(-e)
    }
}
