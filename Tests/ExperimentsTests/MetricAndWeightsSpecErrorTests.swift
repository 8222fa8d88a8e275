import Diagnostics
import Testing
@testable import Experiments

/// The new metrics (gen_gap, accuracy_gap, grad_norm, grad_norm_K, weight_norm_K) and make-classification's
/// `weights`: valid blocks parse, bad values are refused at the item or key, `file:line:col`. The block's YAML starts
/// on line 10 of the lesson (SecondModuleSpecErrorTests' base block, whose model has two Linear layers).
@Suite struct MetricAndWeightsSpecErrorTests {
    static let classification = "data: {dataset: make-classification, n_samples: 100, n_classes: 3, n_informative: 3, random_state: 0, split: {test_size: 0.25, random_state: 0}}"

    @Test("valid blocks", arguments: [
        ([Int: String](), "metrics: [train_loss, gen_gap, accuracy_gap, grad_norm, grad_norm_1, grad_norm_2, weight_norm_2]"),
        ([12: classification, 13: "model: {layers: [20, 8, 3]}"], "metrics: [test_accuracy, grad_norm_2]"),
        ([12: "data: {dataset: make-classification, n_samples: 100, n_classes: 3, n_informative: 3, weights: [0.7, 0.2], random_state: 0, split: {test_size: 0.25, random_state: 0, stratify: true}}",
          13: "model: {layers: [20, 8, 3]}"], "metrics: [train_loss]"),
    ])
    func valid(_ replacements: [Int: String], _ metrics: String) {
        #expect(SecondModuleSpecErrorTests.errors(replacements, appending: [metrics]) == [])
    }

    @Test("bad values are refused at the key", arguments: [
        ([Int: String](), "metrics: [grad_norm_3]",
         "lesson.md:18:11: error: metric 'grad_norm_3' names Linear layer 3, but the model has 2"),
        ([Int: String](), "metrics: [weight_norm_1, weight_norm_1]",
         "lesson.md:18:26: error: metric 'weight_norm_1' is listed twice"),
        ([17: "  - {label: a, optimizer: {name: SGD, lr: 0.1}, model: {layers: [{linear: 2}]}}"], "metrics: [grad_norm_2]",
         "lesson.md:17:56: error: metric 'grad_norm_2' names Linear layer 2, but this run's model has 1"),
        ([Int: String](), "metrics: [grad_norm_0]",
         "lesson.md:18:11: error: unknown metric 'grad_norm_0' (did you mean 'grad_norm'?)"),
        ([Int: String](), "metrics: [gen_gpa]",
         "lesson.md:18:11: error: unknown metric 'gen_gpa' (did you mean 'gen_gap'?)"),
        ([12: "data: {dataset: delivery-times, n_samples: 100, split: {test_size: 0.25, random_state: 0}}",
          13: "model: {layers: [4, 8, 1]}", 14: "loss: mse"], "metrics: [accuracy_gap]",
         "lesson.md:18:11: error: metric 'accuracy_gap' does not apply to loss mse (accuracies need bce-with-logits or cross-entropy)"),
        ([12: "data: {dataset: make-classification, n_classes: 3, n_informative: 3, weights: [0.5, 0.2, 0.2, 0.1], random_state: 0, split: {test_size: 0.25, random_state: 0}}",
          13: "model: {layers: [20, 8, 3]}"], "metrics: [train_loss]",
         "lesson.md:12:79: error: 'weights' needs n_classes (3) or n_classes − 1 proportions, got 4"),
        ([12: "data: {dataset: make-classification, n_classes: 3, n_informative: 3, weights: [0.8, 0.5], random_state: 0, split: {test_size: 0.25, random_state: 0}}",
          13: "model: {layers: [20, 8, 3]}"], "metrics: [train_loss]",
         "lesson.md:12:79: error: 'weights' must be proportions from 0 to 1 whose sum is at most 1, such as [0.7, 0.2, 0.1]"),
    ])
    func badValue(_ replacements: [Int: String], _ metrics: String, _ message: String) {
        #expect(SecondModuleSpecErrorTests.errors(replacements, appending: [metrics]) == [message])
    }
}
