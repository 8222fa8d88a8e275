import NumericCore

/// A train block's data, made exactly as the lesson's Python makes it (numpy/sklearn streams, split,
/// normalisation), as float32 tensors for training plus what the metrics need in original units.
struct PreparedData: Sendable {
    var trainX: Tensor
    var trainY: Tensor
    var testX: Tensor
    var testY: Tensor
    /// Test targets in original units (minutes) for the MAE, with the target normalisation to undo.
    var testTargets: [Double]
    var targetMean: Double
    var targetStd: Double
    /// Class labels for the accuracies, as floats.
    var trainLabels: [Float]
    var testLabels: [Float]

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
        let split = try trainTestSplit(count: features.rows, testSize: spec.split.testSize,
                                       randomState: Int64(spec.split.randomState),
                                       stratify: spec.split.stratify ? labels ?? targets.map { Int($0) } : nil)
        let xTrain = try features.selectingRows(split.train), xTest = try features.selectingRows(split.test)
        let yTrain = split.train.map { targets[$0] }, yTest = split.test.map { targets[$0] }
        let columns = features.columns

        var trainXValues: [Float], testXValues: [Float], trainYValues: [Float], testYValues: [Float]
        var targetMean = 0.0, targetStd = 1.0
        switch spec.normalize {
        case .meanStd:
            // The lesson's regression scripts: (v - mean) / (std + 1e-8), statistics of the training rows.
            let normalization = try MeanStdNormalization(features: xTrain, targets: yTrain)
            trainXValues = try normalization.normalizedFeatures(xTrain)
            testXValues = try normalization.normalizedFeatures(xTest)
            trainYValues = normalization.normalizedTargets(yTrain)
            testYValues = normalization.normalizedTargets(yTest)
            targetMean = normalization.targetMean
            targetStd = normalization.targetStd
        case .standardScaler:
            let scaler = try StandardScaler(fitting: xTrain)
            trainXValues = try scaler.transform(xTrain).float32()
            testXValues = try scaler.transform(xTest).float32()
            trainYValues = yTrain.map { Float($0) }
            testYValues = yTest.map { Float($0) }
        case .none:
            trainXValues = xTrain.float32()
            testXValues = xTest.float32()
            trainYValues = yTrain.map { Float($0) }
            testYValues = yTest.map { Float($0) }
        }
        return PreparedData(
            trainX: try Tensor(rows: xTrain.rows, cols: columns, scalars: trainXValues),
            trainY: try Tensor(rows: yTrain.count, cols: 1, scalars: trainYValues),
            testX: try Tensor(rows: xTest.rows, cols: columns, scalars: testXValues),
            testY: try Tensor(rows: yTest.count, cols: 1, scalars: testYValues),
            testTargets: yTest, targetMean: targetMean, targetStd: targetStd,
            trainLabels: yTrain.map { Float($0) }, testLabels: yTest.map { Float($0) })
    }
}
