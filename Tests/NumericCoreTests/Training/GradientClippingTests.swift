import Foundation
import Testing
@testable import NumericCore

/// torch.nn.utils.clip_grad_norm_ and clip_grad_value_ against torch (clip_grad.json, from
/// scripts/reference/loss_next_fixtures.py): each tensor's norm, the total norm and the clipped gradients, bitwise,
/// for a 4-64-32-1 MLP's tensors, a batch-norm model's, one tensor alone and twelve small ones (one-element tensors
/// included), at gradient scales that leave them unclipped and that clip them.
@Suite struct GradientClippingTests {
    static let count = 60

    @Test("norms and clipped gradients bitwise torch", arguments: 0..<count)
    func clippingCase(index: Int) throws {
        let c = try Fixture.testCase("clip_grad.json", index, of: Self.count)
        let shapes = try #require(c["shapes"] as? [[Int]])
        let scale = try c.double("scale")
        let k = Double(index % 15 / 5)
        var gradients: [Float] = [], ranges: [Range<Int>] = []
        for (i, shape) in shapes.enumerated() {
            let n = shape.reduce(1, *)
            ranges.append(gradients.count..<(gradients.count + n))
            gradients += wave(count: n, 0.3 * Double(i) + k, scale: scale)
        }
        let clipping: GradientClipping = if let maxNorm = try? c.double("max_norm") { .norm(maxNorm: maxNorm) }
                                         else { .value(try c.double("value")) }
        let name = "\(c["model"] as? String ?? "") scale \(scale) \(clipping)"
        let norms = ranges.map { r in GradientClipping.tensorNorm(count: r.count) { gradients[r.lowerBound + $0] } }
        let total = clipping.apply(to: &gradients, tensors: ranges)
        if case .norm = clipping {
            #expect(bits(norms) == bits(try c.floats("norms")), "\(name)")
            #expect(total?.bitPattern == Float(try c.double("total_norm")).bitPattern, "\(name)")
        }
        #expect(try c.matches(gradients, "clipped"), "\(name)")
    }
}
