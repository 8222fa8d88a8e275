import Foundation

/// Ticks for a base-10 log axis: decades (10^e) as majors and 2…9 × 10^e as minors, like d3's `log.ticks`.
enum LogTicks {
    /// One candidate tick: `mantissa` × 10^`exponent`.
    struct Tick: Equatable {
        var value: Double
        var mantissa: Int
        var exponent: Int
        var isDecade: Bool { mantissa == 1 }
    }

    /// k × 10^e exactly as written in decimal: negative exponents divide by an exact power of ten.
    static func value(_ mantissa: Int, _ exponent: Int) -> Double {
        let k = Double(mantissa)
        if exponent >= 0 { return exponent <= 22 ? k * NumberText.pow10(exponent) : k * Foundation.pow(10, Double(exponent)) }
        return -exponent <= 22 ? k / NumberText.pow10(-exponent) : k / Foundation.pow(10, Double(-exponent))
    }

    /// Every k × 10^e (k = 1…9) inside `[lo, hi]`, ascending; empty unless 0 < lo ≤ hi (both finite).
    static func ticks(_ lo: Double, _ hi: Double) -> [Tick] {
        guard lo > 0, hi >= lo, hi.isFinite else { return [] }
        let eLo = TickFormat.exponentOf(lo), eHi = TickFormat.exponentOf(hi)
        guard eHi - eLo < 400 else { return [] }
        var out: [Tick] = []
        for e in eLo...eHi {
            for k in 1...9 {
                let v = value(k, e)
                if v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12) { out.append(Tick(value: v, mantissa: k, exponent: e)) }
            }
        }
        return out
    }

    /// Widens `[lo, hi]` to the nearest 1, 2 or 5 × 10^e (0.023…2.4 → 0.02…5); invalid input comes back unchanged.
    static func nice(_ lo: Double, _ hi: Double) -> (Double, Double) {
        guard lo > 0, hi >= lo, hi.isFinite else { return (lo, hi) }
        let e0 = TickFormat.exponentOf(lo)
        let niceLo = [5, 2, 1].map { value($0, e0) }.first { $0 <= lo * (1 + 1e-12) } ?? value(1, e0)
        let e1 = TickFormat.exponentOf(hi)
        let niceHi = [1, 2, 5, 10].map { value($0, e1) }.first { $0 >= hi * (1 - 1e-12) } ?? value(1, e1 + 1)
        return (niceLo, niceHi)
    }
}
