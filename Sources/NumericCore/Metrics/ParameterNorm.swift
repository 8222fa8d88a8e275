/// ex3's weight norm: `sum(p.norm().item() for p in model.parameters())` — each tensor's float32 L2 norm,
/// added left to right in float64 (docs/parity.md §7.1).
public func parameterNormSum(_ tensors: [[Float]]) -> Double {
    tensors.reduce(0) { $0 + Double(parameterNorm($1)) }
}

/// One tensor's float32 L2 norm (`p.norm()`) in the order of torch's CPU kernel (ATen's
/// `norm_kernel_tensor_iterator_impl`, whose AVX2 build AVX-512 CPUs take too): eight float32 lanes each add
/// x ⊗ x (product and sum rounded separately), the lanes are added left to right, the n mod 8 values left over
/// are added with one fused multiply-add each, and the float32 root is the IEEE one (docs/parity.md §7.1).
/// Bitwise torch's for every length whose remainder mod 8 is at most 3; with 4 to 7 left over about one norm
/// in ten differs in the last bit (the compiled tail's order is not known).
public func parameterNorm(_ tensor: [Float]) -> Float {
    var lanes = SIMD8<Float>()
    var i = 0
    tensor.withUnsafeBufferPointer { x in
        while i + 8 <= x.count {
            let v = UnsafeRawPointer(x.baseAddress! + i).loadUnaligned(as: SIMD8<Float>.self)
            lanes = lanes + v * v
            i += 8
        }
    }
    var sum = lanes[0]
    for lane in 1..<8 { sum = sum + lanes[lane] }
    while i < tensor.count {
        sum = sum.addingProduct(tensor[i], tensor[i])
        i += 1
    }
    return sum.squareRoot()
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
