/// ex3's weight norm: `sum(p.norm().item() for p in model.parameters())` — each tensor's float32 L2 norm,
/// added left to right in float64 (docs/parity.md §7.1).
///
/// Each norm is accumulated in float64 and rounded once to float32. torch's own float32 reduction order is
/// not reproduced, so a norm may differ from torch's in the last float32 bit (≈ 6e−8 relative), far inside
/// the lesson's printed 4 decimals.
public func parameterNormSum(_ tensors: [[Float]]) -> Double {
    var total = 0.0
    for tensor in tensors {
        var squares = 0.0
        for v in tensor { squares = squares.addingProduct(Double(v), Double(v)) }
        total += Double(Float(squares.squareRoot()))
    }
    return total
}
