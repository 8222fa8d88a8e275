import Diagnostics
import Testing
@testable import Experiments

/// `split: {test_size, validation_size, …}`, the validation metrics and `ReduceLROnPlateau` watching them: every
/// bad value refused at its key, in compiler form, with one message per mistake (SpecErrorTests' block and lines).
@Suite struct ValidationSpecErrorTests {
    static func errors(_ replacements: [Int: String] = [:], appending extra: [String] = []) -> [String] {
        SpecErrorTests.errors(SpecErrorTests.yaml(replacements, appending: extra))
    }

    /// The three part sizes as a list (train, validation, test), comparable in `#expect`.
    static func counts(_ parts: (train: Int, validation: Int, test: Int)) -> [Int] { [parts.train, parts.validation, parts.test] }

    static let split = "  split: {test_size: 0.2, validation_size: 0.2, random_state: 42}"

    @Test func aValidationSplitWithItsMetricsAndAPlateauOnThemIsValid() throws {
        #expect(Self.errors([5: Self.split], appending: [
            "    scheduler: {name: ReduceLROnPlateau, monitor: val_loss}", "metrics: [val_loss, test_mae]",
        ]) == [])
        let spec = try ExperimentSpec.parse(yaml: SpecErrorTests.yaml([5: Self.split]), at: SpecErrorTests.origin)
        guard case .train(let train) = spec.body else { Issue.record("not a train block"); return }
        #expect(Self.counts(train.data.partCounts) == [1200, 400, 400])
        #expect(train.stepsPerEpoch == 38)
        // Without a metrics list the validation loss is recorded too.
        #expect(train.metrics.map(\.rawValue) == ["train_loss", "test_loss", "test_mae", "weight_norm", "lr", "val_loss"])
    }

    @Test(arguments: [
        ("  split: {test_size: 0.2, validation_size: 0, random_state: 42}",
         "lesson.md:14:44: error: 'validation_size' must be between 0 and 1 (exclusive), got 0"),
        ("  split: {test_size: 0.2, validation_size: -0.1, random_state: 42}",
         "lesson.md:14:44: error: 'validation_size' must be between 0 and 1 (exclusive), got -0.1"),
        ("  split: {test_size: 0.2, validation_size: .nan, random_state: 42}",
         "lesson.md:14:44: error: 'validation_size' must be a number, not '.nan'"),
        ("  split: {test_size: 0.5, validation_size: 0.5, random_state: 42}",
         "lesson.md:14:44: error: test_size (0.5) + validation_size (0.5) must be below 1, or nothing is left to train on; e.g. test_size: 0.2, validation_size: 0.2"),
        ("  split: {test_size: 0.3, validation_size: 0.9, random_state: 42}",
         "lesson.md:14:44: error: test_size (0.3) + validation_size (0.9) must be below 1, or nothing is left to train on; e.g. test_size: 0.2, validation_size: 0.2"),
        ("  split: {test_size: 0.2, validation_sise: 0.2, random_state: 42}",
         "lesson.md:14:27: error: unknown key 'validation_sise' in data.split (did you mean 'validation_size'?)"),
    ]) func badValidationSizesAreRefusedAtTheKey(_ line: String, _ message: String) {
        #expect(Self.errors([5: line]) == [message])
    }

    /// A bad test_size is one mistake: the sum with validation_size is not reported as well.
    @Test func aBadTestSizeIsOneError() {
        #expect(Self.errors([5: "  split: {test_size: 1.5, validation_size: 0.8, random_state: 42}"])
            == ["lesson.md:14:22: error: 'test_size' must be between 0 and 1 (exclusive), got 1.5"])
    }

    @Test func aSplitLeavingNoTrainingRowIsRefused() {
        #expect(Self.errors([4: "  dataset: delivery-times\n  n_samples: 10",
                             5: "  split: {test_size: 0.45, validation_size: 0.5, random_state: 42}"])
            == ["lesson.md:13:3: error: the split leaves 0 training rows of 10"])
    }

    @Test func validationMetricsNeedAValidationSplit() {
        #expect(Self.errors(appending: ["metrics: [train_loss, val_loss]"])
            == ["lesson.md:22:23: error: 'val_loss' needs a validation part: add validation_size to data.split (e.g. split: {test_size: 0.2, validation_size: 0.2, random_state: 42})"])
        // Forgiven afterwards: a check naming it says nothing more.
        #expect(Self.errors(appending: ["metrics: [train_loss, val_loss]", "checks: [\"val_loss < 1\"]"]).count == 1)
    }

    @Test func valAccuracyNeedsClassification() {
        #expect(Self.errors([5: Self.split], appending: ["metrics: [val_accuracy]"])
            == ["lesson.md:22:11: error: metric 'val_accuracy' does not apply to loss mse (accuracies need bce-with-logits or cross-entropy)"])
    }

    @Test func plateauOnValidationNeedsAValidationSplit() {
        #expect(Self.errors(appending: ["    scheduler: {name: ReduceLROnPlateau, monitor: val_loss}"])
            == ["lesson.md:22:51: error: 'val_loss' needs a validation part: add validation_size to data.split (e.g. split: {test_size: 0.2, validation_size: 0.2, random_state: 42})"])
    }

    @Test func anUnknownMonitorSuggestsTheValidationLoss() {
        #expect(Self.errors([5: Self.split], appending: ["    scheduler: {name: ReduceLROnPlateau, monitor: vall_loss}"])
            == ["lesson.md:22:51: error: unknown metric 'vall_loss' (did you mean 'val_loss'?)"])
        #expect(Self.errors([5: Self.split], appending: ["    scheduler: {name: ReduceLROnPlateau, monitor: test_mae}"])
            == ["lesson.md:22:51: error: ReduceLROnPlateau cannot monitor 'test_mae' here; use one of: train_loss, test_loss, val_loss"])
    }
}
