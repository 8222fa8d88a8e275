import NumericCore
import Yams

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
                                                         "n_repeated", "n_classes", "n_clusters_per_class", "weights",
                                                         "flip_y", "class_sep", "random_state"], reader: reader)
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
            if let node = f["weights"], let weights = reader.doubles(node, "weights") {
                if weights.count != o.nClasses, weights.count != o.nClasses - 1 {
                    reader.error(node, "'weights' needs n_classes (\(o.nClasses)) or n_classes − 1 proportions, got \(weights.count)")
                } else if weights.contains(where: { $0 < 0 || $0 > 1 }) || weights.reduce(0, +) > 1 + 1e-9 {
                    reader.error(node, "'weights' must be proportions from 0 to 1 whose sum is at most 1, such as [0.7, 0.2, 0.1]")
                } else {
                    o.weights = weights
                }
            }
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
        case .makeRegression:
            f = Fields(node, "data", allowed: common + ["n_samples", "n_features", "n_informative", "bias", "noise",
                                                         "random_state"], reader: reader)
            guard let f else { return nil }
            dataset = parseRegression(f, reader)
        }
        guard let f else { return nil }
        let regression = name == .deliveryTimes || name == .makeRegression
        let split = parseSplit(f, reader, regression: regression ? name.rawValue : nil)
        let normalize: Normalization = f.choice("normalize", "normalisation") ?? .none
        if !regression, normalize == .meanStd {
            reader.error(f["normalize"], "mean-std also scales the targets; use standard-scaler for classification")
        }
        guard let dataset, let split else { return nil }
        return DataSpec(dataset: dataset, split: split, normalize: normalize)
    }

    /// `regression`: the name of a regression dataset, which has no classes to stratify on.
    private static func parseSplit(_ f: Fields, _ reader: SpecReader, regression: String?) -> SplitSpec? {
        guard let node = f.required("split", " (e.g. split: {test_size: 0.2, random_state: 42})"),
              let s = Fields(node, "data.split", allowed: ["test_size", "validation_size", "random_state", "stratify"],
                             reader: reader)
        else { return nil }
        guard let seed = s.requiredInt("random_state", "must be from 0 to 2^32-1", { (0...4_294_967_295).contains($0) })
        else { return nil }
        var split = SplitSpec(randomState: seed)
        let reported = reader.diagnostics.count
        split.testSize = s.double("test_size", default: 0.25, Rule.unitInterval) { $0 > 0 && $0 < 1 }
        let testSizeValid = reader.diagnostics.count == reported
        if s.has("validation_size") {
            let size = s.double("validation_size", default: .nan, Rule.unitInterval) { $0 > 0 && $0 < 1 }
            if size.isNaN || !testSizeValid {
                return nil
            } else if split.testSize + size >= 1 || remainderFraction(testSize: split.testSize, validationSize: size) >= 1 {
                reader.error(s["validation_size"], "test_size (\(Value.number(split.testSize))) + validation_size "
                    + "(\(Value.number(size))) must be below 1, or nothing is left to train on; e.g. test_size: 0.2, "
                    + "validation_size: 0.2")
                return nil
            }
            split.validationSize = size
        }
        split.stratify = s.bool("stratify") ?? false
        if split.stratify, let regression { reader.error(s["stratify"], "stratify needs class labels; \(regression) is a regression dataset") }
        return split
    }

    /// The split; `validation_size` only when given, so blocks without one keep their cache keys.
    private var splitCanonical: [String: Canonical] {
        var fields: [String: Canonical] = ["test_size": .number(split.testSize), "random_state": .int(split.randomState),
                                           "stratify": .bool(split.stratify)]
        if let size = split.validationSize { fields["validation_size"] = .number(size) }
        return fields
    }

    var canonical: Canonical {
        var fields: [String: Canonical] = [
            "split": .object(splitCanonical),
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
            // Only when given, so blocks without weights keep their cache keys.
            if let weights = o.weights { fields["weights"] = .array(weights.map { .number($0) }) }
        case .makeMoons(let o): fields.merge(Self.canonical(o, "make-moons", circles: false)) { $1 }
        case .makeCircles(let o): fields.merge(Self.canonical(o, "make-circles", circles: true)) { $1 }
        case .makeBlobs(let o): fields.merge(Self.canonical(o)) { $1 }
        case .makeRegression(let o): fields.merge(Self.canonical(o)) { $1 }
        }
        return .object(fields)
    }
}
