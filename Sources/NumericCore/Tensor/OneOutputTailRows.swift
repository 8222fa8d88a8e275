/// The rows of a one-output layer's forward pass past the last multiple of 4 (a batch of 4q + t rows, t = 1, 2, 3):
/// MKL sums these rows in another order than the blocks of 4 before them (docs/parity.md §4.2b, measured with
/// `scripts/reference/one_output_orders_probe.py` parts 1 and 2 on the AVX-512 machine).
///
///     s = x₀ ⊗ w₀, kept apart; the other K − 1 products in 16 lanes, lane l of vector v taking k = 1 + 16v + l
///     tail rows 0 and 2 (rows 4q, 4q + 2): two accumulators from 0, the whole vectors in pairs, vector 2p fused into
///         the first and vector 2p + 1 into the second; the two added lane by lane; an odd last whole vector fused
///         into that sum
///     tail row 1 (row 4q + 1): one accumulator from 0, every whole vector fused into it in order
///     then the last 1 … 15 products fused into lanes 0, 1, …; the lanes halved (l ⊕ l+8, l ⊕ l+4, l ⊕ l+2,
///     l ⊕ l+1) to h; y = (s ⊕ h) ⊕ b
///
/// A batch of one row is such a row (tail row 0), and so are the outputs past a multiple of 4 of any layer's forward
/// pass on one row (`OneRowProducts`).
extension OneOutputProducts {
    /// y = f32((x₀ ⊗ w₀ ⊕ h) ⊕ b) (then ReLU) for one row at `tailIndex` (0, 1, 2) past the last multiple of 4.
    static func tailRow(_ row: UnsafePointer<Float>, inFeatures k: Int, weight w: UnsafePointer<Float>, bias b: Float,
                        tailIndex: Int, relu: Bool) -> Float {
        let whole = (k &- 1) / 16, left = (k &- 1) % 16
        @inline(__always) func product(_ v: Int) -> (SIMD16<Float>, SIMD16<Float>) {
            let t = 1 &+ 16 &* v
            return (UnsafeRawPointer(row + t).loadUnaligned(as: SIMD16<Float>.self),
                    UnsafeRawPointer(w + t).loadUnaligned(as: SIMD16<Float>.self))
        }
        var lanes = SIMD16<Float>()
        if tailIndex == 1 {
            for v in 0..<whole {
                let (xv, wv) = product(v)
                lanes = lanes.addingProduct(xv, wv)
            }
        } else {
            var first = SIMD16<Float>(), second = SIMD16<Float>()
            let pairs = whole / 2
            for p in 0..<pairs {
                let (x0, w0) = product(2 &* p), (x1, w1) = product(2 &* p &+ 1)
                first = first.addingProduct(x0, w0)
                second = second.addingProduct(x1, w1)
            }
            lanes = pairs > 0 ? first + second : first
            if whole % 2 == 1 {
                let (xv, wv) = product(whole &- 1)
                lanes = lanes.addingProduct(xv, wv)
            }
        }
        let tail = 1 &+ 16 &* whole
        for l in 0..<left { lanes[l] = lanes[l].addingProduct(row[tail &+ l], w[tail &+ l]) }
        var y = (row[0] * w[0] + halve(lanes)) + b
        if relu, y < 0 { y = 0 }
        return y
    }
}
