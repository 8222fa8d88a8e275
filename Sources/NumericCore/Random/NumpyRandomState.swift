import Foundation

/// numpy's legacy `np.random.RandomState` (also behind `np.random.seed` and scikit-learn's
/// `random_state=int`), reproduced bit for bit (docs/parity.md §2.2).
public struct NumpyRandomState: Sendable {
    private var mt: MT19937
    /// The second Gaussian of the last polar pair, returned by the next `gauss()` without drawing.
    private var cachedGauss: Double?

    /// `RandomState(seed)`: numpy accepts 0 ≤ seed < 2³² and throws otherwise.
    public init(seed: Int64) throws {
        mt = MT19937(seed: try Self.checked(seed))
        cachedGauss = nil
    }

    /// `rs.seed(seed)`: re-seeds the generator and empties the Gaussian cache.
    public mutating func seed(_ seed: Int64) throws {
        mt.reseed(try Self.checked(seed))
        cachedGauss = nil
    }

    private static func checked(_ seed: Int64) throws -> UInt32 {
        guard seed >= 0, seed <= Int64(UInt32.max) else { throw DataError.seedOutOfRange(seed) }
        return UInt32(seed)
    }

    // MARK: Uniform doubles

    /// `random_sample()`: 53 random bits, `(a·2²⁶ + b) / 2⁵³` with `a = draw >> 5`, `b = draw >> 6`.
    public mutating func randomSample() -> Double {
        let a = Double(mt.next() >> 5)
        let b = Double(mt.next() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// `random_sample(count)`.
    public mutating func randomSample(count: Int) throws -> [Double] {
        try Self.checkCount(count)
        return (0..<count).map { _ in randomSample() }
    }

    /// `uniform(low, high, count)`: `low ⊕ (high ⊖ low) ⊗ u` per element, the span computed once.
    public mutating func uniform(low: Double = 0, high: Double = 1, count: Int) throws -> [Double] {
        try Self.checkCount(count)
        let span = high - low
        return (0..<count).map { _ in low + span * randomSample() }
    }

    // MARK: Gaussians

    /// One standard normal from the polar method with numpy's one-value cache.
    public mutating func gauss() -> Double {
        if let cached = cachedGauss {
            cachedGauss = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * randomSample() - 1.0
            x2 = 2.0 * randomSample() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        // f = sqrt(−2·log(r2) / r2); numpy caches f·x1 and returns f·x2.
        let f = (-2.0 * log(r2) / r2).squareRoot()
        cachedGauss = f * x1
        return f * x2
    }

    /// `standard_normal(count)` (also `randn(count)`).
    public mutating func standardNormal(count: Int) throws -> [Double] {
        try Self.checkCount(count)
        return (0..<count).map { _ in gauss() }
    }

    /// `normal(loc, scale, count)`: `loc ⊕ scale ⊗ gauss()` per element.
    public mutating func normal(loc: Double = 0, scale: Double = 1, count: Int) throws -> [Double] {
        try Self.checkCount(count)
        return (0..<count).map { _ in loc + scale * gauss() }
    }

    // MARK: Integers

    /// `randint(low, high, count)` (int64): values in `low..<high` by legacy masked rejection.
    public mutating func randint(low: Int64, high: Int64, count: Int) throws -> [Int64] {
        try Self.checkCount(count)
        guard high > low else { throw DataError.emptyRange(low: low, high: high) }
        // rng = high − 1 − low, computed without overflow as an unsigned distance.
        let rng = UInt64(bitPattern: high &- 1 &- low)
        return (0..<count).map { _ in low &+ Int64(bitPattern: bounded(rng)) }
    }

    /// Scalar `randint(low, high)`.
    public mutating func randint(low: Int64, high: Int64) throws -> Int64 {
        try randint(low: low, high: high, count: 1)[0]
    }

    /// A value in `0...rng`: no draw when rng is 0; 32-bit masked rejection up to 2³² − 1; else 64-bit.
    mutating func bounded(_ rng: UInt64) -> UInt64 {
        if rng == 0 { return 0 }
        var mask = rng
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4
        mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32
        if rng <= UInt64(UInt32.max) {
            if rng == UInt64(UInt32.max) { return UInt64(mt.next()) }
            let mask32 = UInt32(mask)
            var v: UInt32
            repeat { v = mt.next() & mask32 } while UInt64(v) > rng
            return UInt64(v)
        }
        if rng == UInt64.max { return mt.next64() }
        var v: UInt64
        repeat { v = mt.next64() & mask } while v > rng
        return v
    }

    // MARK: Permutations

    /// `shuffle(a)` in place: for i = n−1 down to 1, swap a[i] with a[interval(i)].
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, through: 1, by: -1) {
            let j = Int(bounded(UInt64(i)))
            array.swapAt(i, j)
        }
    }

    /// `permutation(n)`: a shuffle of `0..<n`.
    public mutating func permutation(_ n: Int) throws -> [Int] {
        try Self.checkCount(n, name: "n")
        var values = Array(0..<n)
        shuffle(&values)
        return values
    }

    /// `permutation(array)`: a shuffled copy.
    public mutating func permutation<T>(of array: [T]) -> [T] {
        var copy = array
        shuffle(&copy)
        return copy
    }

    /// `choice(n, size, replace=False)` without `p`: the first `size` entries of `permutation(n)`.
    public mutating func choice(n: Int, size: Int) throws -> [Int] {
        try Self.checkCount(n, name: "n")
        try Self.checkCount(size, name: "size")
        guard size <= n else { throw DataError.sampleLargerThanPopulation(sample: size, population: n) }
        return Array(try permutation(n).prefix(size))
    }

    private static func checkCount(_ count: Int, name: String = "count") throws {
        guard count >= 0 else { throw DataError.invalidCount(name: name, value: count, minimum: 0) }
    }
}
