/// Long sums in blocks of k, as MKL's sgemm takes them on the AVX-512 machine of docs/parity.md §4.2b where the
/// fused chain applies (measured with `scripts/reference/small_rows_gemm_probe.py` part 5): a sum over more than 384
/// products is cut into blocks, 384 at a time while more than 768 are left, then what is left in two halves (the
/// first one the larger by one when it is odd); each block is its own fused chain from 0, and C is the first block
/// ⊕ bias, then ⊕ each further block in order. ReLU and the ReLU's backward mask come after the last block.
///
///     K = 600:  [0, 300) [300, 600)          K = 1 000:  [0, 384) [384, 692) [692, 1 000)
extension SequentialGEMM {
    /// The longest sum MKL leaves as one fused chain.
    static let longestChain = 384

    /// The blocks of k for a sum of `k` products (one block, 0 ..< k, up to `longestChain`).
    static func kBlocks(_ k: Int) -> [Range<Int>] {
        var blocks: [Range<Int>] = [], start = 0, left = k
        while left > longestChain {
            let size = left > 2 &* longestChain ? longestChain : (left &+ 1) / 2
            blocks.append(start ..< start &+ size)
            start &+= size
            left &-= size
        }
        blocks.append(start ..< k)
        return blocks
    }

    /// `multiply` with its k in MKL's blocks (the same call when k ≤ `longestChain`).
    static func multiplyInKBlocks(m: Int, n: Int, k: Int, a: Operand, b: UnsafePointer<Float>, ldb: Int,
                                  bias: UnsafePointer<Float>?, relu: Bool = false,
                                  reluOutput: UnsafePointer<Float>? = nil, c: Output) {
        guard k > longestChain, m > 0, n > 0 else {
            multiply(m: m, n: n, k: k, a: a, b: b, ldb: ldb, bias: bias, relu: relu, reluOutput: reluOutput, c: c)
            return
        }
        let blocks = kBlocks(k)
        @inline(__always) func operand(_ block: Range<Int>) -> Operand {
            Operand(base: a.base + block.lowerBound &* a.colStride, rowStride: a.rowStride, colStride: a.colStride)
        }
        let first = blocks[0]
        multiply(m: m, n: n, k: first.count, a: operand(first), b: b + first.lowerBound &* ldb, ldb: ldb, bias: bias,
                 c: c)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: m &* n) { buffer in
            let part = buffer.baseAddress!
            for block in blocks.dropFirst() {
                multiply(m: m, n: n, k: block.count, a: operand(block), b: b + block.lowerBound &* ldb, ldb: ldb,
                         bias: nil, c: Output(base: part, rowStride: n, colStride: 1))
                for i in 0..<m {
                    for j in 0..<n { c.base[i &* c.rowStride &+ j &* c.colStride] += part[i &* n &+ j] }
                }
            }
        }
        guard relu || reluOutput != nil else { return }
        for i in 0..<m {
            for j in 0..<n {
                let at = i &* c.rowStride &+ j &* c.colStride
                if relu, c.base[at] < 0 { c.base[at] = 0 }
                if let reluOutput, !(reluOutput[at] > 0) { c.base[at] = 0 }
            }
        }
    }
}
