import Foundation

/// torch's `nn.BCEWithLogitsLoss()` (mean reduction) on logits x and targets y ∈ [0, 1], in float32.
enum BCEWithLogitsLoss {
    /// mean((1 − y)·x − logsigmoid(x)) with logsigmoid(x) = min(x, 0) − log1p(exp(−|x|)) (the stable form);
    /// per-element terms in float32, summed in binary64 and rounded once.
    static func value(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int) -> Float {
        var sum = 0.0
        for i in 0..<count {
            let logSigmoid = min(x[i], 0) - log1p(exp(-abs(x[i])))
            sum += Double((1 - y[i]) * x[i] - logSigmoid)
        }
        return Float(sum) / Float(count)
    }

    /// d/dx = (sigmoid(x) ⊖ y) ⊘ f32(N), a true division (docs/parity.md §4.3), with torch's own sigmoid: the
    /// element-wise kernel of `Activation.sigmoid` (SLEEF's exp on whole blocks of 16, glibc's `expf` on the rest).
    static func gradient(x: UnsafePointer<Float>, y: UnsafePointer<Float>, count: Int, into g: UnsafeMutablePointer<Float>) {
        let n = Float(count)
        Activation.sigmoid.forward(x, g, count: count, threads: 1)
        for i in 0..<count { g[i] = (g[i] - y[i]) / n }
    }
}
