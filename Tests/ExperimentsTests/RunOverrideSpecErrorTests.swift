import Diagnostics
import Testing
@testable import Experiments

/// A run's own `model`, `batch_size` and `evaluation`: valid runs parse into overrides (and into the cache key),
/// and each bad value is refused at its key, `file:line:col`, as the block's own keys are. The block is
/// SecondModuleSpecErrorTests's (make-moons, 75 training and 25 test rows, batch norm), starting on line 10.
@Suite struct RunOverrideSpecErrorTests {
    static func errors(run: String, metrics: String? = nil) -> [String] {
        SecondModuleSpecErrorTests.errors([17: run], appending: metrics.map { [$0] } ?? [])
    }

    @Test("a run's model, batch size and evaluation are read and enter the cache key")
    func validOverrides() throws {
        var lines = SecondModuleSpecErrorTests.base
        lines += ["  - {label: b, optimizer: {name: SGD, lr: 0.1}, model: {layers: [{linear: 4}, relu, {linear: 2}], seed: 3}}",
                  "  - {label: c, optimizer: {name: SGD, lr: 0.1}, batch_size: 15}",
                  "  - {label: d, optimizer: {name: SGD, lr: 0.1}, evaluation: {mode: train, batch_size: 5}}"]
        let spec = try ExperimentSpec.parse(yaml: lines.joined(separator: "\n") + "\n", at: TinyBlocks.origin)
        guard case .train(let train) = spec.body else { Issue.record("not a train block"); return }
        #expect(train.runs[0].overrides == RunOverrides())
        #expect(train.model(for: train.runs[1]).layers == [2, 4, 2])
        #expect(train.model(for: train.runs[1]).seed == 3)
        #expect(train.batchSize(for: train.runs[2]) == 15)
        #expect(train.stepsPerEpoch(for: train.runs[2]) == 5)
        #expect(train.evaluation(for: train.runs[3]) == RunEvaluation(mode: .train, batchSize: 5))
        #expect(train.evaluation(for: train.runs[0]) == RunEvaluation(mode: .eval))
        let key = train.canonical.json
        #expect(key.contains("\"evaluation\":{\"batch_size\":5,\"mode\":\"train\"}"))
        #expect(key.contains("\"batch_size\":15,\"label\":\"c\""))
    }

    @Test("bad run overrides are refused at the key", arguments: [
        ("  - {label: a, optimizer: {name: SGD, lr: 0.1}, evaluation: {mode: train, batch_size: 3}}", nil,
         "lesson.md:17:87: error: batch norm in train mode cannot normalise a batch of one row (torch: 'Expected more "
         + "than 1 value per channel when training'), but 25 test rows in batches of 3 leave one; choose another "
         + "batch_size, or evaluate in eval mode"),
        ("  - {label: a, optimizer: {name: SGD, lr: 0.1}, evaluation: {mode: train, batch_size: 1}}", "metrics: [train_loss]",
         "lesson.md:17:87: error: batch norm in train mode cannot normalise a batch of one row (torch: 'Expected more "
         + "than 1 value per channel when training'), but 75 training rows in batches of 1 leave one; choose another "
         + "batch_size, or evaluate in eval mode"),
        ("  - {label: a, optimizer: {name: SGD, lr: 0.1}, batch_size: 2}", nil,
         "lesson.md:17:61: error: with batchnorm no training batch may hold a single row, but 75 training rows in "
         + "batches of 2 leave one; choose another batch_size"),
        ("  - {label: a, optimizer: {name: SGD, lr: 0.1}, batch_size: 0}", nil,
         "lesson.md:17:61: error: 'batch_size' must be at least 1, got 0"),
        ("  - {label: a, optimizer: {name: SGD, lr: 0.1}, model: {layers: [{linear: 8}, relu, {linear: 3}]}}", nil,
         "lesson.md:17:65: error: the last layer must have 2 outputs for cross-entropy (one per class), got 3"),
        ("  - {label: a, optimizer: {name: SGD, lr: 0.1}, evaluation: {mode: trian}}", nil,
         "lesson.md:17:68: error: unknown evaluation mode 'trian' (did you mean 'train'?)"),
        ("  - {label: a, optimizer: {name: SGD, lr: 0.1}, evaluation: {mode: eval, batch: 4}}", nil,
         "lesson.md:17:74: error: unknown key 'batch' in runs[1].evaluation; known keys: mode, batch_size"),
    ] as [(String, String?, String)])
    func badOverride(_ run: String, _ metrics: String?, _ message: String) {
        #expect(Self.errors(run: run, metrics: metrics) == [message])
    }

    @Test("evaluating in eval mode, or in batches that leave no single row, is accepted with batch norm")
    func acceptedEvaluations() {
        #expect(Self.errors(run: "  - {label: a, optimizer: {name: SGD, lr: 0.1}, evaluation: {mode: eval, batch_size: 1}}") == [])
        #expect(Self.errors(run: "  - {label: a, optimizer: {name: SGD, lr: 0.1}, evaluation: {mode: train, batch_size: 5}}") == [])
    }
}
