import Foundation

/// Locale-free number → text conversions used for coordinates, tick labels and tables.
///
/// Everything here is pure integer/decimal arithmetic on `Double`, so the same input gives the same
/// bytes on every machine (no `String(format:)`, no locale).
enum NumberText {
    /// The typographic minus sign (U+2212) used in labels, as d3-format does.
    static let minus = "\u{2212}"

    /// Exact powers of ten for 0…22 (every one of them is representable exactly as a `Double`).
    static func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<min(max(n, 0), 22) { p *= 10 }
        return p
    }

    /// A coordinate rounded to one decimal, without a trailing ".0" and never "-0" (e.g. `12.3`, `7`, `-0.4`).
    /// Values are clamped to ±1,000,000 (far outside any viewBox) so the text is always plain decimal.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return fixed(min(max(value, -1e6), 1e6), decimals: 1, minus: "-", trim: true)
    }

    /// `value` with exactly `decimals` digits after the point (or trailing zeros trimmed when `trim`).
    static func fixed(_ value: Double, decimals: Int, minus: String = NumberText.minus, trim: Bool = false) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let d = min(max(decimals, 0), 15)
        let scale = pow10(d)
        let scaled = (abs(value) * scale).rounded()
        // Beyond 2^53 the integer split below is no longer exact: fall back to exponent notation.
        guard scaled < 9.0e15 else { return exponent(value, digits: 4) }
        let n = UInt64(scaled)
        let p = UInt64(scale)
        var text = String(n / p)
        if d > 0 {
            var frac = String(n % p)
            frac = String(repeating: "0", count: d - frac.count) + frac
            if trim { while frac.last == "0" { frac.removeLast() } }
            if !frac.isEmpty { text += "." + frac }
        }
        return (value < 0 && n != 0 ? minus : "") + text
    }

    /// `value` in exponent notation with at most `digits` significant digits, trailing zeros trimmed (`2.5e-5`).
    static func exponent(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        guard value != 0 else { return "0" }
        var e = Int((log10(abs(value))).rounded(.down))
        var m = mantissa(abs(value), e)
        let decimals = max(digits - 1, 0)
        let step = pow10(decimals)
        if (m * step).rounded() / step >= 10 { m /= 10; e += 1 }
        let mText = fixed(m, decimals: decimals, trim: true)
        return (value < 0 ? minus : "") + mText + "e" + (e < 0 ? "-" : "") + String(abs(e))
    }

    /// `value` rounded to `digits` significant digits, trailing zeros trimmed (`0.0423`, `150`, `1.5`).
    static func significant(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        guard value != 0 else { return "0" }
        let e = Int((log10(abs(value))).rounded(.down))
        let decimals = digits - 1 - e
        if decimals >= 0 { return fixed(value, decimals: decimals, trim: true) }
        let unit = pow10(-decimals)
        return fixed((value / unit).rounded() * unit, decimals: 0)
    }

    /// Text for NaN and the infinities.
    static func nonFinite(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        return value < 0 ? minus + "∞" : "∞"
    }

    /// |v| / 10^e computed with exact powers of ten (division for negative exponents keeps 2e-4 → 2).
    private static func mantissa(_ v: Double, _ e: Int) -> Double {
        if e >= 0 { return e <= 22 ? v / pow10(e) : v / Foundation.pow(10, Double(e)) }
        return -e <= 22 ? v * pow10(-e) : v * Foundation.pow(10, Double(-e))
    }
}
