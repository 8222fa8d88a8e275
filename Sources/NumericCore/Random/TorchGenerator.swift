/// torch's CPU generator (`torch.manual_seed`, `torch.Generator`) for the calls the lessons make:
/// float32 `uniform_` and `normal_`, int64 `random_()` and `randperm` (docs/parity.md §2.3–2.5).
public struct TorchGenerator: Sendable {
    private var mt: MT19937
    /// The second value of the last scalar Box–Muller pair, which torch keeps in the generator for the next
    /// `normal_distribution<double>` draw (`next_double_normal_sample`); `manual_seed` empties it.
    var nextDoubleNormal: Double?

    /// `torch.manual_seed(seed)`: torch keeps only `seed mod 2³²` (2⁴⁰ + 5 behaves as 5).
    public init(seed: UInt64) {
        mt = MT19937(seed: UInt32(truncatingIfNeeded: seed))
    }

    /// One raw 32-bit draw (`random()`).
    mutating func next() -> UInt32 { mt.next() }

    /// float32 `t.uniform_(low, high)` for `count` elements in row-major order:
    /// `u = f32(draw & 0xFFFFFF)·2⁻²⁴` and `value = fma(u, f32(f32(high) − f32(low)), f32(low))`, fused.
    public mutating func uniform(count: Int, low: Double, high: Double) throws -> [Float] {
        guard count >= 0 else { throw DataError.invalidCount(name: "count", value: count, minimum: 0) }
        let lo = Float(low)
        let span = Float(high) - lo
        var out = [Float](repeating: 0, count: count)
        for i in 0..<count {
            let u = Float(mt.next() & 0xFF_FFFF) * 0x1p-24
            out[i] = lo.addingProduct(u, span)  // one rounding, as torch's fused kernel
        }
        return out
    }

    /// `count` raw 32-bit draws into `out`, as `count` calls of `random32()`.
    public mutating func fill(_ out: UnsafeMutablePointer<UInt32>, count: Int) { mt.fill(out, count: count) }

    /// torch's `random64()`: two draws, the first one the high word (what `bernoulli_` consumes per element).
    public mutating func random64() -> UInt64 { mt.next64() }

    /// int64 `torch.empty((), dtype=torch.int64).random_()`: a 64-bit value (high word first) mod 2⁶³.
    public mutating func randomInt64() -> Int64 {
        Int64(bitPattern: mt.next64() & 0x7FFF_FFFF_FFFF_FFFF)
    }

    /// `torch.randperm(n, generator=self)` (ATen `randperm_cpu`): `r = 0…n−1`; for i in 0…n−2,
    /// `z = draw mod (n − i)` and swap r[i], r[i + z]. For n ≥ (2³² − 1)/20 torch takes 64-bit draws instead
    /// (reproduced from its source; the lessons never reach it, and it is not checked against torch).
    public mutating func randperm(_ n: Int) throws -> [Int] {
        guard n >= 0 else { throw DataError.invalidCount(name: "n", value: n, minimum: 0) }
        var r = Array(0..<n)
        if n < 2 { return r }
        let small = UInt64(n) < UInt64(UInt32.max) / 20
        for i in 0..<(n - 1) {
            // Both operands of the small case fit 32 bits: a 32-bit division, the same remainder.
            let z = small ? Int(mt.next() % UInt32(truncatingIfNeeded: n - i)) : Int(mt.next64() % UInt64(n - i))
            r.swapAt(i, i + z)
        }
        return r
    }
}
