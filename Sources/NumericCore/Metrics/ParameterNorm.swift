/// ex3's weight norm: `sum(p.norm().item() for p in model.parameters())` — each tensor's float32 L2 norm,
/// added left to right in float64 (docs/parity.md §7.1).
///
/// Each norm is accumulated in float64 and rounded once to float32. torch's own float32 reduction order is
/// not reproduced, so a norm may differ from torch's in the last float32 bit (≈ 6e−8 relative), far inside
/// the lesson's printed 4 decimals.
public func parameterNormSum(_ tensors: [[Float]]) -> Double {
    tensors.reduce(0) { $0 + Double(parameterNorm($1)) }
}

/// One tensor's float32 L2 norm (`p.norm()`), accumulated in float64 and rounded once.
public func parameterNorm(_ tensor: [Float]) -> Float {
    var squares = 0.0
    for v in tensor { squares = squares.addingProduct(Double(v), Double(v)) }
    return Float(squares.squareRoot())
}

/// The total norm `clip_grad_norm_` returns: the L2 norm of the tensors' float32 norms, as float32.
public func totalNorm(_ tensors: [[Float]]) -> Double {
    var squares = 0.0
    for tensor in tensors {
        let n = Double(parameterNorm(tensor))
        squares = squares.addingProduct(n, n)
    }
    return Double(Float(squares.squareRoot()))
}
