import Yams

/// scikit-learn's `make_moons` / `make_circles` options (shuffle fixed at sklearn's default, true).
public struct TwoCurvesOptions: Sendable, Hashable {
    public var nSamples = 100
    /// Standard deviation of the Gaussian noise added to every coordinate; nil: none.
    public var noise: Double?
    /// make_circles: radius of the inner circle.
    public var factor = 0.8
    public var randomState: Int
}

/// scikit-learn's `make_blobs` options (`centers` as a count; shuffle true).
public struct BlobsOptions: Sendable, Hashable {
    public var nSamples = 100
    public var nFeatures = 2
    public var centers = 3
    public var clusterStd = 1.0
    public var centerBox = [-10.0, 10.0]
    public var randomState: Int
}

/// scikit-learn's `make_regression` options (one target, no effective_rank, shuffle true).
public struct RegressionOptions: Sendable, Hashable {
    public var nSamples = 100
    public var nFeatures = 100
    public var nInformative = 10
    public var bias = 0.0
    public var noise = 0.0
    public var randomState: Int
}

extension DataSpec.Dataset {
    /// The name written after `dataset:`.
    public var name: Name {
        switch self {
        case .deliveryTimes: return .deliveryTimes
        case .makeClassification: return .makeClassification
        case .makeMoons: return .makeMoons
        case .makeCircles: return .makeCircles
        case .makeBlobs: return .makeBlobs
        case .makeRegression: return .makeRegression
        }
    }

    /// Number of classes; nil for the regression datasets.
    public var classCount: Int? {
        switch self {
        case .deliveryTimes, .makeRegression: return nil
        case .makeClassification(let o): return o.nClasses
        case .makeMoons, .makeCircles: return 2
        case .makeBlobs(let o): return o.centers
        }
    }
}

extension DataSpec {
    static let seedRule = "must be from 0 to 2^32-1"

    static func parseTwoCurves(_ f: Fields, circles: Bool, _ reader: SpecReader) -> Dataset? {
        let seed = f.requiredInt("random_state", seedRule) { (0...4_294_967_295).contains($0) }
        var o = TwoCurvesOptions(randomState: seed ?? 0)
        o.nSamples = f.int("n_samples", default: 100, "must be from 10 to \(limits.samples)") { (10...limits.samples).contains($0) }
        if f.has("noise") { o.noise = f.double("noise", default: 0, Rule.nonNegative) { $0 >= 0 } }
        if circles {
            o.factor = f.double("factor", default: 0.8, "must be from 0 up to (not including) 1") { $0 >= 0 && $0 < 1 }
        }
        guard seed != nil else { return nil }
        return circles ? .makeCircles(o) : .makeMoons(o)
    }

    static func parseBlobs(_ f: Fields, _ reader: SpecReader) -> Dataset? {
        let seed = f.requiredInt("random_state", seedRule) { (0...4_294_967_295).contains($0) }
        var o = BlobsOptions(randomState: seed ?? 0)
        o.nSamples = f.int("n_samples", default: 100, "must be from 10 to \(limits.samples)") { (10...limits.samples).contains($0) }
        o.nFeatures = f.int("n_features", default: 2, "must be from 1 to \(limits.features)") { (1...limits.features).contains($0) }
        o.centers = f.int("centers", default: 3, "must be from 2 to 1000") { (2...1000).contains($0) }
        o.clusterStd = f.double("cluster_std", default: 1, Rule.nonNegative) { $0 >= 0 }
        if let node = f["center_box"], let box = reader.doubles(node, "center_box") {
            if box.count != 2 || !(box[0] < box[1]) {
                reader.error(node, "'center_box' must be two numbers, low before high, such as [-10, 10]")
            } else {
                o.centerBox = box
            }
        }
        guard seed != nil else { return nil }
        return .makeBlobs(o)
    }

    static func parseRegression(_ f: Fields, _ reader: SpecReader) -> Dataset? {
        let seed = f.requiredInt("random_state", seedRule) { (0...4_294_967_295).contains($0) }
        var o = RegressionOptions(randomState: seed ?? 0)
        o.nSamples = f.int("n_samples", default: 100, "must be from 10 to \(limits.samples)") { (10...limits.samples).contains($0) }
        o.nFeatures = f.int("n_features", default: 100, "must be from 1 to \(limits.features)") { (1...limits.features).contains($0) }
        o.nInformative = f.int("n_informative", default: 10, "must be from 1 to \(limits.features)") { (1...limits.features).contains($0) }
        o.noise = f.double("noise", default: 0, Rule.nonNegative) { $0 >= 0 }
        o.bias = f.double("bias", default: 0, "must be a number from −10⁹ to 10⁹") { abs($0) <= 1e9 }
        guard seed != nil else { return nil }
        return .makeRegression(o)
    }

    static func canonical(_ o: RegressionOptions) -> [String: Canonical] {
        ["dataset": .string("make-regression"), "n_samples": .int(o.nSamples), "n_features": .int(o.nFeatures),
         "n_informative": .int(o.nInformative), "bias": .number(o.bias), "noise": .number(o.noise),
         "random_state": .int(o.randomState)]
    }

    static func canonical(_ o: TwoCurvesOptions, _ name: String, circles: Bool) -> [String: Canonical] {
        var fields: [String: Canonical] = ["dataset": .string(name), "n_samples": .int(o.nSamples),
                                           "noise": o.noise.map { .number($0) } ?? .null, "random_state": .int(o.randomState)]
        if circles { fields["factor"] = .number(o.factor) }
        return fields
    }

    static func canonical(_ o: BlobsOptions) -> [String: Canonical] {
        ["dataset": .string("make-blobs"), "n_samples": .int(o.nSamples), "n_features": .int(o.nFeatures),
         "centers": .int(o.centers), "cluster_std": .number(o.clusterStd),
         "center_box": .array(o.centerBox.map { .number($0) }), "random_state": .int(o.randomState)]
    }
}
