// The lesson's `classification` experiment (content/optimisers/optimisers.md) on the numeric core alone,
// for callgrind: make-classification data, stratified split, StandardScaler, a [20, 128, 64, 1] MLP and
// the three runs (SGD + momentum with cosine annealing, Adam, AdamW with cosine annealing), one after
// another on one thread. Usage: profile-classification [epochs] (default 200). Prints a checksum of every
// run's final parameters so two builds can be compared bit for bit.
import Foundation
import NumericCore

let epochs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 200 : 200
let data = try makeClassification(nSamples: 3000, nFeatures: 20, nInformative: 10, nRedundant: 5, randomState: 42)
let split = try trainTestSplit(count: 3000, testSize: 0.2, randomState: 42, stratify: data.labels)
let xTrain = try data.features.selectingRows(split.train), xTest = try data.features.selectingRows(split.test)
let scaler = try StandardScaler(fitting: xTrain)
let trainX = try Tensor(rows: xTrain.rows, cols: 20, scalars: try scaler.transform(xTrain).float32())
let testX = try Tensor(rows: xTest.rows, cols: 20, scalars: try scaler.transform(xTest).float32())
let trainY = Tensor(column: split.train.map { Float(data.labels[$0]) })
let testY = Tensor(column: split.test.map { Float(data.labels[$0]) })

let runs: [(String, () throws -> any Optimizer, Bool)] = [
    ("SGD + momentum", { try SGD(lr: 0.01, momentum: 0.9, weightDecay: 1e-4) }, true),
    ("Adam", { try Adam(lr: 1e-3) }, false),
    ("AdamW", { try AdamW(lr: 1e-3, weightDecay: 0.01) }, true),
]
for (label, makeOptimizer, cosine) in runs {
    let start = clock()
    var generator = TorchGenerator(seed: 42)
    let layers = try generator.mlpInit(layerSizes: [20, 128, 64, 1])
    let model = try MLP(sizes: [20, 128, 64, 1], parameters: layers.flatMap { [$0.weight, $0.bias] })
    let batches = try ShuffledBatches(count: trainX.rows, batchSize: 64, shuffle: true)
    let optimizer = try makeOptimizer()
    let schedule: Schedule = cosine ? .perEpoch(try CosineAnnealingLR(baseLR: optimizer.lr, tMax: epochs)) : .none
    var trainer = Trainer(model: model, optimizer: optimizer, loss: .bceWithLogits, schedule: schedule, batchSize: 64)
    var best: Float = 0
    _ = try trainer.fit(trainX: trainX, trainY: trainY, test: (testX, testY), epochs: epochs,
                        evaluation: .init(testPredictions: true),
                        order: { _ in batches.epochOrder(using: &generator) },
                        onEpoch: { record, _ in
                            if let p = record.testPredictions?.scalars {
                                best = max(best, (try? binaryAccuracy(logits: p, labels: testY.scalars)) ?? 0)
                            }
                        })
    var hash: UInt64 = 0xcbf29ce484222325
    for p in trainer.model.parameters { hash = (hash ^ UInt64(p.bitPattern)) &* 0x100000001b3 }
    let cpu = Double(clock() - start) / Double(CLOCKS_PER_SEC)
    print("\(label): best accuracy \(best), parameters fnv1a \(String(hash, radix: 16)), \(String(format: "%.2f", cpu)) s CPU")
}
