/// torch's `nn.Dropout(p)` on float32, CPU (ATen `_dropout_impl`; verified bitwise against torch 2.15):
///
///     noise = empty_like(x).bernoulli_(1 − p)     per element in row-major order: v = random64() (two draws,
///                                                 first = high word); u = (v & (2⁵³ − 1))·2⁻⁵³ (binary64);
///                                                 kept when u < 1 − p (binary64 comparison)
///     noise.div_(1 − p)                           kept: f32(1) ⊘ f32(1 − p), dropped: 0
///     y = x ⊗ noise;   backward: dx = dy ⊗ noise  (the same noise tensor)
///
/// In training mode it consumes exactly 2 · numel draws of the global generator per call (none when p = 0,
/// p = 1, in eval mode or for an empty tensor), so the DataLoader order drawn after it stays in sync.
public struct Dropout: Sendable, Hashable {
    /// The probability of zeroing an element, 0 ≤ p ≤ 1.
    public let p: Double

    public init(p: Double) throws(ModelError) {
        guard p >= 0, p <= 1 else { throw .invalidProbability(p) }
        self.p = p
    }

    /// Elements whose draws are taken in one go.
    static let block = 1024

    /// The value a kept element is multiplied by: f32(1) ⊘ f32(1 − p).
    public var scale: Float { 1 / Float(1 - p) }

    /// Draws the noise tensor for `count` elements from `generator` (training mode).
    public func noise(count: Int, using generator: inout TorchGenerator) -> [Float] {
        var out = [Float](repeating: 0, count: count)
        out.withUnsafeMutableBufferPointer { drawNoise(into: $0.baseAddress!, count: count, using: &generator) }
        return out
    }

    /// `nn.Dropout(p)(x)` in training mode; returns the output and the noise the backward multiplies by.
    public func forward(_ x: Tensor, using generator: inout TorchGenerator) -> (output: Tensor, noise: [Float]) {
        let noise = noise(count: x.scalars.count, using: &generator)
        var y = x
        for i in y.scalars.indices { y.scalars[i] = x.scalars[i] * noise[i] }
        return (y, noise)
    }

    /// torch keeps an element when u = v·2⁻⁵³ < keep, with v the low 53 bits of random64(). v converts to a
    /// double exactly and the scaling by a power of two is exact, so that is v < keep·2⁵³ in real numbers, and
    /// for an integer v, v < ⌈keep·2⁵³⌉: one integer comparison per element, no conversion.
    static func keepThreshold(_ keep: Double) -> UInt64 {
        UInt64((keep * 0x1p53).rounded(.up))
    }

    /// noise[0 ..< count] as torch's `bernoulli_(1 − p).div_(1 − p)` draws it.
    func drawNoise(into noise: UnsafeMutablePointer<Float>, count: Int, using generator: inout TorchGenerator) {
        if p == 0 || count == 0 {
            noise.update(repeating: 1, count: count)   // identity: nothing drawn
            return
        }
        if p == 1 {
            noise.update(repeating: 0, count: count)   // x ⊗ 0: nothing drawn
            return
        }
        let keep = 1 - p, kept = scale
        let threshold = Self.keepThreshold(keep)
        // random64() per element, the draws taken a block at a time: word 2i is the high half, 2i + 1 the low.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * Self.block) { words in
            let w = words.baseAddress!
            var start = 0
            while start < count {
                let n = min(Self.block, count - start)
                generator.fill(w, count: 2 * n)
                let out = noise + start
                for i in 0..<n {
                    let v = (UInt64(w[2 &* i]) << 32 | UInt64(w[2 &* i &+ 1])) & (1 << 53 - 1)
                    out[i] = v < threshold ? kept : 0
                }
                start += n
            }
        }
    }
}
