import CWideFMA
import Foundation

/// Adam with optional L2 weight decay and amsgrad — torch's `optim.Adam`, single-tensor path
/// (torch 2.x `_single_tensor_adam`, not capturable), reproduced step for step (docs/parity.md §5.2):
///
///     t ← t + 1
///     g ← fma(f32(λ), p, g)                 (Adam: L2 folded into the gradient)   if λ ≠ 0
///     p ← p ⊗ f32(1 − lr·λ)                 (AdamW: decoupled, before the moments) if λ ≠ 0
///     m ← lerp(m, g, f32(1 − β1))           m + w(g − m) for w < 0.5, else g + (w − 1)(g − m), fused
///     v ← fma(f32(1 − β2) ⊗ g, g, v ⊗ f32(β2))
///     stepSize = lr / (1 − β1^t),  bc2Sqrt = pow(1 − β2^t, 0.5)           (binary64, C pow)
///     denom ← sqrt(amsgrad ? (vmax ← max(vmax, v)) : v) ⊘ f32(bc2Sqrt) ⊕ f32(eps)
///     p ← p ⊕ (f32(−stepSize) ⊗ m) ⊘ denom  (addcdiv: not fused)
///
/// `sqrt` is torch's on the AVX-512 machine (MKL's: `MKLSquareRoot`, docs/parity.md §4.4), not the IEEE root. On a
/// CPU whose `vrsqrt14ps` is that root's table the float32 step runs in C (`wide_adam_step`, §5.2a), same bits.
public struct Adam: Optimizer {
    public var lr: Double
    public var beta1: Double
    public let beta2: Double
    public let eps: Double
    public let weightDecay: Double
    public let amsgrad: Bool
    let decoupled: Bool

    /// State for float32 parameters.
    public private(set) var state = AdamState<Float>()
    /// State for float64 parameters.
    public private(set) var state64 = AdamState<Double>()

    /// torch's defaults; throws for values `optim.Adam` rejects.
    public init(lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 0, amsgrad: Bool = false) throws(OptimizerError) {
        try self.init(lr: lr, betas: betas, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad, decoupled: false)
    }

    init(lr: Double, betas: (Double, Double), eps: Double, weightDecay: Double, amsgrad: Bool,
         decoupled: Bool) throws(OptimizerError) {
        guard lr >= 0 else { throw .invalidLearningRate(lr) }
        guard eps >= 0 else { throw .invalidEpsilon(eps) }
        guard betas.0 >= 0, betas.0 < 1 else { throw .invalidBeta(index: 0, value: betas.0) }
        guard betas.1 >= 0, betas.1 < 1 else { throw .invalidBeta(index: 1, value: betas.1) }
        guard weightDecay >= 0 else { throw .invalidWeightDecay(weightDecay) }
        self.lr = lr
        self.beta1 = betas.0
        self.beta2 = betas.1
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
        self.decoupled = decoupled
    }

    public var scheduledMomentum: Double {
        get { beta1 }
        set { beta1 = newValue }
    }

    public mutating func step(parameters: inout [Float], gradients: [Float]) throws(OptimizerError) {
        try step(parameters: &parameters, gradients: gradients, lanes: Self.widestLanes)
    }

    /// 16 where the CPU has AVX-512F and its `vrsqrt14ps` is the table `MKLSquareRoot` refines, else 8.
    static let widestLanes: SequentialGEMM.Lanes = Rsqrt14Estimate.instructionIsTheTable ? .sixteen : .eight

    /// The float32 step on registers of `lanes` floats (16: `wide_adam_step`, AVX-512 only); every width gives the
    /// same bits, which the tests check by calling both.
    mutating func step(parameters: inout [Float], gradients: [Float], lanes: SequentialGEMM.Lanes) throws(OptimizerError) {
        try OptimizerError.check(parameters, gradients, stateCount: state.isEmpty ? nil : state.m.count)
        var s = state
        state = AdamState()                   // `s` is now the buffers' only owner: updated in place, no copy
        update(&parameters, gradients, &s, lanes: lanes)
        state = s
    }

    public mutating func step(parameters: inout [Double], gradients: [Double]) throws(OptimizerError) {
        try OptimizerError.check(parameters, gradients, stateCount: state64.isEmpty ? nil : state64.m.count)
        var s = state64
        state64 = AdamState()
        update(&parameters, gradients, &s, lanes: .eight)
        state64 = s
    }

    /// The step's scalars, already rounded to the parameter type.
    private struct Hyper<S: OptimizerScalar> {
        let decay: S, shrink: S, w: S, wMinus1: S
        let lowWeight: Bool
        let b2: S, oneMinusB2: S, bc2: S, epsilon: S, negStep: S
        let hasDecay: Bool, decoupled: Bool, amsgrad: Bool
    }

    private struct Buffers<S: OptimizerScalar> {
        let p: UnsafeMutablePointer<S>, g: UnsafePointer<S>
        let m: UnsafeMutablePointer<S>, v: UnsafeMutablePointer<S>, vmax: UnsafeMutablePointer<S>?
    }

    /// One Adam update of the element(s) at offset `i` (one scalar or one SIMD vector of them).
    @inline(__always)
    private static func element<L: AdamLane>(_: L.Type, _ b: Buffers<L.Scalar>, _ i: Int, _ h: Hyper<L.Scalar>) {
        var p = L.load(b.p + i), g = L.load(b.g + i), m = L.load(b.m + i), v = L.load(b.v + i)
        if h.hasDecay {
            if h.decoupled { p = p * L(repeating: h.shrink) }                       // p.mul_(1 − lr·λ)
            else { g = g.addingProduct(L(repeating: h.decay), p) }                  // grad.add(p, alpha=λ)
        }
        let d = g - m                                                              // exp_avg.lerp_(g, 1 − β1)
        m = h.lowWeight ? m.addingProduct(L(repeating: h.w), d) : g.addingProduct(L(repeating: h.wMinus1), d)
        v = (v * L(repeating: h.b2)).addingProduct(L(repeating: h.oneMinusB2) * g, g)  // mul_(β2).addcmul_(g, g, 1 − β2)
        var s = v
        if h.amsgrad, let vmaxp = b.vmax {
            s = L.maximum(L.load(vmaxp + i), v)                                    // max(vmax, v), kept
            s.store(vmaxp + i)
        }
        let denom = s.tensorSquareRoot() / L(repeating: h.bc2) + L(repeating: h.epsilon)  // (sqrt(v) / bc2Sqrt).add_(eps)
        p = p + (L(repeating: h.negStep) * m) / denom                              // addcdiv_(m, denom, −stepSize)
        p.store(b.p + i); m.store(b.m + i); v.store(b.v + i)
    }

    @inline(__always)
    private func update<S: OptimizerScalar & AdamLane>(_ params: inout [S], _ grads: [S], _ state: inout AdamState<S>,
                                                        lanes: SequentialGEMM.Lanes) where S.Scalar == S {
        if state.isEmpty {
            state.m = [S](repeating: 0, count: params.count)
            state.v = state.m
            if amsgrad { state.vmax = state.m }
        }
        state.step += 1
        let t = state.step
        let biasCorrection1 = 1 - pow(beta1, t)
        let biasCorrection2 = 1 - pow(beta2, t)
        let stepSize = lr / biasCorrection1
        let biasCorrection2Sqrt = pow(biasCorrection2, 0.5)          // `** 0.5`, not sqrt()

        let decay = S(weightDecay), shrink = S(1 - lr * weightDecay)
        let w = S(1 - beta1), wMinus1 = w - 1, lowWeight = abs(w) < 0.5
        let b2 = S(beta2), oneMinusB2 = S(1 - beta2)
        let bc2 = S(biasCorrection2Sqrt), epsilon = S(eps), negStep = S(-stepSize)
        let (hasDecay, decoupled, amsgrad) = (weightDecay != 0, decoupled, amsgrad)

        let hyper = Hyper(decay: decay, shrink: shrink, w: w, wMinus1: wMinus1, lowWeight: lowWeight, b2: b2,
                          oneMinusB2: oneMinusB2, bc2: bc2, epsilon: epsilon, negStep: negStep, hasDecay: hasDecay,
                          decoupled: decoupled, amsgrad: amsgrad)
        var m = state.m, v = state.v, vmax = state.vmax
        state.m = []; state.v = []; state.vmax = []                 // unique buffers: updated in place
        params.withUnsafeMutableBufferPointer { p in
            grads.withUnsafeBufferPointer { g in
                m.withUnsafeMutableBufferPointer { m in
                    v.withUnsafeMutableBufferPointer { v in
                        vmax.withUnsafeMutableBufferPointer { vmax in
                            let buffers = Buffers(p: p.baseAddress!, g: g.baseAddress!, m: m.baseAddress!,
                                                  v: v.baseAddress!, vmax: vmax.baseAddress)
                            var i = 0
                            if S.self == Float.self {
                                let f = unsafeBitCast(buffers, to: Buffers<Float>.self)
                                let h = unsafeBitCast(hyper, to: Hyper<Float>.self)
                                if lanes == .sixteen {
                                    var wide = WideAdamHyper(
                                        decay: h.decay, shrink: h.shrink, w: h.w, w_minus_1: h.wMinus1, b2: h.b2,
                                        one_minus_b2: h.oneMinusB2, bc2: h.bc2, bc2_reciprocal: 1 / h.bc2, epsilon: h.epsilon, neg_step: h.negStep,
                                        low_weight: h.lowWeight ? 1 : 0, has_decay: h.hasDecay ? 1 : 0,
                                        decoupled: h.decoupled ? 1 : 0, amsgrad: h.amsgrad ? 1 : 0)
                                    wide_adam_step(p.count, f.p, f.g, f.m, f.v, f.vmax, &wide)
                                    return
                                }
                                while i + 8 <= p.count {
                                    Self.element(SIMD8<Float>.self, f, i, h)
                                    i += 8
                                }
                            }
                            while i < p.count {
                                Self.element(S.self, buffers, i, hyper)
                                i += 1
                            }
                        }
                    }
                }
            }
        }
        state.m = m; state.v = v; state.vmax = vmax
    }
}

// MARK: - Lanes (kept in this file so the non-WMO -O build can specialise and inline the update)

/// The element operations Adam's update uses, for one scalar or a SIMD vector of them: every operation
/// acts lane by lane with IEEE rounding, so a vectorised step gives the same bits as a scalar one.
protocol AdamLane {
    associatedtype Scalar: OptimizerScalar
    init(repeating value: Scalar)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    func addingProduct(_ a: Self, _ b: Self) -> Self
    func tensorSquareRoot() -> Self
    static func maximum(_ a: Self, _ b: Self) -> Self
    static func load(_ p: UnsafePointer<Scalar>) -> Self
    func store(_ p: UnsafeMutablePointer<Scalar>)
}

extension Float: AdamLane {
    init(repeating value: Float) { self = value }
    static func maximum(_ a: Float, _ b: Float) -> Float { Swift.max(a, b) }
    static func load(_ p: UnsafePointer<Float>) -> Float { p.pointee }
    func store(_ p: UnsafeMutablePointer<Float>) { p.pointee = self }
}

extension Double: AdamLane {
    init(repeating value: Double) { self = value }
    static func maximum(_ a: Double, _ b: Double) -> Double { Swift.max(a, b) }
    static func load(_ p: UnsafePointer<Double>) -> Double { p.pointee }
    func store(_ p: UnsafeMutablePointer<Double>) { p.pointee = self }
}

extension SIMD8: AdamLane where Scalar == Float {
    func tensorSquareRoot() -> SIMD8<Float> { MKLSquareRoot.root(self) }
    static func maximum(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { pointwiseMax(a, b) }
    static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
    func store(_ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: self, as: SIMD8<Float>.self) }
}
