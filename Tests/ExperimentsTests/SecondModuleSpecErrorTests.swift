import Diagnostics
import Testing
@testable import Experiments

/// The second module's keys (layer-by-layer models, cross-entropy, the new datasets and metrics, threads,
/// evaluation mode): a valid tiny block for each, and each bad value refused at its key, `file:line:col`.
/// The block's YAML starts on line 10 of the lesson.
@Suite struct SecondModuleSpecErrorTests {
    static let base = [
        "id: demo",                                                                              // 10
        "kind: train",                                                                           // 11
        "data: {dataset: make-moons, random_state: 0, split: {test_size: 0.25, random_state: 0}}", // 12
        "model: {layers: [{linear: 8}, batchnorm, relu, {dropout: 0.2}, {linear: 2}]}",         // 13
        "loss: cross-entropy",                                                                   // 14
        "training: {epochs: 2, batch_size: 25}",                                                 // 15
        "runs:",                                                                                 // 16
        "  - {label: a, optimizer: {name: SGD, lr: 0.1}}",                                       // 17
    ]

    static func errors(_ replacements: [Int: String] = [:], appending extra: [String] = []) -> [String] {
        SpecParsing.errors(SpecParsing.yaml(SpecParsing.replacing(base, replacements, first: 10) + extra), at: SpecErrorTests.origin)
    }

    @Test("valid tiny blocks: every new key and dataset", arguments: [
        [Int: String](),
        [13: "model: {layers: [{linear: 8}, {batchnorm: {momentum: 0.2, eps: 0.001, affine: false}}, relu, {linear: 2}], seed: 3}"],
        [15: "training: {epochs: 2, batch_size: 25, threads: 2, evaluation_mode: train}"],
        [12: "data: {dataset: make-circles, n_samples: 100, noise: 0.1, factor: 0.5, random_state: 0, split: {test_size: 0.25, random_state: 0}}"],
        [12: "data: {dataset: make-blobs, n_samples: 100, n_features: 3, centers: 2, cluster_std: 0.5, center_box: [-5, 5], random_state: 0, split: {test_size: 0.25, random_state: 0, stratify: true}}",
         13: "model: {layers: [{linear: 2}]}"],
        [12: "data: {dataset: make-classification, n_samples: 100, n_classes: 3, n_informative: 3, random_state: 0, split: {test_size: 0.25, random_state: 0}}",
         13: "model: {layers: [20, 8, 3]}"],
        [14: "loss: bce-with-logits", 13: "model: {layers: [2, 8, 1]}"],
    ])
    func validBlock(_ replacements: [Int: String]) {
        #expect(Self.errors(replacements, appending: ["metrics: [train_loss, train_accuracy, test_accuracy]"]) == [])
    }

    @Test("bad values are refused at the key", arguments: [
        (13, "model: {layers: [{linear: 0}, relu, {linear: 2}]}",
         "lesson.md:13:27: error: linear widths must be from 1 to 100000, got 0"),
        (13, "model: {layers: [{linear: 8}, {dropout: 1.5}, {linear: 2}]}",
         "lesson.md:13:41: error: dropout probability must be from 0 up to (not including) 1, got 1.5"),
        (13, "model: {layers: [{linear: 8}, {batchnorm: {momentum: 2}}, {linear: 2}]}",
         "lesson.md:13:54: error: 'momentum' must be from 0 to 1, got 2"),
        (13, "model: {layers: [{linear: 8}, {batchnorm: {eps: 0}}, {linear: 2}]}",
         "lesson.md:13:49: error: 'eps' must be positive, got 0"),
        (13, "model: {layers: [{linear: 8}, {batchnorm: {mometum: 0.2}}, {linear: 2}]}",
         "lesson.md:13:44: error: unknown key 'mometum' in layers[2].batchnorm (did you mean 'momentum'?)"),
        (13, "model: {layers: [{linear: 8}, batchnrom, {linear: 2}]}",
         "lesson.md:13:31: error: unknown layer 'batchnrom' (did you mean 'batchnorm'?)"),
        (13, "model: {layers: [{linear: 8}, relu, 2]}",
         "lesson.md:13:37: error: layers[3]: write a width as {linear: 2} when the model lists its layers one by one"),
        (13, "model: {layers: [{linear: 8}, dropout, {linear: 2}]}",
         "lesson.md:13:31: error: layers[2]: dropout needs its probability, e.g. {dropout: 0.2}"),
        (13, "model: {layers: [{linear: 8}, relu, {linear: 2}], activation: relu}",
         "lesson.md:13:63: error: 'activation' belongs to the layers: [widths] form; list the activation as a layer (e.g. relu)"),
        (13, "model: {layers: [{linear: 8}, relu, {linear: 3}]}",
         "lesson.md:13:17: error: the last layer must have 2 outputs for cross-entropy (one per class), got 3"),
        (13, "model: {layers: [{linear: 8}, relu, {linear: 2}, relu]}",
         "lesson.md:13:17: error: the last layer must be a {linear: width} layer: its outputs are the logits"),
        (14, "loss: cross-entropy-loss",
         "lesson.md:14:7: error: unknown loss 'cross-entropy-loss' (did you mean 'cross-entropy'?)"),
        (15, "training: {epochs: 2, batch_size: 25, threads: 0}",
         "lesson.md:15:48: error: 'threads' must be from 1 to 64, got 0"),
        (15, "training: {epochs: 2, batch_size: 25, evaluation_mode: training}",
         "lesson.md:15:56: error: unknown evaluation mode 'training' (expected one of: eval, train)"),
        (15, "training: {epochs: 2, batch_size: 37}",
         "lesson.md:15:35: error: with batchnorm no training batch may hold a single row, but 75 training rows in batches of 37 leave one; choose another batch_size"),
        (12, "data: {dataset: make-moons, noise: -1, random_state: 0, split: {test_size: 0.25, random_state: 0}}",
         "lesson.md:12:36: error: 'noise' must be zero or more, got -1"),
        (12, "data: {dataset: make-circles, factor: 1, random_state: 0, split: {test_size: 0.25, random_state: 0}}",
         "lesson.md:12:39: error: 'factor' must be from 0 up to (not including) 1, got 1"),
        (12, "data: {dataset: make-moons, factor: 0.5, random_state: 0, split: {test_size: 0.25, random_state: 0}}",
         "lesson.md:12:29: error: unknown key 'factor' in data; known keys: dataset, split, normalize, n_samples, noise, random_state"),
        (12, "data: {dataset: make-blobs, centers: 2, center_box: [1, 0], random_state: 0, split: {test_size: 0.25, random_state: 0}}",
         "lesson.md:12:53: error: 'center_box' must be two numbers, low before high, such as [-10, 10]"),
        (12, "data: {dataset: make-blobs, centers: 1, random_state: 0, split: {test_size: 0.25, random_state: 0}}",
         "lesson.md:12:38: error: 'centers' must be from 2 to 1000, got 1"),
        (12, "data: {dataset: delivery-times, split: {test_size: 0.25, random_state: 0}}",
         "lesson.md:14:7: error: cross-entropy needs class labels; delivery-times is a regression dataset (use mse)"),
    ])
    func badValue(_ line: Int, _ text: String, _ message: String) {
        #expect(Self.errors([line: text]).first == message)
    }

    @Test func accuracyMetricsNeedAClassificationLoss() {
        #expect(Self.errors([12: "data: {dataset: delivery-times, n_samples: 100, split: {test_size: 0.25, random_state: 0}}",
                             13: "model: {layers: [4, 8, 1]}", 14: "loss: mse"],
                            appending: ["metrics: [train_accuracy]"])
            == ["lesson.md:18:11: error: metric 'train_accuracy' does not apply to loss mse (accuracies need bce-with-logits or cross-entropy)"])
    }

    @Test func bceNeedsTwoClasses() {
        #expect(Self.errors([12: "data: {dataset: make-blobs, centers: 3, random_state: 0, split: {test_size: 0.25, random_state: 0}}",
                             13: "model: {layers: [2, 8, 1]}", 14: "loss: bce-with-logits"])
            == ["lesson.md:14:7: error: bce-with-logits needs two classes, but make-blobs has 3; use cross-entropy"])
    }
}
