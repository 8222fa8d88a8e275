import Foundation
import Testing
@testable import NumericCore

/// torch.nn.utils.clip_grad_norm_ and clip_grad_value_ against torch (clip_grad.json, from
/// scripts/reference/loss_next_fixtures.py): each tensor's norm, the total norm and the clipped gradients, bitwise,
/// for a 4-64-32-1 MLP's tensors, a batch-norm model's, one tensor alone and twelve small ones (one-element tensors
/// included), at gradient scales that leave them unclipped and that clip them; the last 60 cases with norm_type 1, 3,
/// 0.5, 1.5 and inf.
@Suite struct GradientClippingTests {
    static let count = 120

    @Test("norms and clipped gradients bitwise torch", arguments: 0..<count)
    func clippingCase(index: Int) throws {
        let c = try Fixture.testCase("clip_grad.json", index, of: Self.count)
        let shapes = try #require(c["shapes"] as? [[Int]])
        let scale = try c.double("scale")
        let k = try c.double("k")
        var gradients: [Float] = [], ranges: [Range<Int>] = []
        for (i, shape) in shapes.enumerated() {
            let n = shape.reduce(1, *)
            ranges.append(gradients.count..<(gradients.count + n))
            gradients += wave(count: n, 0.3 * Double(i) + k, scale: scale)
        }
        let p = c["norm_type"] as? String == "inf" ? Double.infinity : (try? c.double("norm_type")) ?? 2
        let clipping: GradientClipping = if let maxNorm = try? c.double("max_norm") { .norm(maxNorm: maxNorm, normType: p) }
                                         else { .value(try c.double("value")) }
        let name = "\(c["model"] as? String ?? "") scale \(scale) \(clipping)"
        let norms = ranges.map { r in GradientClipping.tensorNorm(count: r.count, p: p) { gradients[r.lowerBound + $0] } }
        let total = clipping.apply(to: &gradients, tensors: ranges)
        if case .norm = clipping {
            #expect(bits(norms) == bits(try c.floats("norms")), "\(name)")
            #expect(total?.bitPattern == Float(try c.double("total_norm")).bitPattern, "\(name)")
        }
        #expect(try c.matches(gradients, "clipped"), "\(name)")
    }
}
