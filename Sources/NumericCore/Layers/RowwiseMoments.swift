/// Mean and biased variance of one contiguous float32 row, as ATen's CPU `RowwiseMoments` computes them for
/// layer norm (docs/parity.md §4.6): Welford's update on 8-lane vectors (AVX2) in chunks of 16 vectors, the
/// chunks merged in a cascade (a binary counter of partial moments), then the scalar Welford tail, then the 8 lanes
/// merged into the tail one by one. Everything is float32; ⊙ marks the operations the compiler fuses.
///
///     chunk lane:   δ = x ⊖ m1;  m1 = fma(δ, f32(1/(j+1)), m1);  m2 = fma(δ, x ⊖ m1, m2)
///     merge (n₀ + n₁ = n):  c = f32(n₁) ⊘ f32(n);  δ = m1′ ⊖ m1
///                           m1 = m1 ⊕ (c ⊗ δ) for vectors, fma(c, δ, m1) for the scalar merge of the lanes
///                           m2 = m2 ⊕ fma((δ ⊗ δ) ⊗ c, f32(n₀), m2′)
///     tail:         δ = x ⊖ m1;  m1 = m1 ⊕ (δ ⊘ f32(k));  m2 = m2 ⊕ (δ ⊗ (x ⊖ m1))
///     variance = m2 ⊘ f32(N)
///
/// Which operations are fused was found by testing the candidates against torch (the source does not say; the
/// compiler decides). The mean is bitwise for every row length tried; for rows of more than 16 vectors (128
/// features) the variance occasionally differs from torch's in the last bit (docs/parity.md §4.6).
enum RowwiseMoments {
    static let lanes = 8
    static let chunk = 16

    /// 1/(j + 1) in float32 for j < 16, the factors of a chunk's Welford update.
    static let reciprocals: [Float] = (1...16).map { 1 / Float($0) }

    /// The merge of moments (n₁, m1′, m2′) into (n₀, m1, m2), ATen's `AddMoments`.
    @inline(__always)
    static func merge(_ count: Int, _ mean: Float, _ m2: Float, into total: inout Int, _ m1Total: inout Float,
                      _ m2Total: inout Float, fusedMean: Bool) {
        let n = total + count
        let c: Float = n == 0 ? 0 : Float(count) / Float(n)
        let delta = mean - m1Total
        m1Total = fusedMean ? m1Total.addingProduct(c, delta) : m1Total + c * delta
        m2Total = m2Total + m2.addingProduct((delta * delta) * c, Float(total))
        total = n
    }

    /// (mean, variance) of `x[0 ..< count]`.
    static func of(_ x: UnsafePointer<Float>, count: Int) -> (mean: Float, variance: Float) {
        let vectors = count / lanes
        let chunks = (vectors + chunk - 1) / chunk
        let depth = chunks <= 2 ? 1 : Int.bitWidth - (chunks - 1).leadingZeroBitCount
        // The cascade: level k holds the merged moments of 2^k chunks, per lane; then one chunk's moments.
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * (depth + 1) * lanes) { buffer in
            let m1s = buffer.baseAddress!, m2s = m1s + (depth + 1) * lanes
            m1s.update(repeating: 0, count: 2 * (depth + 1) * lanes)
            let m1 = m1s + depth * lanes, m2 = m2s + depth * lanes
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: depth) { counts in
                let n = counts.baseAddress!
                n.update(repeating: 0, count: depth)
                for i in 0..<chunks {
                    let start = x + i &* chunk &* lanes
                    let m0 = min(chunk, vectors - i * chunk)
                    m1.update(repeating: 0, count: lanes)
                    m2.update(repeating: 0, count: lanes)
                    for j in 0..<m0 {
                        let c = reciprocals[j]
                        for l in 0..<lanes {
                            let v = start[j &* lanes &+ l]
                            let delta = v - m1[l]
                            m1[l] = m1[l].addingProduct(delta, c)
                            m2[l] = m2[l].addingProduct(delta, v - m1[l])
                        }
                    }
                    mergeLanes(m0, m1, m2, into: &n[0], m1s, m2s)
                    var mask = i + 1, level = 1
                    while level < depth, mask & 1 == 0 {
                        let (below1, below2) = (m1s + (level - 1) * lanes, m2s + (level - 1) * lanes)
                        mergeLanes(n[level - 1], below1, below2, into: &n[level], m1s + level * lanes, m2s + level * lanes)
                        n[level - 1] = 0
                        below1.update(repeating: 0, count: lanes)
                        below2.update(repeating: 0, count: lanes)
                        mask >>= 1
                        level += 1
                    }
                }
                for level in stride(from: 1, to: depth, by: 1) {
                    mergeLanes(n[level], m1s + level * lanes, m2s + level * lanes, into: &n[0], m1s, m2s)
                }
                var total = 0
                var mean: Float = 0, sq: Float = 0
                for i in (vectors &* lanes)..<count {
                    let v = x[i]
                    let delta = v - mean
                    total += 1
                    mean = mean + delta / Float(total)
                    sq = sq + delta * (v - mean)
                }
                for l in 0..<lanes { merge(vectors, m1s[l], m2s[l], into: &total, &mean, &sq, fusedMean: true) }
                return (mean, sq / Float(count))
            }
        }
    }

    /// Merges per-lane moments of `count` values each into the lanes at (m1, m2) (ATen's `AddMomentsVec`).
    @inline(__always)
    private static func mergeLanes(_ count: Int, _ mean: UnsafePointer<Float>, _ m2: UnsafePointer<Float>,
                                   into total: inout Int, _ m1Total: UnsafeMutablePointer<Float>,
                                   _ m2Total: UnsafeMutablePointer<Float>) {
        var n = total
        for l in 0..<lanes {
            n = total
            merge(count, mean[l], m2[l], into: &n, &m1Total[l], &m2Total[l], fusedMean: false)
        }
        total = n
    }
}
