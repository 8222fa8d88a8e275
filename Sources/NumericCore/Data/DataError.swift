/// Why a random stream, data set or metric could not be made from the given arguments.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A seed numpy would reject (numpy accepts integers 0 ≤ seed < 2³²).
    case seedOutOfRange(Int64)
    /// `test_size` must lie strictly between 0 and 1.
    case testSizeOutOfRange(Double)
    /// A count or size below its minimum (0 for counts, 1 for sizes); `name` says which.
    case invalidCount(name: String, value: Int, minimum: Int)
    /// A `low..<high` range that contains no integer.
    case emptyRange(low: Int64, high: Int64)
    /// `choice` asked for more items than the population has, without replacement.
    case sampleLargerThanPopulation(sample: Int, population: Int)
    /// `n_informative + n_redundant + n_repeated` exceeds `n_features`.
    case tooManyStructuredFeatures(informative: Int, redundant: Int, repeated: Int, features: Int)
    /// `n_classes · n_clusters_per_class` exceeds the `2^n_informative` hypercube vertices.
    case tooManyClusters(clusters: Int, informative: Int)
    /// The split leaves an empty part, or fewer rows than classes in a stratified part.
    case splitTooSmall(String)
    /// A stratified split needs at least two rows of every class.
    case classTooSmall(label: Int, count: Int)
    /// Arrays that must have matching lengths or shapes do not.
    case shapeMismatch(String)
    /// A parameter outside its allowed range (`flip_y`, `class_sep`, a dropped-batch size …).
    case invalidParameter(name: String, value: Double, allowed: String)

    public var description: String {
        switch self {
        case .seedOutOfRange(let seed):
            return "seed \(seed) is out of range: numpy seeds must be integers from 0 to 4294967295 (2^32 - 1)"
        case .testSizeOutOfRange(let size):
            return "test_size \(size) must be strictly between 0 and 1 (0.2 keeps a fifth of the rows for testing)"
        case .invalidCount(let name, let value, let minimum):
            return "\(name) must be at least \(minimum), got \(value)"
        case .emptyRange(let low, let high):
            return "randint(\(low), \(high)) has no integers: high must be greater than low"
        case .sampleLargerThanPopulation(let sample, let population):
            return "cannot choose \(sample) items from \(population) without replacement"
        case .tooManyStructuredFeatures(let informative, let redundant, let repeated, let features):
            return "n_informative (\(informative)) + n_redundant (\(redundant)) + n_repeated (\(repeated)) = "
                + "\(informative + redundant + repeated) must not exceed n_features (\(features))"
        case .tooManyClusters(let clusters, let informative):
            return "n_classes × n_clusters_per_class = \(clusters) clusters need that many hypercube vertices, "
                + "but n_informative = \(informative) gives only 2^\(informative)"
        case .splitTooSmall(let why):
            return "train/test split impossible: \(why)"
        case .classTooSmall(let label, let count):
            return "class \(label) has only \(count) row(s); a stratified split needs at least 2 per class"
        case .shapeMismatch(let why):
            return "shape mismatch: \(why)"
        case .invalidParameter(let name, let value, let allowed):
            return "\(name) = \(value) is not allowed: \(allowed)"
        }
    }
}
