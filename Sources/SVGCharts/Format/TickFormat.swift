import Foundation

/// Tick-label text chosen for the range being labelled: `0.001`, `1e-4`, `3.2k`, `150`, `−0.5`.
///
/// Rules (the same for every chart, so a reader learns them once):
/// - linear ticks use as many decimals as the tick step needs (step 0.05 → `0.15`);
/// - steps below 0.001 switch to exponent notation (`1e-4`, `2.5e-5`);
/// - when the largest label reaches 1,000, each label ≥ 1,000 uses SI units, trimmed (`500`, `1k`, `3.2k`, `1.5M`);
/// - log-axis labels (1, 2 or 5 × 10^e) are plain from 0.001 to 999, SI above, exponents below.
enum TickFormat {
    private static let siUnits: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]

    /// Labels for linear ticks `values` spaced `step` apart.
    static func linear(_ values: [Double], step: Double) -> [String] {
        guard step > 0, step.isFinite else { return values.map { NumberText.significant($0, digits: 3) } }
        let maxAbs = values.map { abs($0) }.max() ?? 0
        if maxAbs >= 1e3 {
            // Each label takes its own SI unit with trailing zeros trimmed, like d3's "~s": 500, 1k, 1.5k.
            return values.map { v in
                guard let (unit, suffix) = siUnits.first(where: { abs(v) >= $0.0 }) else {
                    return NumberText.fixed(v, decimals: decimalsFor(step: step), trim: true)
                }
                return NumberText.fixed(v / unit, decimals: decimalsFor(step: step / unit), trim: true) + suffix
            }
        }
        if step < 1e-3 {
            let stepExponent = exponentOf(step)
            return values.map { v in
                guard v != 0 else { return "0" }
                return NumberText.exponent(v, digits: max(exponentOf(v) - stepExponent + 1, 1))
            }
        }
        let decimals = decimalsFor(step: step)
        return values.map { $0 == 0 ? "0" : NumberText.fixed($0, decimals: decimals) }
    }

    /// Label for a log-axis tick at `value` (expected to be k × 10^e with k in 1…9).
    static func log(_ value: Double) -> String {
        guard value > 0, value.isFinite else { return NumberText.nonFinite(value) }
        let e = exponentOf(value)
        if e < -3 || e >= 15 { return NumberText.exponent(value, digits: 2) }
        if e < 0 { return NumberText.fixed(value, decimals: -e + 1, trim: true) }
        if e < 3 { return NumberText.significant(value, digits: 2) }
        if let (unit, suffix) = siUnits.first(where: { value >= $0.0 }) {
            return NumberText.significant(value / unit, digits: 2) + suffix
        }
        return NumberText.significant(value, digits: 2)
    }

    /// A value label (bar ends, descriptions): `digits` significant digits, SI units from 1,000.
    static func value(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return NumberText.nonFinite(value) }
        let a = abs(value)
        if a >= 1e3, let (unit, suffix) = siUnits.first(where: { a >= $0.0 }) {
            return NumberText.significant(value / unit, digits: digits) + suffix
        }
        if a != 0 && a < 1e-3 { return NumberText.exponent(value, digits: digits) }
        return NumberText.significant(value, digits: digits)
    }

    /// Decimals that show a tick step exactly (0.2 → 1, 0.05 → 2, 5 → 0).
    static func decimalsFor(step: Double) -> Int {
        max(0, Int((-log10(step) - 1e-9).rounded(.up)))
    }

    /// ⌊log₁₀|v|⌋, corrected for the rounding of `log10` near exact powers of ten.
    static func exponentOf(_ v: Double) -> Int {
        let a = abs(v)
        guard a.isFinite, a > 0 else { return 0 }
        var e = Int(log10(a).rounded(.down))
        if e + 1 <= 22, e + 1 >= -22, power(e + 1) <= a { e += 1 }
        if e <= 22, e >= -22, power(e) > a { e -= 1 }
        return e
    }

    private static func power(_ e: Int) -> Double {
        e >= 0 ? NumberText.pow10(e) : 1 / NumberText.pow10(-e)
    }
}
