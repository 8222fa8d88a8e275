/// A feed-forward network, torch's `nn.Sequential` of `Linear`, `ReLU`, `BatchNorm1d`, `LayerNorm`, `Dropout` and
/// activation layers,
/// in float32. `MLP(sizes:)` is the lesson's `Linear → ReLU → … → Linear`.
///
/// Parameters live in one flat buffer in `model.parameters()` order — W1 [out, in] row-major, b1, then each
/// later layer's (batch norm, layer norm: weight, bias) — and gradients in a second buffer of the same layout, so an
/// optimiser updates the whole model in one element-wise pass (the same as torch's per-tensor loop, since every
/// update is element-wise). Batch norm's running statistics are buffers, not parameters (`batchNorms`).
/// Activations and their gradients are kept in buffers that grow to the largest batch seen and are then reused.
/// A ReLU right after a Linear is applied as that layer's output is stored.
public struct MLP: Sendable {
    /// The layers in forward order.
    public let layers: [Layer]
    /// Widths of the Linear layers, input first: [4, 64, 32, 1] for the lesson's model.
    public let sizes: [Int]
    /// All parameters, flat, in torch's order; `parameterRanges[i]` locates tensor i.
    public internal(set) var parameters: [Float]
    /// d loss / d parameters from the last `backward`, same layout as `parameters`.
    public internal(set) var gradients: [Float]
    /// Where each parameter tensor (W1, b1, W2, b2, …) sits in `parameters`.
    public let parameterRanges: [Range<Int>]
    /// The batch-norm layers in order, with their running statistics (their weight and bias are in
    /// `parameters`; the copies here are not read unless the layer is not affine).
    public internal(set) var batchNorms: [BatchNorm1d]
    /// torch's global generator as the model sees it: dropout in training mode draws from it.
    public var generator = TorchGenerator(seed: 0)

    /// One stage of the forward pass; a Linear followed by a ReLU is one stage (`relu`).
    struct Stage: Sendable {
        enum Kind: Sendable {
            case linear, relu, batchNorm(Int), layerNorm(LayerNorm), dropout(Dropout), activation(Activation)
        }
        let kind: Kind
        let inWidth: Int
        let width: Int
        /// Index of the stage's first parameter tensor in `parameterRanges` (nil when it has none).
        let parameter: Int?
        /// A Linear whose output goes through a ReLU.
        let relu: Bool

        /// A Linear stage, whose input gradient also applies the ReLU's backward of a fused stage before it.
        var isLinear: Bool {
            if case .linear = kind { return true }
            return false
        }
    }

    let stages: [Stage]
    var weightT: [Float]                // every linear layer's Wᵀ [in, out], at the offsets of its W; refreshed each forward
    /// Per stage, two [capacity, width] blocks: the output and its gradient (for a Linear + ReLU stage the
    /// gradient d loss / d pre-activation); dropout stages also keep their noise, layer-norm stages each row's
    /// mean and rstd (`scratchOffsets`); see `reserve`.
    var work: [Float] = []
    var capacity = 0
    var outputOffsets: [Int] = []
    var deltaOffsets: [Int] = []
    var scratchOffsets: [Int?] = []
    /// Per batch-norm layer, the last training forward's mean and invstd (2 × width).
    var saved: [[Float]]

    /// A model with the given layer sizes and initial parameters `[W1, b1, W2, b2, …]`, each weight row-major
    /// [out, in] (as torch's `model.parameters()` yields them).
    public init(sizes: [Int], parameters tensors: [[Float]]) throws(ModelError) {
        guard sizes.count >= 2, sizes.allSatisfy({ $0 > 0 }) else { throw .invalidSizes(sizes) }
        try self.init(inputFeatures: sizes[0], layers: Layer.perceptron(sizes), parameters: tensors)
    }

    /// A model of `layers` over inputs of `inputFeatures` columns, with initial parameters in
    /// `model.parameters()` order (Linear: weight [out, in], bias; affine batch norm: weight, bias).
    /// `threads` is the T of batch norm's reductions (`torch.set_num_threads`).
    public init(inputFeatures: Int, layers: [Layer], parameters tensors: [[Float]], threads: Int = 1) throws(ModelError) {
        guard inputFeatures > 0 else { throw .invalidSizes([inputFeatures]) }
        var stages: [Stage] = []
        var shapes: [[Int]] = []
        var names: [String] = []             // torch's state-dict names: "<index in the Sequential>.weight"
        var norms: [BatchNorm1d] = []
        var sizes = [inputFeatures]
        var width = inputFeatures
        for (index, layer) in layers.enumerated() {
            switch layer {
            case .linear(let out):
                guard out > 0 else { throw .invalidSizes(sizes + [out]) }
                stages.append(Stage(kind: .linear, inWidth: width, width: out, parameter: shapes.count, relu: false))
                shapes += [[out, width], [out]]
                names += ["\(index).weight", "\(index).bias"]
                sizes.append(out)
                width = out
            case .relu:
                if let last = stages.last, case .linear = last.kind, !last.relu {
                    stages[stages.count - 1] = Stage(kind: .linear, inWidth: last.inWidth, width: last.width,
                                                     parameter: last.parameter, relu: true)
                } else {
                    stages.append(Stage(kind: .relu, inWidth: width, width: width, parameter: nil, relu: false))
                }
            case let .batchNorm(eps, momentum, affine):
                norms.append(try BatchNorm1d(features: width, eps: eps, momentum: momentum, affine: affine,
                                             threads: threads))
                stages.append(Stage(kind: .batchNorm(norms.count - 1), inWidth: width, width: width,
                                    parameter: affine ? shapes.count : nil, relu: false))
                if affine {
                    shapes += [[width], [width]]
                    names += ["\(index).weight", "\(index).bias"]
                }
            case let .layerNorm(eps, affine):
                let norm = try LayerNorm(features: width, eps: eps, affine: affine, threads: max(threads, 1))
                stages.append(Stage(kind: .layerNorm(norm), inWidth: width, width: width,
                                    parameter: affine ? shapes.count : nil, relu: false))
                if affine {
                    shapes += [[width], [width]]
                    names += ["\(index).weight", "\(index).bias"]
                }
            case .dropout(let p):
                stages.append(Stage(kind: .dropout(try Dropout(p: p)), inWidth: width, width: width, parameter: nil,
                                    relu: false))
            case .activation(let f):
                try f.validate()
                stages.append(Stage(kind: .activation(f), inWidth: width, width: width, parameter: nil, relu: false))
            }
        }
        guard !stages.isEmpty else { throw .invalidSizes(sizes) }
        guard tensors.count == shapes.count else { throw .parameterCount(expected: shapes.count, got: tensors.count) }
        var ranges: [Range<Int>] = []
        var flat: [Float] = []
        for (i, (tensor, shape)) in zip(tensors, shapes).enumerated() {
            guard tensor.count == shape.reduce(1, *) else {
                throw .parameterSize(name: names[i], expected: shape, count: tensor.count)
            }
            ranges.append(flat.count..<(flat.count + tensor.count))
            flat.append(contentsOf: tensor)
        }
        self.layers = layers
        self.sizes = sizes
        self.stages = stages
        self.parameters = flat
        self.gradients = [Float](repeating: 0, count: flat.count)
        self.parameterRanges = ranges
        self.parameterShapes = shapes
        self.batchNorms = norms
        self.saved = norms.map { [Float](repeating: 0, count: 2 * $0.features) }
        self.weightT = [Float](repeating: 0, count: flat.count)
        self.threads = max(threads, 1)
    }

    /// torch's thread count T the figures assume (batch norm's reductions, activations' work chunks).
    public let threads: Int

    /// Number of Linear layers.
    public var layerCount: Int { sizes.count - 1 }

    /// Width of the model's input and output.
    public var inputWidth: Int { sizes[0] }
    public var outputWidth: Int { stages[stages.count - 1].width }

    /// Shapes of the parameter tensors in order: [out, in] for weights, [out] for biases and batch-norm tensors.
    public let parameterShapes: [[Int]]

    /// Parameter tensor `i` (0 = W1, 1 = b1, 2 = W2, …) as a flat row-major array.
    public func parameter(_ i: Int) -> [Float] { Array(parameters[parameterRanges[i]]) }

    /// Gradient of parameter tensor `i` from the last backward pass.
    public func gradient(_ i: Int) -> [Float] { Array(gradients[parameterRanges[i]]) }

    /// The parameter-tensor index of Linear layer `l`'s weight (0-based among the Linear layers).
    public func linearWeightIndex(_ l: Int) -> Int { linearStage(l).parameter ?? 0 }

    /// Linear layer `l` as a standalone `Linear` (a copy).
    public func layer(_ l: Int) -> Linear {
        let stage = linearStage(l)
        let p = stage.parameter ?? 0
        return Linear(validatedIn: stage.inWidth, out: stage.width, weight: parameter(p), bias: parameter(p + 1))
    }

    /// The stage of Linear layer `l` (0-based among the Linear layers).
    private func linearStage(_ l: Int) -> Stage {
        stages.filter { if case .linear = $0.kind { true } else { false } }[l]
    }

    /// Makes the activation buffers hold at least `rows` rows (no allocation once they do).
    mutating func reserve(rows: Int) {
        guard rows > capacity else { return }
        capacity = rows
        var offset = 0
        outputOffsets = []
        deltaOffsets = []
        scratchOffsets = []
        for stage in stages {
            outputOffsets.append(offset)
            deltaOffsets.append(offset + rows * stage.width)
            offset += 2 * rows * stage.width
            switch stage.kind {
            case .dropout:
                scratchOffsets.append(offset)
                offset += rows * stage.width
            case .layerNorm:
                scratchOffsets.append(offset)
                offset += 2 * rows
            default:
                scratchOffsets.append(nil)
            }
        }
        work = [Float](repeating: 0, count: offset)
    }
}
