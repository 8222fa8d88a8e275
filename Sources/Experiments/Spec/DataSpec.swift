import Yams

/// The data of a train block: a generated dataset, its train/test split and normalisation.
public struct DataSpec: Sendable, Hashable {
    /// The generator, with its options.
    public enum Dataset: Sendable, Hashable {
        case deliveryTimes(DeliveryTimesOptions)
        case makeClassification(MakeClassificationOptions)
        case makeMoons(TwoCurvesOptions)
        case makeCircles(TwoCurvesOptions)
        case makeBlobs(BlobsOptions)

        /// The names accepted after `dataset:`.
        public enum Name: String, Sendable, CaseIterable {
            case deliveryTimes = "delivery-times", makeClassification = "make-classification"
            case makeMoons = "make-moons", makeCircles = "make-circles", makeBlobs = "make-blobs"
        }

        /// Input features per sample.
        public var featureCount: Int {
            switch self {
            case .deliveryTimes: return 4
            case .makeClassification(let o): return o.nFeatures
            case .makeMoons, .makeCircles: return 2
            case .makeBlobs(let o): return o.nFeatures
            }
        }

        public var sampleCount: Int {
            switch self {
            case .deliveryTimes(let o): return o.nSamples
            case .makeClassification(let o): return o.nSamples
            case .makeMoons(let o), .makeCircles(let o): return o.nSamples
            case .makeBlobs(let o): return o.nSamples
            }
        }
    }

    /// How inputs (and maybe targets) are scaled, using training-set statistics.
    public enum Normalization: String, Sendable, Hashable, CaseIterable {
        /// `(v - mean) / (std + 1e-8)` for x and y (population std), as the lesson's regression scripts.
        case meanStd = "mean-std"
        /// sklearn `StandardScaler` on x only (a zero std counts as 1).
        case standardScaler = "standard-scaler"
        case none
    }

    public var dataset: Dataset
    public var split: SplitSpec
    public var normalize: Normalization

    /// Training rows after the split: n - ceil(test_size × n), as sklearn's `train_test_split`.
    public var trainCount: Int {
        let n = dataset.sampleCount
        return n - Int((split.testSize * Double(n)).rounded(.up))
    }
}

/// The lesson's delivery-time regression data: numpy's legacy global generator seeded with `seed`,
/// four features (distance, traffic, prep, value), target delivery minutes with normal noise of std `noise`.
public struct DeliveryTimesOptions: Sendable, Hashable {
    public var nSamples = 2000
    public var seed = 42
    public var noise = 4.0
}

/// sklearn `make_classification` options (shift 0, scale 1, hypercube, shuffle fixed at sklearn defaults).
public struct MakeClassificationOptions: Sendable, Hashable {
    public var nSamples = 100
    public var nFeatures = 20
    public var nInformative = 2
    public var nRedundant = 2
    public var nRepeated = 0
    public var nClasses = 2
    public var nClustersPerClass = 2
    public var flipY = 0.01
    public var classSep = 1.0
    public var randomState: Int
}

/// sklearn `train_test_split` options.
public struct SplitSpec: Sendable, Hashable {
    public var testSize = 0.25
    public var randomState: Int
    /// Stratify on the class labels (classification only).
    public var stratify = false
}

extension DataSpec {
    static let limits = (samples: 1_000_000, features: 10_000)

    static func parse(_ node: Node, _ reader: SpecReader) -> DataSpec? {
        guard let mapping = node.mapping else {
            reader.error(node, "data must be a mapping with a 'dataset' key")
            return nil
        }
        guard let nameNode = mapping["dataset"] else {
            reader.error(node, "missing required key 'dataset' in data (one of \(Dataset.Name.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        guard let name: Dataset.Name = reader.choice(nameNode, "dataset") else { return nil }
        let common = ["dataset", "split", "normalize"]
        let dataset: Dataset?
        let f: Fields?
        switch name {
        case .deliveryTimes:
            f = Fields(node, "data", allowed: common + ["n_samples", "seed", "noise"], reader: reader)
            guard let f else { return nil }
            var o = DeliveryTimesOptions()
            o.nSamples = f.int("n_samples", default: 2000, "must be from 10 to \(limits.samples)") { (10...limits.samples).contains($0) }
            o.seed = f.int("seed", default: 42, "must be from 0 to 2^32-1") { (0...4_294_967_295).contains($0) }
            o.noise = f.double("noise", default: 4, Rule.nonNegative) { $0 >= 0 }
            dataset = .deliveryTimes(o)
        case .makeClassification:
            f = Fields(node, "data", allowed: common + ["n_samples", "n_features", "n_informative", "n_redundant",
                                                         "n_repeated", "n_classes", "n_clusters_per_class", "flip_y",
                                                         "class_sep", "random_state"], reader: reader)
            guard let f else { return nil }
            let seed = f.requiredInt("random_state", "must be from 0 to 2^32-1") { (0...4_294_967_295).contains($0) }
            var o = MakeClassificationOptions(randomState: seed ?? 0)
            o.nSamples = f.int("n_samples", default: 100, "must be from 10 to \(limits.samples)") { (10...limits.samples).contains($0) }
            o.nFeatures = f.int("n_features", default: 20, "must be from 1 to \(limits.features)") { (1...limits.features).contains($0) }
            let features = "must be from 0 to \(limits.features)", classes = "must be from 2 to 1000"
            o.nInformative = f.int("n_informative", default: 2, "must be from 1 to \(limits.features)") { (1...limits.features).contains($0) }
            o.nRedundant = f.int("n_redundant", default: 2, features) { (0...limits.features).contains($0) }
            o.nRepeated = f.int("n_repeated", default: 0, features) { (0...limits.features).contains($0) }
            o.nClasses = f.int("n_classes", default: 2, classes) { (2...1000).contains($0) }
            o.nClustersPerClass = f.int("n_clusters_per_class", default: 2, "must be from 1 to 1000") { (1...1000).contains($0) }
            o.flipY = f.double("flip_y", default: 0.01, "must be from 0 to 1") { $0 >= 0 && $0 <= 1 }
            o.classSep = f.double("class_sep", default: 1, Rule.positive) { $0 > 0 }
            if o.nInformative + o.nRedundant + o.nRepeated > o.nFeatures {
                reader.error(f["n_features"] ?? node, "n_informative + n_redundant + n_repeated (\(o.nInformative + o.nRedundant + o.nRepeated)) must not exceed n_features (\(o.nFeatures))")
            }
            if o.nInformative < 64, o.nClasses * o.nClustersPerClass > 1 << o.nInformative {
                reader.error(f["n_informative"] ?? node, "n_classes × n_clusters_per_class (\(o.nClasses * o.nClustersPerClass)) must be at most 2^n_informative (\(1 << o.nInformative))")
            }
            dataset = seed == nil ? nil : .makeClassification(o)
        case .makeMoons, .makeCircles:
            let circles = name == .makeCircles
            f = Fields(node, "data", allowed: common + ["n_samples", "noise", "random_state"] + (circles ? ["factor"] : []),
                       reader: reader)
            guard let f else { return nil }
            dataset = parseTwoCurves(f, circles: circles, reader)
        case .makeBlobs:
            f = Fields(node, "data", allowed: common + ["n_samples", "n_features", "centers", "cluster_std", "center_box",
                                                         "random_state"], reader: reader)
            guard let f else { return nil }
            dataset = parseBlobs(f, reader)
        }
        guard let f else { return nil }
        let split = parseSplit(f, reader, classification: name != .deliveryTimes)
        let normalize: Normalization = f.choice("normalize", "normalisation") ?? .none
        if name != .deliveryTimes, normalize == .meanStd {
            reader.error(f["normalize"], "mean-std also scales the targets; use standard-scaler for classification")
        }
        guard let dataset, let split else { return nil }
        return DataSpec(dataset: dataset, split: split, normalize: normalize)
    }

    private static func parseSplit(_ f: Fields, _ reader: SpecReader, classification: Bool) -> SplitSpec? {
        guard let node = f.required("split", " (e.g. split: {test_size: 0.2, random_state: 42})"),
              let s = Fields(node, "data.split", allowed: ["test_size", "random_state", "stratify"], reader: reader)
        else { return nil }
        guard let seed = s.requiredInt("random_state", "must be from 0 to 2^32-1", { (0...4_294_967_295).contains($0) })
        else { return nil }
        var split = SplitSpec(randomState: seed)
        split.testSize = s.double("test_size", default: 0.25, Rule.unitInterval) { $0 > 0 && $0 < 1 }
        split.stratify = s.bool("stratify") ?? false
        if split.stratify, !classification { reader.error(s["stratify"], "stratify needs class labels; delivery-times is a regression dataset") }
        return split
    }

    var canonical: Canonical {
        var fields: [String: Canonical] = [
            "split": .object(["test_size": .number(split.testSize), "random_state": .int(split.randomState),
                              "stratify": .bool(split.stratify)]),
            "normalize": .string(normalize.rawValue),
        ]
        switch dataset {
        case .deliveryTimes(let o):
            fields.merge(["dataset": .string("delivery-times"), "n_samples": .int(o.nSamples), "seed": .int(o.seed),
                          "noise": .number(o.noise)]) { $1 }
        case .makeClassification(let o):
            fields.merge(["dataset": .string("make-classification"), "n_samples": .int(o.nSamples),
                          "n_features": .int(o.nFeatures), "n_informative": .int(o.nInformative),
                          "n_redundant": .int(o.nRedundant), "n_repeated": .int(o.nRepeated),
                          "n_classes": .int(o.nClasses), "n_clusters_per_class": .int(o.nClustersPerClass),
                          "flip_y": .number(o.flipY), "class_sep": .number(o.classSep),
                          "random_state": .int(o.randomState)]) { $1 }
        case .makeMoons(let o): fields.merge(Self.canonical(o, "make-moons", circles: false)) { $1 }
        case .makeCircles(let o): fields.merge(Self.canonical(o, "make-circles", circles: true)) { $1 }
        case .makeBlobs(let o): fields.merge(Self.canonical(o)) { $1 }
        }
        return .object(fields)
    }
}
