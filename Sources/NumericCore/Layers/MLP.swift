/// A multilayer perceptron `Linear → ReLU → … → Linear` (torch's `nn.Sequential` of the lesson), float32.
///
/// Parameters live in one flat buffer in `model.parameters()` order — W1 [out, in] row-major, b1, W2, b2, … —
/// and gradients in a second buffer of the same layout, so an optimiser updates the whole model in one
/// element-wise pass (the same as torch's per-tensor loop, since every update is element-wise). Activations and
/// their gradients are kept in buffers that grow to the largest batch seen and are then reused.
public struct MLP: Sendable {
    /// Layer widths, input first: [4, 64, 32, 1] is Linear(4, 64), ReLU, Linear(64, 32), ReLU, Linear(32, 1).
    public let sizes: [Int]
    /// All parameters, flat, in torch's order; `parameterRanges[i]` locates tensor i.
    public internal(set) var parameters: [Float]
    /// d loss / d parameters from the last `backward`, same layout as `parameters`.
    public internal(set) var gradients: [Float]
    /// Where each parameter tensor (W1, b1, W2, b2, …) sits in `parameters`.
    public let parameterRanges: [Range<Int>]

    var weightT: [Float]                // every layer's Wᵀ [in, out], at the offsets of its W; refreshed each forward
    /// Per layer l, two [capacity, out_l] blocks: the output (post-ReLU for hidden layers) and its gradient
    /// d loss / d (pre-activation); see `outputOffset` / `deltaOffset`.
    var work: [Float] = []
    var capacity = 0
    var outputOffsets: [Int] = []
    var deltaOffsets: [Int] = []

    /// A model with the given layer sizes and initial parameters `[W1, b1, W2, b2, …]`, each weight row-major
    /// [out, in] (as torch's `model.parameters()` yields them).
    public init(sizes: [Int], parameters tensors: [[Float]]) throws(ModelError) {
        guard sizes.count >= 2, sizes.allSatisfy({ $0 > 0 }) else { throw .invalidSizes(sizes) }
        let layers = sizes.count - 1
        guard tensors.count == 2 * layers else { throw .parameterCount(expected: 2 * layers, got: tensors.count) }
        var ranges: [Range<Int>] = []
        var flat: [Float] = []
        for l in 0..<layers {
            let (fin, fout) = (sizes[l], sizes[l + 1])
            guard tensors[2 * l].count == fin * fout else {
                throw .parameterSize(name: "\(2 * l).weight", expected: [fout, fin], count: tensors[2 * l].count)
            }
            guard tensors[2 * l + 1].count == fout else {
                throw .parameterSize(name: "\(2 * l).bias", expected: [fout], count: tensors[2 * l + 1].count)
            }
            for t in tensors[(2 * l)...(2 * l + 1)] {
                ranges.append(flat.count..<(flat.count + t.count))
                flat.append(contentsOf: t)
            }
        }
        self.sizes = sizes
        self.parameters = flat
        self.gradients = [Float](repeating: 0, count: flat.count)
        self.parameterRanges = ranges
        self.weightT = [Float](repeating: 0, count: flat.count)
    }

    /// Number of Linear layers.
    public var layerCount: Int { sizes.count - 1 }

    /// Shapes of the parameter tensors in order: [out, in] for weights, [out] for biases.
    public var parameterShapes: [[Int]] {
        (0..<layerCount).flatMap { [[sizes[$0 + 1], sizes[$0]], [sizes[$0 + 1]]] }
    }

    /// Parameter tensor `i` (0 = W1, 1 = b1, 2 = W2, …) as a flat row-major array.
    public func parameter(_ i: Int) -> [Float] { Array(parameters[parameterRanges[i]]) }

    /// Gradient of parameter tensor `i` from the last backward pass.
    public func gradient(_ i: Int) -> [Float] { Array(gradients[parameterRanges[i]]) }

    /// Layer `l` as a standalone `Linear` (a copy).
    public func layer(_ l: Int) -> Linear {
        Linear(validatedIn: sizes[l], out: sizes[l + 1], weight: parameter(2 * l), bias: parameter(2 * l + 1))
    }

    /// Makes the activation buffers hold at least `rows` rows (no allocation once they do).
    mutating func reserve(rows: Int) {
        guard rows > capacity else { return }
        capacity = rows
        work = [Float](repeating: 0, count: 2 * rows * sizes.dropFirst().reduce(0, +))
        outputOffsets = (0..<layerCount).map(outputOffset)
        deltaOffsets = (0..<layerCount).map(deltaOffset)
    }

    /// Start of layer l's output block in `work`.
    func outputOffset(_ l: Int) -> Int { 2 * capacity * sizes[1..<(l + 1)].reduce(0, +) }

    /// Start of layer l's output-gradient block in `work`.
    func deltaOffset(_ l: Int) -> Int { outputOffset(l) + capacity * sizes[l + 1] }
}
