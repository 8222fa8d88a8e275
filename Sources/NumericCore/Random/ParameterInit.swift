import Foundation

/// The `torch.nn.init` functions for a weight of shape [out, in] (fan_in = in, fan_out = out), drawing from the
/// global generator as torch does (docs/parity.md §2.5). The bound or standard deviation is computed in binary64
/// as torch's Python computes it, then `uniform_(−bound, bound)` or `normal_(0, std)`.
///
///     gain(linear, sigmoid) = 1;  gain(tanh) = 5/3;  gain(relu) = √2;  gain(leaky_relu, a) = √(2/(1 + a²));
///     gain(selu) = 3/4
///     kaiming_uniform_(a, mode, nonlinearity):  std = gain/√fan;  bound = √3·std
///     kaiming_normal_ (a, mode, nonlinearity):  std = gain/√fan
///     xavier_uniform_(gain):  std = gain·√(2/(fan_in + fan_out));  bound = √3·std
///     xavier_normal_ (gain):  std = gain·√(2/(fan_in + fan_out))
///     zeros_:  all 0, nothing drawn
public enum ParameterInit: Sendable, Hashable {
    case kaimingUniform(a: Double = 0, mode: FanMode = .fanIn, nonlinearity: Nonlinearity = .leakyReLU)
    case kaimingNormal(a: Double = 0, mode: FanMode = .fanIn, nonlinearity: Nonlinearity = .leakyReLU)
    case xavierUniform(gain: Double = 1)
    case xavierNormal(gain: Double = 1)
    case zeros

    /// `mode` of the kaiming functions: which fan scales the variance.
    public enum FanMode: String, Sendable, Hashable, CaseIterable {
        case fanIn = "fan_in", fanOut = "fan_out"
    }

    /// `nonlinearity` of the kaiming functions (`nn.init.calculate_gain`).
    public enum Nonlinearity: String, Sendable, Hashable, CaseIterable {
        case linear, sigmoid, tanh, relu, selu
        case leakyReLU = "leaky_relu"

        /// `calculate_gain(self, a)`; `a` is leaky_relu's negative slope.
        public func gain(_ a: Double) -> Double {
            switch self {
            case .linear, .sigmoid: 1
            case .tanh: 5.0 / 3
            case .relu: 2.0.squareRoot()
            case .leakyReLU: (2.0 / (1 + Foundation.pow(a, 2))).squareRoot()   // Python: negative_slope ** 2
            case .selu: 3.0 / 4
            }
        }
    }

    /// The tensor's values, row-major [out, in], drawn from `generator`.
    public func values(out: Int, in inputs: Int, using generator: inout TorchGenerator) throws -> [Float] {
        let count = out * inputs
        let (fanIn, fanOut) = (Double(inputs), Double(out))
        switch self {
        case let .kaimingUniform(a, mode, nonlinearity):
            let std = nonlinearity.gain(a) / (mode == .fanIn ? fanIn : fanOut).squareRoot()
            let bound = 3.0.squareRoot() * std
            return try generator.uniform(count: count, low: -bound, high: bound)
        case let .kaimingNormal(a, mode, nonlinearity):
            let std = nonlinearity.gain(a) / (mode == .fanIn ? fanIn : fanOut).squareRoot()
            return try generator.normal(count: count, mean: 0, std: std)
        case .xavierUniform(let gain):
            let bound = 3.0.squareRoot() * (gain * (2.0 / (fanIn + fanOut)).squareRoot())
            return try generator.uniform(count: count, low: -bound, high: bound)
        case .xavierNormal(let gain):
            return try generator.normal(count: count, mean: 0, std: gain * (2.0 / (fanIn + fanOut)).squareRoot())
        case .zeros:
            return [Float](repeating: 0, count: count)
        }
    }
}
