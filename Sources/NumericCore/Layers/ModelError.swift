/// A model built or fed with arrays whose shapes do not fit its layer sizes.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    case invalidSizes([Int])
    case parameterCount(expected: Int, got: Int)
    case parameterSize(name: String, expected: [Int], count: Int)
    case inputWidth(expected: Int, got: Int)
    case gradientShape(expected: [Int], got: [Int])
    case invalidProbability(Double)
    case batchTooSmallForBatchNorm(rows: Int)
    case invalidOption(name: String, value: Double, rule: String)

    public var description: String {
        func shape(_ s: [Int]) -> String { s.map(String.init).joined(separator: " × ") }
        switch self {
        case let .invalidSizes(sizes):
            return "layer sizes \(sizes) are invalid: give at least an input and an output size, all positive"
        case let .parameterCount(expected, got):
            return "the model needs \(expected) parameter tensors (weight and bias per layer), got \(got)"
        case let .parameterSize(name, expected, count):
            return "parameter \(name) has shape \(shape(expected)) (\(expected.reduce(1, *)) values), got \(count) values"
        case let .inputWidth(expected, got):
            return "the input has \(got) columns but the model expects \(expected) features"
        case let .gradientShape(expected, got):
            return "the output gradient has shape \(shape(got)), expected \(shape(expected))"
        case let .invalidProbability(p):
            return "dropout probability has to be between 0 and 1, but got \(p)"
        case let .batchTooSmallForBatchNorm(rows):
            return "batch norm in training mode needs more than 1 value per channel, got a batch of \(rows) row(s)"
        case let .invalidOption(name, value, rule):
            return "\(name) \(rule), got \(value)"
        }
    }
}
