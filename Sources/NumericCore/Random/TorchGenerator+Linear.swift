/// `nn.Linear` initialisation on the global generator (docs/parity.md §2.3): kaiming-uniform weights, then bias.
extension TorchGenerator {
    /// The weight and bias of a freshly built `nn.Linear(inFeatures, outFeatures)`, float32.
    /// `weight` is row-major [outFeatures, inFeatures]; the weight is drawn first, then the bias.
    public mutating func linearInit(inFeatures: Int, outFeatures: Int) throws -> (weight: [Float], bias: [Float]) {
        guard inFeatures >= 1 else { throw DataError.invalidCount(name: "in_features", value: inFeatures, minimum: 1) }
        guard outFeatures >= 1 else { throw DataError.invalidCount(name: "out_features", value: outFeatures, minimum: 1) }
        let fanIn = Double(inFeatures)
        // kaiming_uniform_(w, a=sqrt(5)): gain = sqrt(2/(1 + a²)), std = gain/sqrt(fan_in), bound = sqrt(3)·std.
        let a = 5.0.squareRoot()
        let gain = (2.0 / (1.0 + a * a)).squareRoot()
        let weightBound = 3.0.squareRoot() * (gain / fanIn.squareRoot())
        let weight = try uniform(count: inFeatures * outFeatures, low: -weightBound, high: weightBound)
        // bias: uniform_(−1/sqrt(fan_in), 1/sqrt(fan_in)).
        let biasBound = 1.0 / fanIn.squareRoot()
        let bias = try uniform(count: outFeatures, low: -biasBound, high: biasBound)
        return (weight, bias)
    }

    /// The parameters of `nn.Sequential(Linear(s0, s1), ReLU(), Linear(s1, s2), …)` in layer order
    /// (ReLU draws nothing). `layerSizes` like `[4, 64, 32, 1]`.
    public mutating func mlpInit(layerSizes: [Int]) throws -> [(weight: [Float], bias: [Float])] {
        guard layerSizes.count >= 2 else {
            throw DataError.invalidCount(name: "number of layer sizes", value: layerSizes.count, minimum: 2)
        }
        var layers: [(weight: [Float], bias: [Float])] = []
        layers.reserveCapacity(layerSizes.count - 1)
        for l in 0..<(layerSizes.count - 1) {
            layers.append(try linearInit(inFeatures: layerSizes[l], outFeatures: layerSizes[l + 1]))
        }
        return layers
    }
}
