/// The exact decimal expansion of a finite Double (every binary fraction has a finite one), rounded
/// half-to-even on that exact value, the way CPython's `format(x, ".4f")` rounds.
struct ExactDecimal {
    /// Decimal digits of the integer `N`, most significant first, where |x| = N × 10^-scale.
    var digits: [UInt8]
    /// How many of `digits` lie after the decimal point.
    var scale: Int

    /// |x| for a finite x, exactly: x = m × 2^e, so N = m × 2^e when e ≥ 0, and N = m × 5^-e with
    /// scale -e when e < 0 (since 2^-k = 5^k / 10^k).
    init(magnitudeOf value: Double) {
        let x = value.magnitude
        guard x != 0 else {
            digits = [0]
            scale = 0
            return
        }
        let significand = x.significandBitPattern | (x.isNormal ? (1 << 52) : 0)
        let exponent = x.isNormal ? Int(x.exponentBitPattern) - 1075 : -1074
        var n = BigDigits(significand)
        if exponent >= 0 {
            n.multiply(byPowerOf: 2, count: exponent)
            scale = 0
        } else {
            n.multiply(byPowerOf: 5, count: -exponent)
            scale = -exponent
        }
        digits = n.decimalDigits()
    }

    /// Digits of |x| rounded to `decimals` places after the point, with at least one integer digit:
    /// (integer part, fraction part).
    func fixed(decimals: Int) -> (integer: [UInt8], fraction: [UInt8]) {
        var d = digits
        if d.count <= scale { d = [UInt8](repeating: 0, count: scale + 1 - d.count) + d }
        var integerCount = d.count - scale
        let keep = integerCount + decimals
        var kept: [UInt8]
        if keep >= d.count {
            kept = d + [UInt8](repeating: 0, count: keep - d.count)
        } else {
            kept = Array(d[..<keep])
            if Self.roundsUp(kept: kept, rest: d[keep...]), Self.increment(&kept) {
                kept = [1] + kept  // 9.99… carried into a new leading digit
                integerCount += 1
            }
        }
        return (Array(kept[..<integerCount]), Array(kept[integerCount...]))
    }

    /// |x| rounded to `significant` digits: the digits and the power of ten of the first one.
    /// Zero gives `significant` zeros and exponent 0.
    func scientific(significant: Int) -> (digits: [UInt8], exponent: Int) {
        guard let first = digits.firstIndex(where: { $0 != 0 }) else {
            return ([UInt8](repeating: 0, count: significant), 0)
        }
        let d = Array(digits[first...])
        var exponent = d.count - 1 - scale
        var kept: [UInt8]
        if significant >= d.count {
            kept = d + [UInt8](repeating: 0, count: significant - d.count)
        } else {
            kept = Array(d[..<significant])
            if Self.roundsUp(kept: kept, rest: d[significant...]), Self.increment(&kept) {
                // 9.99… carried into a new leading 1: the digits are 1 followed by zeros.
                kept = [1] + kept.dropLast()
                exponent += 1
            }
        }
        return (kept, exponent)
    }

    /// Half-to-even: up when the dropped part exceeds one half, or equals it and the last kept digit is odd.
    private static func roundsUp(kept: [UInt8], rest: ArraySlice<UInt8>) -> Bool {
        guard let head = rest.first else { return false }
        if head > 5 { return true }
        if head < 5 { return false }
        if rest.dropFirst().contains(where: { $0 != 0 }) { return true }
        return (kept.last ?? 0) % 2 == 1
    }

    /// Adds one unit in the last place; returns true when the carry ran off the front (all nines).
    private static func increment(_ digits: inout [UInt8]) -> Bool {
        var i = digits.count - 1
        while i >= 0 {
            if digits[i] == 9 {
                digits[i] = 0
                i -= 1
            } else {
                digits[i] += 1
                return false
            }
        }
        return true
    }
}

/// A non-negative arbitrary-size integer, just enough to expand a Double exactly: little-endian
/// base-2³² limbs, multiplication by small powers, and conversion to decimal digits.
private struct BigDigits {
    var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
    }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// Multiplies by base^count in chunks that fit a limb (2^31 or 5^13).
    mutating func multiply(byPowerOf base: UInt32, count: Int) {
        let chunk = base == 2 ? 31 : 13
        var remaining = count
        while remaining > 0 {
            let step = min(chunk, remaining)
            var factor: UInt32 = 1
            for _ in 0..<step { factor *= base }
            multiply(by: factor)
            remaining -= step
        }
    }

    /// Decimal digits, most significant first, by repeated division by 10^9.
    func decimalDigits() -> [UInt8] {
        var n = limbs
        var groups: [UInt32] = []
        while n.contains(where: { $0 != 0 }) {
            var remainder: UInt64 = 0
            for i in n.indices.reversed() {
                let current = (remainder << 32) | UInt64(n[i])
                n[i] = UInt32(current / 1_000_000_000)
                remainder = current % 1_000_000_000
            }
            groups.append(UInt32(remainder))
            while n.last == 0 { n.removeLast() }
        }
        guard let top = groups.popLast() else { return [0] }
        var result = Array(String(top).utf8).map { $0 - 48 }
        for group in groups.reversed() {
            var nine = [UInt8](repeating: 0, count: 9)
            var g = group
            for i in stride(from: 8, through: 0, by: -1) {
                nine[i] = UInt8(g % 10)
                g /= 10
            }
            result += nine
        }
        return result
    }
}
