import Foundation
import Testing
@testable import NumericCore

/// A fixture case of one `Linear` layer's products as torch computed them (`x`, `weight`, `bias`, and torch's `y`;
/// with `grad_output`, also `grad_input` and `grad_weight`): the core's forward pass and gradients, each compared bit
/// for bit, each mismatch reported with the shape (`rows × in → out`). The small-batch, one-row, one-input and
/// long-sum fixtures all hold such cases.
enum LinearProductCase {
    /// `rows` and `inFeatures`: given where the case does not say them (one row, one input).
    static func expectBitwise(_ c: [String: Any], rows givenRows: Int? = nil, inFeatures givenIn: Int? = nil,
                              gradients: Bool = true) throws {
        let rows = try givenRows ?? c.int("rows"), fin = try givenIn ?? c.int("in"), fout = try c.int("out")
        let layer = Linear(validatedIn: fin, out: fout, weight: try c.packedFloats("weight"), bias: try c.packedFloats("bias"))
        let x = Tensor(validatedRows: rows, cols: fin, scalars: try c.packedFloats("x"))
        #expect(bits(try layer.forward(x).scalars) == bits(try c.packedFloats("y")), "forward \(rows) × \(fin) → \(fout)")
        guard gradients else { return }
        let g = Tensor(validatedRows: rows, cols: fout, scalars: try c.packedFloats("grad_output"))
        let (dx, dW, _) = try layer.backward(input: x, outputGradient: g)
        #expect(bits(dx.scalars) == bits(try c.packedFloats("grad_input")), "input gradient \(rows) × \(fin) → \(fout)")
        #expect(bits(dW) == bits(try c.packedFloats("grad_weight")), "weight gradient \(rows) × \(fin) → \(fout)")
    }
}
