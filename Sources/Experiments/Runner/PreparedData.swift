import NumericCore

/// A train block's data, made exactly as the lesson's Python makes it (numpy/sklearn streams, split,
/// normalisation), as float32 tensors for training plus what the metrics need in original units.
struct PreparedData: Sendable {
    var trainX: Tensor
    var trainY: Tensor
    var testX: Tensor
    var testY: Tensor
    /// The validation part (`split.validation_size`), normalised with the training rows' statistics; nil without one.
    var validation: HeldOutPart?
    /// Test targets in original units (minutes) for the MAE, with the target normalisation to undo.
    var testTargets: [Double]
    var targetMean: Double
    var targetStd: Double
    /// Class labels for the accuracies, as floats.
    var trainLabels: [Float]
    var testLabels: [Float]

    /// A held-out part other than the test set: its tensors and class labels.
    struct HeldOutPart: Sendable {
        var x: Tensor
        var y: Tensor
        var labels: [Float]
    }

    var trainCount: Int { trainX.rows }

    /// Builds the data of `spec`; errors are the data layer's own (bad sizes and the like).
    static func make(_ spec: DataSpec) throws -> PreparedData {
        let features: Matrix
        let targets: [Double]
        var labels: [Int]?
        switch spec.dataset {
        case .deliveryTimes(let o):
            let data = try DeliveryTimes(count: o.nSamples, seed: Int64(o.seed), noise: o.noise)
            features = data.features
            targets = data.targets
        case .makeClassification(let o):
            let data = try makeClassification(
                nSamples: o.nSamples, nFeatures: o.nFeatures, nInformative: o.nInformative, nRedundant: o.nRedundant,
                nRepeated: o.nRepeated, nClasses: o.nClasses, nClustersPerClass: o.nClustersPerClass, weights: o.weights,
                flipY: o.flipY,
                classSep: o.classSep, randomState: Int64(o.randomState))
            features = data.features
            labels = data.labels
            targets = data.labels.map(Double.init)
        case .makeMoons(let o), .makeCircles(let o):
            let seed = Int64(o.randomState)
            let data = spec.dataset.name == .makeMoons
                ? try makeMoons(nSamples: o.nSamples, noise: o.noise, randomState: seed)
                : try makeCircles(nSamples: o.nSamples, noise: o.noise, factor: o.factor, randomState: seed)
            features = data.features
            labels = data.labels
            targets = data.labels.map(Double.init)
        case .makeRegression(let o):
            let data = try makeRegression(nSamples: o.nSamples, nFeatures: o.nFeatures, nInformative: o.nInformative,
                                          bias: o.bias, noise: o.noise, randomState: Int64(o.randomState))
            features = data.features
            targets = data.targets
        case .makeBlobs(let o):
            let data = try makeBlobs(nSamples: o.nSamples, nFeatures: o.nFeatures, centers: o.centers,
                                     clusterStd: o.clusterStd, centerBox: (o.centerBox[0], o.centerBox[1]),
                                     randomState: Int64(o.randomState))
            features = data.features
            labels = data.labels
            targets = data.labels.map(Double.init)
        }
        let rows = try Self.split(spec.split, count: features.rows, labels: labels ?? targets.map { Int($0) })
        let xTrain = try features.selectingRows(rows.train), xTest = try features.selectingRows(rows.test)
        let yTrain = rows.train.map { targets[$0] }, yTest = rows.test.map { targets[$0] }
        let columns = features.columns

        // Every part is scaled with statistics of the training rows only, as the scripts do.
        let scaledFeatures: (Matrix) throws -> [Float]
        let scaledTargets: ([Double]) -> [Float]
        var targetMean = 0.0, targetStd = 1.0
        switch spec.normalize {
        case .meanStd:
            // The lesson's regression scripts: (v - mean) / (std + 1e-8), statistics of the training rows.
            let normalization = try MeanStdNormalization(features: xTrain, targets: yTrain)
            scaledFeatures = normalization.normalizedFeatures
            scaledTargets = normalization.normalizedTargets
            targetMean = normalization.targetMean
            targetStd = normalization.targetStd
        case .standardScaler:
            let scaler = try StandardScaler(fitting: xTrain)
            scaledFeatures = { try scaler.transform($0).float32() }
            scaledTargets = { $0.map { Float($0) } }
        case .none:
            scaledFeatures = { $0.float32() }
            scaledTargets = { $0.map { Float($0) } }
        }
        func tensors(_ x: Matrix, _ y: [Double]) throws -> (x: Tensor, y: Tensor) {
            (try Tensor(rows: x.rows, cols: columns, scalars: scaledFeatures(x)),
             try Tensor(rows: y.count, cols: 1, scalars: scaledTargets(y)))
        }
        let train = try tensors(xTrain, yTrain), test = try tensors(xTest, yTest)
        var validation: HeldOutPart?
        if let rowsOfValidation = rows.validation {
            let yValidation = rowsOfValidation.map { targets[$0] }
            let part = try tensors(try features.selectingRows(rowsOfValidation), yValidation)
            validation = HeldOutPart(x: part.x, y: part.y, labels: yValidation.map { Float($0) })
        }
        return PreparedData(
            trainX: train.x, trainY: train.y, testX: test.x, testY: test.y, validation: validation,
            testTargets: yTest, targetMean: targetMean, targetStd: targetStd,
            trainLabels: yTrain.map { Float($0) }, testLabels: yTest.map { Float($0) })
    }

    /// The rows of each part: one `train_test_split`, or two with a validation size (`trainValidationTestSplit`).
    static func split(_ split: SplitSpec, count: Int, labels: [Int]) throws -> (train: [Int], validation: [Int]?, test: [Int]) {
        let stratify = split.stratify ? labels : nil
        guard let validationSize = split.validationSize else {
            let rows = try trainTestSplit(count: count, testSize: split.testSize, randomState: Int64(split.randomState),
                                          stratify: stratify)
            return (rows.train, nil, rows.test)
        }
        let rows = try trainValidationTestSplit(count: count, testSize: split.testSize, validationSize: validationSize,
                                                randomState: Int64(split.randomState), stratify: stratify)
        return (rows.train, rows.validation, rows.test)
    }
}
