import CWideFMA
/// Stochastic gradient descent with optional momentum, dampening, Nesterov and L2 weight decay — torch's
/// `optim.SGD`, single-tensor path (torch 2.x, `_single_tensor_sgd`), reproduced to the bit (docs/parity.md §5.1):
///
///     g ← fma(f32(λ), p, g)                                         if λ ≠ 0
///     buf ← first ? g : fma(f32(1 − τ), g, buf ⊗ f32(μ))            if μ ≠ 0
///     g ← nesterov ? fma(f32(μ), buf, g) : buf                      if μ ≠ 0
///     p ← fma(f32(−lr), g, p)
public struct SGD: Optimizer {
    public var lr: Double
    public var momentum: Double
    public let dampening: Double
    public let weightDecay: Double
    public let nesterov: Bool

    /// torch's `momentum_buffer`, created at the first step with momentum ≠ 0 (`nil` before).
    public private(set) var momentumBuffer: [Float]?
    /// The float64 counterpart of `momentumBuffer`.
    public private(set) var momentumBuffer64: [Double]?

    /// torch's defaults; throws for values `optim.SGD` rejects.
    public init(lr: Double = 1e-3, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0,
                nesterov: Bool = false) throws(OptimizerError) {
        guard lr >= 0 else { throw .invalidLearningRate(lr) }
        guard momentum >= 0 else { throw .invalidMomentum(momentum) }
        guard weightDecay >= 0 else { throw .invalidWeightDecay(weightDecay) }
        if nesterov, !(momentum > 0 && dampening == 0) {
            throw .nesterovRequiresMomentum(momentum: momentum, dampening: dampening)
        }
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
    }

    public var scheduledMomentum: Double {
        get { momentum }
        set { momentum = newValue }
    }

    public mutating func step(parameters: inout [Float], gradients: [Float]) throws(OptimizerError) {
        try step(parameters: &parameters, gradients: gradients, lanes: SequentialGEMM.widestLanes)
    }

    /// The float32 step on registers of `lanes` floats (16: `wide_sgd_step`, AVX-512 only); every width gives the
    /// same bits, which the tests check by calling both.
    mutating func step(parameters: inout [Float], gradients: [Float], lanes: SequentialGEMM.Lanes) throws(OptimizerError) {
        try OptimizerError.check(parameters, gradients, stateCount: momentumBuffer?.count)
        Self.update(&parameters, gradients, &momentumBuffer, lr: lr, momentum: momentum, dampening: dampening,
                    weightDecay: weightDecay, nesterov: nesterov, lanes: lanes)
    }

    public mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError) {
        try OptimizerError.check(parameters, gradients, stateCount: momentumBuffer64?.count)
        Self.update(&parameters, gradients, &momentumBuffer64, lr: lr, momentum: momentum, dampening: dampening,
                    weightDecay: weightDecay, nesterov: nesterov, lanes: .eight)
    }

    @inline(__always)
    private static func update<S: OptimizerScalar>(_ params: inout [S], _ grads: [S], _ buffer: inout [S]?,
                                                   lr: Double, momentum: Double, dampening: Double,
                                                   weightDecay: Double, nesterov: Bool, lanes: SequentialGEMM.Lanes) {
        let decay = S(weightDecay), mu = S(momentum), keep = S(1 - dampening), negLR = S(-lr)
        let first = momentum != 0 && buffer == nil
        if first { buffer = grads }               // placeholder of the right size; overwritten below
        var buf = buffer ?? []
        buffer = nil                              // keep `buf` uniquely referenced while it is updated
        params.withUnsafeMutableBufferPointer { p in
            grads.withUnsafeBufferPointer { gp in
                buf.withUnsafeMutableBufferPointer { b in
                    if S.self == Float.self, lanes == .sixteen {
                        func f32(_ x: S) -> Float { unsafeBitCast(x, to: Float.self) }   // the scalars above, rounded once
                        var h = WideSGDHyper(decay: f32(decay), mu: f32(mu), keep: f32(keep),
                                             neg_lr: f32(negLR), has_decay: weightDecay != 0 ? 1 : 0,
                                             momentum: momentum != 0 ? 1 : 0, first: first ? 1 : 0, nesterov: nesterov ? 1 : 0)
                        wide_sgd_step(p.count, UnsafeMutableRawPointer(p.baseAddress)?.assumingMemoryBound(to: Float.self),
                                      UnsafeRawPointer(gp.baseAddress)?.assumingMemoryBound(to: Float.self),
                                      UnsafeMutableRawPointer(b.baseAddress)?.assumingMemoryBound(to: Float.self), &h)
                        return
                    }
                    // Two loops rather than one with `if momentum != 0` inside: the compiler vectorises that one
                    // with masked stores to the buffer, which this machine kind runs in microcode.
                    if momentum == 0 {
                        for i in 0..<p.count {
                            var g = gp[i]
                            if weightDecay != 0 { g = g.addingProduct(decay, p[i]) }     // grad.add(p, alpha=λ)
                            p[i] = p[i].addingProduct(negLR, g)                       // p.add_(g, alpha=−lr)
                        }
                        return
                    }
                    for i in 0..<p.count {
                        var g = gp[i]
                        if weightDecay != 0 { g = g.addingProduct(decay, p[i]) }         // grad.add(p, alpha=λ)
                        let v = first ? g : (b[i] * mu).addingProduct(keep, g)          // buf.mul_(μ).add_(g, 1−τ)
                        b[i] = v
                        g = nesterov ? g.addingProduct(mu, v) : v                       // g.add(buf, alpha=μ)
                        p[i] = p[i].addingProduct(negLR, g)                             // p.add_(g, alpha=−lr)
                    }
                }
            }
        }
        if momentum != 0 || !buf.isEmpty { buffer = buf }
    }
}
