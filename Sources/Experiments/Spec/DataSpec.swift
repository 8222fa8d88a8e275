import NumericCore

/// The data of a train block: a generated dataset, its train/test (or train/validation/test) split and normalisation.
public struct DataSpec: Sendable, Hashable {
    /// The generator, with its options.
    public enum Dataset: Sendable, Hashable {
        case deliveryTimes(DeliveryTimesOptions)
        case makeClassification(MakeClassificationOptions)
        case makeMoons(TwoCurvesOptions)
        case makeCircles(TwoCurvesOptions)
        case makeBlobs(BlobsOptions)
        case makeRegression(RegressionOptions)

        /// The names accepted after `dataset:`.
        public enum Name: String, Sendable, CaseIterable {
            case deliveryTimes = "delivery-times", makeClassification = "make-classification"
            case makeMoons = "make-moons", makeCircles = "make-circles", makeBlobs = "make-blobs"
            case makeRegression = "make-regression"
        }

        /// Input features per sample.
        public var featureCount: Int {
            switch self {
            case .deliveryTimes: return 4
            case .makeClassification(let o): return o.nFeatures
            case .makeMoons, .makeCircles: return 2
            case .makeBlobs(let o): return o.nFeatures
            case .makeRegression(let o): return o.nFeatures
            }
        }

        public var sampleCount: Int {
            switch self {
            case .deliveryTimes(let o): return o.nSamples
            case .makeClassification(let o): return o.nSamples
            case .makeMoons(let o), .makeCircles(let o): return o.nSamples
            case .makeBlobs(let o): return o.nSamples
            case .makeRegression(let o): return o.nSamples
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

    /// Rows of each part after the split, as sklearn's `train_test_split` counts them: the test part
    /// ceil(test_size × n), the validation part (if any) ceil(validation_size / (1 − test_size) × the rest), the
    /// training part what is left.
    public var partCounts: (train: Int, validation: Int, test: Int) {
        splitSizes(count: dataset.sampleCount, testSize: split.testSize, validationSize: split.validationSize)
    }

    /// Training rows after the split: n - ceil(test_size × n) without a validation part.
    public var trainCount: Int { partCounts.train }
    /// Validation rows (0 without `validation_size`).
    public var validationCount: Int { partCounts.validation }
    /// Test rows: ceil(test_size × n).
    public var testCount: Int { partCounts.test }
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
    /// Class proportions (`weights`), n_classes or n_classes − 1 of them; nil: equal.
    public var weights: [Double]?
    public var flipY = 0.01
    public var classSep = 1.0
    public var randomState: Int
}

/// sklearn `train_test_split` options; with `validationSize`, two calls (`trainValidationTestSplit`).
public struct SplitSpec: Sendable, Hashable {
    public var testSize = 0.25
    /// The validation part's share of all rows (nil: no validation part), carved from what the test part leaves
    /// by a second `train_test_split` with the same `random_state`.
    public var validationSize: Double? = nil
    public var randomState: Int
    /// Stratify on the class labels (classification only).
    public var stratify = false
}
