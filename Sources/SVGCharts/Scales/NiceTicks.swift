import Foundation

/// Nice 1-2-5 ticks and domains, a port of d3-array `ticks.js` and d3-scale `linear.nice()`.
///
/// The step is 10^⌊log₁₀(span/count)⌋ × 1, 2, 5 or 10: the factor is chosen by comparing the
/// remainder against √50, √10 and √2 (the geometric midpoints between 10|5, 5|2 and 2|1).
/// Tick values are integers times the step, or integers *divided* by 1/step when the step is below 1,
/// so that 0.1 × 3 comes out as 0.3 and not 0.30000000000000004.
enum NiceTicks {
    private static let e10 = 50.0.squareRoot()
    private static let e5 = 10.0.squareRoot()
    private static let e2 = 2.0.squareRoot()

    /// Integer bounds `i1…i2` and the increment `inc` (negative inc means "divide by -inc").
    struct Spec: Equatable {
        var i1: Double
        var i2: Double
        var inc: Double
    }

    /// d3's `tickSpec(start, stop, count)` for `start <= stop`.
    static func spec(_ start: Double, _ stop: Double, count: Double) -> Spec {
        let step = (stop - start) / max(0, count)
        let power = (log10(step)).rounded(.down)
        let error = step / Foundation.pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = Foundation.pow(10, -power) / factor
            i1 = (start * inc).rounded()
            i2 = (stop * inc).rounded()
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = Foundation.pow(10, power) * factor
            i1 = (start / inc).rounded()
            i2 = (stop / inc).rounded()
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1 && 0.5 <= count && count < 2 { return spec(start, stop, count: count * 2) }
        return Spec(i1: i1, i2: i2, inc: inc)
    }

    /// About `count` nice values covering `[start, stop]` (in either order), like `d3.ticks`.
    static func ticks(_ start: Double, _ stop: Double, count: Double) -> [Double] {
        guard count > 0, start.isFinite, stop.isFinite else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (lo, hi) = reverse ? (stop, start) : (start, stop)
        let s = spec(lo, hi, count: count)
        guard s.i2 >= s.i1, s.i2 - s.i1 < 10_000 else { return [] }
        let n = Int(s.i2 - s.i1) + 1
        var values: [Double] = []
        values.reserveCapacity(n)
        for i in 0..<n {
            let k = s.i1 + Double(i)
            values.append(s.inc < 0 ? k / -s.inc : k * s.inc)
        }
        return reverse ? values.reversed() : values
    }

    /// d3's `tickIncrement`: the step as a positive number (≥ 1) or as -1/step (when the step is < 1).
    static func increment(_ start: Double, _ stop: Double, count: Double) -> Double {
        spec(start, stop, count: count).inc
    }

    /// The tick step as a plain positive number (0.05, 20, …).
    static func step(_ start: Double, _ stop: Double, count: Double) -> Double {
        let (lo, hi) = start <= stop ? (start, stop) : (stop, start)
        let inc = increment(lo, hi, count: count)
        return inc < 0 ? 1 / -inc : inc
    }

    /// Extends `[start, stop]` outward to multiples of the tick step, as d3-scale's `linear.nice(count)`.
    static func nice(_ start: Double, _ stop: Double, count: Double) -> (Double, Double) {
        guard start.isFinite, stop.isFinite, start < stop, count > 0 else { return (start, stop) }
        var lo = start, hi = stop
        var previous: Double? = nil
        for _ in 0..<10 {
            let inc = increment(lo, hi, count: count)
            if inc == previous { return (lo, hi) }
            if inc > 0 {
                lo = (lo / inc).rounded(.down) * inc
                hi = (hi / inc).rounded(.up) * inc
            } else if inc < 0 {
                lo = (lo * inc).rounded(.up) / inc
                hi = (hi * inc).rounded(.down) / inc
            } else {
                break
            }
            previous = inc
        }
        return (lo, hi)
    }
}
