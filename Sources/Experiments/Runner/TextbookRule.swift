import Foundation

/// The from-scratch update rules a `trace` block can set against torch's optimisers, written exactly as
/// textbooks (and the lesson's numpy code) write them, in float64.
struct TextbookRule {
    let rule: TraceRule
    private(set) var t = 0
    private(set) var m: [Double] = []
    private(set) var v: [Double] = []
    private(set) var mHat: [Double] = []
    private(set) var vHat: [Double] = []
    private(set) var velocity: [Double] = []

    init(_ rule: TraceRule) { self.rule = rule }

    var lr: Double {
        switch rule {
        case .adamTextbook(let lr, _, _, _), .adamNoBiasCorrection(let lr, _, _, _), .sgdMomentumTextbook(let lr, _): lr
        }
    }

    mutating func step(_ w: inout [Double], _ g: [Double]) {
        t += 1
        if m.isEmpty {
            m = Array(repeating: 0, count: w.count); v = m; velocity = m
        }
        switch rule {
        case let .adamTextbook(lr, b1, b2, eps), let .adamNoBiasCorrection(lr, b1, b2, eps):
            let corrected = if case .adamTextbook = rule { true } else { false }
            let c1 = 1 - pow(b1, Double(t)), c2 = 1 - pow(b2, Double(t))
            for i in w.indices {
                m[i] = b1 * m[i] + (1 - b1) * g[i]            // m ← β₁m + (1−β₁)g
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]     // v ← β₂v + (1−β₂)g²
            }
            mHat = m.map { $0 / c1 }                          // m̂ = m / (1−β₁ᵗ)
            vHat = v.map { $0 / c2 }                          // v̂ = v / (1−β₂ᵗ)
            for i in w.indices {
                let (mi, vi) = corrected ? (mHat[i], vHat[i]) : (m[i], v[i])
                w[i] -= lr * mi / (vi.squareRoot() + eps)     // W ← W − lr·m̂/(√v̂+ε)
            }
        case let .sgdMomentumTextbook(lr, beta):
            for i in w.indices {
                velocity[i] = beta * velocity[i] + g[i]       // v ← βv + g
                w[i] = w[i] - lr * velocity[i]                // W ← W − lr·v
            }
        }
    }
}

