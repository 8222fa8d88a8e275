import Foundation

/// torch's element-wise activation modules on contiguous float32 tensors, CPU, as ATen computes them with AVX2
/// dispatch (verified bitwise against torch 2.15 on this machine kind; docs/parity.md §4.5):
///
/// ATen's `cpu_kernel_vec` runs a *vector* formula on blocks of 16 elements (two AVX2 registers of 8 floats) and
/// a *scalar* formula on the last `n mod 16` elements of each work chunk. The vector formulas call SLEEF
/// (`SLEEF.swift`), the scalar ones the C library (glibc's `expf`, `expm1f`, `tanhf`, `erff`). A tensor is one
/// chunk unless it has more than 32 768 elements (GELU: 16 384) and torch runs T > 1 threads; then it is cut in
/// `min(T, ⌈n / grain⌉)` chunks of equal size, each with its own tail.
///
/// | module | forward (vector / scalar tail) | backward |
/// |---|---|---|
/// | Tanh | MKL's `vmsTanh` in torch (closed): here `f32(tanh(f64(x)))`, correctly rounded, ≤ 1 ulp from torch | `g ⊗ fma(−y, y, 1)` |
/// | Sigmoid | `1 ⊘ (1 ⊕ exp(0 ⊖ x))` | `(g ⊗ (1 ⊖ y)) ⊗ y` |
/// | SiLU | `x ⊘ (1 ⊕ exp(−x))` | `(g ⊗ s) ⊗ fma(x, 1 ⊖ s, 1)`, s the sigmoid |
/// | LeakyReLU(a) | `x > 0 ? x : x ⊗ f32(a)` | `x > 0 ? g : g ⊗ f32(a)` |
/// | ELU(α) | `x > 0 ? x : expm1(x) ⊗ f32(α)` | `x > 0 ? g : (g ⊗ f32(α)) ⊗ exp(x)` |
/// | GELU('tanh') | `(0.5 ⊗ x) ⊗ (1 ⊕ tanh(kB ⊗ fma(kK, (x ⊗ x) ⊗ x, x)))` | see `geluTanhGradient` |
/// | GELU (erf) | `(x ⊗ 0.5) ⊗ (1 ⊕ erf(x ⊗ √½))`; vector erf: torch's Abramowitz–Stegun 7.1.26 | `g ⊗ (cdf + x·pdf)` |
///
/// GELU (erf) is torch's *native* kernel: torch sends a contiguous float32 `F.gelu` to oneDNN unless
/// `torch.backends.mkldnn` is disabled, and oneDNN's JIT kernel differs in the last bits (≤ 1 ulp on 22 % of
/// inputs, measured); the scripts of a lesson that uses it run under `torch.backends.mkldnn.flags(enabled=False)`.
public enum Activation: Sendable, Hashable {
    case tanh
    case sigmoid
    /// `nn.GELU()` (approximate='none').
    case gelu
    /// `nn.GELU(approximate='tanh')`.
    case geluTanh
    case leakyReLU(negativeSlope: Double = 0.01)
    case silu
    case elu(alpha: Double = 1)

    /// torch's module, as a model summary writes it.
    public var torchName: String {
        switch self {
        case .tanh: "Tanh()"
        case .sigmoid: "Sigmoid()"
        case .gelu: "GELU()"
        case .geluTanh: "GELU(approximate='tanh')"
        case .leakyReLU(let a): "LeakyReLU(\(a))"
        case .silu: "SiLU()"
        case .elu(let a): "ELU(\(a))"
        }
    }

    /// y = f(x) over `count` elements; `threads` is torch's T.
    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int, threads: Int) {
        Self.segments(count: count, threads: threads, grain: grain(count: count, threads: threads)) { range, vector in
            switch self {
            case .tanh:
                for i in range { y[i] = Float(Foundation.tanh(Double(x[i]))) }
            case .sigmoid:
                for i in range { y[i] = 1 / (1 + (vector ? SLEEF.exp(0 - x[i]) : expf(-x[i]))) }
            case .silu:
                for i in range { y[i] = x[i] / (1 + (vector ? SLEEF.exp(-x[i]) : expf(-x[i]))) }
            case .leakyReLU(let a):
                let slope = Float(a)
                for i in range { y[i] = x[i] > 0 ? x[i] : x[i] * slope }
            case .elu(let a):
                let alpha = Float(a)
                for i in range { y[i] = x[i] > 0 ? x[i] : (vector ? SLEEF.expm1(x[i]) : expm1f(x[i])) * alpha }
            case .geluTanh:
                for i in range {
                    let v = x[i], inner = Self.kBeta * v.addingProduct(Self.kKappa, (v * v) * v)
                    let t = vector ? SLEEF.tanh(inner) : tanhf(inner)
                    y[i] = (0.5 * v) * (1 + t)
                }
            case .gelu:
                for i in range {
                    let v = x[i], u = v * Self.sqrtHalf
                    y[i] = (v * 0.5) * (1 + (vector ? Self.erf(u) : erff(u)))
                }
            }
        }
    }

    /// dx = d loss / d x from `g` = d loss / d y, the input `x` and the output `y` of the forward.
    func backward(_ g: UnsafePointer<Float>, x: UnsafePointer<Float>, y: UnsafePointer<Float>,
                  _ dx: UnsafeMutablePointer<Float>, count: Int, threads: Int) {
        Self.segments(count: count, threads: threads, grain: grain(count: count, threads: threads)) { range, vector in
            switch self {
            case .tanh:
                for i in range { dx[i] = g[i] * Float(1).addingProduct(-y[i], y[i]) }
            case .sigmoid:
                for i in range { dx[i] = (g[i] * (1 - y[i])) * y[i] }
            case .silu:
                for i in range {
                    let s = 1 / (1 + (vector ? SLEEF.exp(0 - x[i]) : expf(-x[i])))
                    dx[i] = (g[i] * s) * Float(1).addingProduct(x[i], 1 - s)
                }
            case .leakyReLU(let a):
                let slope = Float(a)
                for i in range { dx[i] = x[i] > 0 ? g[i] : g[i] * slope }
            case .elu(let a):
                let alpha = Float(a)
                for i in range { dx[i] = x[i] > 0 ? g[i] : (g[i] * alpha) * (vector ? SLEEF.exp(x[i]) : expf(x[i])) }
            case .geluTanh:
                for i in range { dx[i] = g[i] * Self.geluTanhGradient(x[i], vector: vector) }
            case .gelu:
                for i in range {
                    let v = x[i], u = v * Self.sqrtHalf
                    let cdf = 0.5 * (1 + (vector ? Self.erf(u) : erff(u)))
                    let e = (v * v) * -0.5
                    let pdf = Self.kBetaErf * (vector ? SLEEF.exp(e) : expf(e))
                    dx[i] = g[i] * (vector ? cdf.addingProduct(v, pdf) : cdf + v * pdf)   // the tail's sum is not fused
                }
            }
        }
    }

    // MARK: GELU's constants and pieces

    /// f32(√2 · 2/√π · 0.5) and f32(0.044715) (ATen's kBeta, kKappa).
    static let kBeta = Float(2.0.squareRoot() * (2 / Double.pi.squareRoot()) * 0.5)
    static let kKappa: Float = 0.044715
    /// f32(√½) and f32(2/√π · √½ · 0.5).
    static let sqrtHalf = Float(0.5.squareRoot())
    static let kBetaErf = Float(2 / Double.pi.squareRoot() * 0.5.squareRoot() * 0.5)

    /// d GELU-tanh / dx, vector path: `ld ⊕ ((0.5 ⊗ x) ⊗ fma(−t, t, 1)) ⊗ (kB ⊗ fma(f32(3 ⊗ kK), x ⊗ x, 1))`
    /// with `ld = 0.5 ⊗ (1 ⊕ t)` and t the tanh of the forward's inner value; the last sum is not fused (nor is it
    /// in the scalar tail, which calls `tanhf`).
    static func geluTanhGradient(_ x: Float, vector: Bool) -> Float {
        let square = x * x
        let inner = kBeta * x.addingProduct(kKappa, square * x)
        let t = vector ? SLEEF.tanh(inner) : tanhf(inner)
        let leftDerivative = 0.5 * (1 + t)
        let tanhDerivative = Float(1).addingProduct(-t, t)
        let innerDerivative = kBeta * Float(1).addingProduct(3 * kKappa, square)
        return leftDerivative + ((0.5 * x) * tanhDerivative) * innerDerivative
    }

    /// torch's vectorised erf (Vectorized<float>::erf): Abramowitz–Stegun 7.1.26 with SLEEF's exp,
    /// `±fma((−e) ⊗ t, r, 1)` with t = 1 ⊘ fma(p, |v|, 1), r a Horner polynomial in t, e = exp(−(v ⊗ v)).
    static func erf(_ v: Float) -> Float {
        let t = 1 / Float(1).addingProduct(0.3275911, abs(v))
        var r = Float(-1.453152027).addingProduct(1.061405429, t)
        r = Float(1.421413741).addingProduct(r, t)
        r = Float(-0.284496736).addingProduct(r, t)
        r = Float(0.254829592).addingProduct(r, t)
        let e = SLEEF.exp(-(v * v))
        let result = Float(1).addingProduct((-e) * t, r)
        return v.sign == .minus ? -result : result
    }

    // MARK: work chunks

    /// ATen's grain size for this activation: GELU parallelises above 16 384 elements with grain n / T.
    private func grain(count: Int, threads: Int) -> Int {
        switch self {
        case .gelu, .geluTanh: count > 16_384 ? max(count / max(threads, 1), 1) : 32_768
        default: 32_768
        }
    }

    /// Lanes of one vector block (AVX2: 2 registers of 8 floats).
    static let block = 16

    /// Calls `body(range, vector)` for each vector and scalar segment of `count` elements, in order.
    static func segments(count: Int, threads: Int, grain: Int, _ body: (Range<Int>, Bool) -> Void) {
        var chunk = count
        if count > grain, threads > 1 {
            let k = min(threads, (count + grain - 1) / grain)
            chunk = (count + k - 1) / k
        }
        var start = 0
        while start < count {
            let end = min(count, start + chunk)
            let vectorEnd = start + (end - start) - (end - start) % block
            if vectorEnd > start { body(start..<vectorEnd, true) }
            if end > vectorEnd { body(vectorEnd..<end, false) }
            start = end
        }
    }
}

extension Activation {
    /// The options torch's modules accept: finite numbers (a negative slope or α of any sign, as torch allows).
    func validate() throws(ModelError) {
        switch self {
        case .leakyReLU(let a) where !a.isFinite:
            throw .invalidOption(name: "negative_slope", value: a, rule: "must be a finite number")
        case .elu(let a) where !a.isFinite:
            throw .invalidOption(name: "alpha", value: a, rule: "must be a finite number")
        default: break
        }
    }
}
