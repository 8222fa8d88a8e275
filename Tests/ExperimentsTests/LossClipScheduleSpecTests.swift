import Diagnostics
import Testing
@testable import NumericCore
@testable import Experiments

/// The loss options (`huber`'s delta, `smooth-l1`'s beta, `cross-entropy`'s label_smoothing), `training.clip_grad`
/// and the schedulers CosineAnnealingWarmRestarts and SequentialLR: valid blocks parse to what they say, and each bad
/// value is refused at its key, `file:line:col`. The block's YAML starts on line 10 of the lesson.
@Suite struct LossClipScheduleSpecTests {
    static let base = [
        "id: demo",                                                                                           // 10
        "kind: train",                                                                                        // 11
        "data: {dataset: delivery-times, n_samples: 100, split: {test_size: 0.25, random_state: 0}}",         // 12
        "model: {layers: [4, 8, 1]}",                                                                         // 13
        "loss: mse",                                                                                          // 14
        "training: {epochs: 2, batch_size: 25}",                                                              // 15
        "runs:",                                                                                              // 16
        "  - {label: a, optimizer: {name: SGD, lr: 0.1}}",                                                    // 17
    ]

    static func parse(_ replacements: [Int: String]) -> (TrainSpec?, [String]) {
        SpecParsing.train(SpecParsing.yaml(SpecParsing.replacing(base, replacements, first: 10)), at: SpecErrorTests.origin)
    }

    @Test("loss options parse with torch's defaults")
    func lossOptions() throws {
        let huber = try #require(Self.parse([14: "loss: {name: huber, delta: 0.5}"]).0)
        #expect(huber.loss == .huber && huber.lossOptions.delta == 0.5)
        let smooth = try #require(Self.parse([14: "loss: smooth-l1"]).0)
        #expect(smooth.loss == .smoothL1 && smooth.lossOptions.beta == 1)
        let l1 = try #require(Self.parse([14: "loss: l1"]).0)
        #expect(l1.loss == .l1 && l1.metrics.contains(.testMAE))
        let ce = try #require(Self.parse([12: "data: {dataset: make-moons, random_state: 0, split: {test_size: 0.25, random_state: 0}}",
                                          13: "model: {layers: [2, 8, 2]}",
                                          14: "loss: {name: cross-entropy, label_smoothing: 0.2}"]).0)
        #expect(ce.loss == .crossEntropy && ce.lossOptions.labelSmoothing == 0.2)
    }

    @Test("clip_grad and the new schedulers parse")
    func clippingAndSchedulers() throws {
        let norm = try #require(Self.parse([15: "training: {epochs: 2, batch_size: 25, clip_grad: {max_norm: 1.0}}"]).0)
        #expect(norm.training.clipGrad == .norm(maxNorm: 1))
        let value = try #require(Self.parse([15: "training: {epochs: 2, batch_size: 25, clip_grad: {value: 0.5}}"]).0)
        #expect(value.training.clipGrad == .value(0.5))
        let l1 = try #require(Self.parse([15: "training: {epochs: 2, batch_size: 25, clip_grad: {max_norm: 1.0, norm_type: 1}}"]).0)
        #expect(l1.training.clipGrad == .norm(maxNorm: 1, normType: 1))
        let inf = try #require(Self.parse([15: "training: {epochs: 2, batch_size: 25, clip_grad: {max_norm: 0.5, norm_type: inf}}"]).0)
        #expect(inf.training.clipGrad == .norm(maxNorm: 0.5, normType: .infinity))
        #expect(inf.canonical.json.contains(#""clip_grad":{"max_norm":0.5,"norm_type":"inf"}"#))
        let two = try #require(Self.parse([15: "training: {epochs: 2, batch_size: 25, clip_grad: {max_norm: 1.0, norm_type: 2}}"]).0)
        #expect(two.canonical == norm.canonical, "norm_type 2 is the default: the same cache key")
        let sequential = try #require(Self.parse([17: "  - {label: a, optimizer: {name: SGD, lr: 0.1}, scheduler: {name: SequentialLR, schedulers: [{name: LinearLR, start_factor: 0.1, total_iters: 1}, {name: CosineAnnealingWarmRestarts, T_0: 3, T_mult: 2}], milestones: [1]}}"]).0)
        #expect(sequential.runs.first?.scheduler?.kind == .sequentialLR(
            schedulers: [.linearLR(startFactor: 0.1, endFactor: 1, totalIters: 1),
                         .cosineAnnealingWarmRestarts(t0: 3, tMult: 2, etaMin: 0)], milestones: [1]))
    }

    @Test("a block without the new keys keeps its cache key")
    func cacheKeyUnchanged() throws {
        let plain = try #require(Self.parse([:]).0)
        let text = plain.canonical.json
        #expect(!text.contains("clip_grad") && !text.contains("loss_options"))
    }

    @Test("bad values are refused at the key", arguments: [
        (14, "loss: {name: huber, delta: -1}", 
         "lesson.md:14:28: error: 'delta' must be positive, got -1"),
        (14, "loss: {name: smooth-l1, delta: 0.5}", 
         "lesson.md:14:25: error: unknown key 'delta' in loss (did you mean 'beta'?)"),
        (14, "loss: {delta: 0.5}", 
         "lesson.md:14:7: error: missing required key 'name' in loss (one of mse, bce-with-logits, cross-entropy, l1, huber, smooth-l1)"),
        (14, "loss: l2", 
         "lesson.md:14:7: error: unknown loss 'l2' (did you mean 'l1'?)"),
        (15, "training: {epochs: 2, batch_size: 25, clip_grad: {}}", 
         "lesson.md:15:50: error: clip_grad needs max_norm (clip_grad_norm_) or value (clip_grad_value_), such as {max_norm: 1.0}"),
        (15, "training: {epochs: 2, batch_size: 25, clip_grad: {max_norm: 0}}", 
         "lesson.md:15:61: error: 'max_norm' must be positive, got 0"),
        (15, "training: {epochs: 2, batch_size: 25, clip_grad: {max_norm: 1.0, norm_type: 0}}",
         "lesson.md:15:77: error: 'norm_type' must be a number above 0 (1 for the sum of magnitudes, 2 for L2) or inf, such as norm_type: 1, got 0"),
        (15, "training: {epochs: 2, batch_size: 25, clip_grad: {max_norm: 1.0, norm_type: -inf}}",
         "lesson.md:15:77: error: 'norm_type' must be a number above 0 (1 for the sum of magnitudes, 2 for L2) or inf, such as norm_type: 1, got -inf"),
        (15, "training: {epochs: 2, batch_size: 25, clip_grad: {max_norm: 1.0, norm_type: l2}}",
         "lesson.md:15:77: error: 'norm_type' must be a number, not 'l2'"),
        (15, "training: {epochs: 2, batch_size: 25, clip_grad: {max_norm: 1.0, norm_type: 1e39}}",
         "lesson.md:15:77: error: 'norm_type' is 1e+39, beyond float32's range (torch computes with f32(p)); write inf for the largest magnitude"),
        (15, "training: {epochs: 2, batch_size: 25, clip_grad: {value: 0.5, norm_type: 1}}",
         "lesson.md:15:74: error: norm_type belongs to clipping by norm ({max_norm: M, norm_type: p}); clipping by value has none"),
        (15, "training: {epochs: 2, batch_size: 25, clip_grad: 1.0}", 
         "lesson.md:15:50: error: clip_grad must be a mapping of keys to values, not '1.0'"),
        (17, "  - {label: a, optimizer: {name: SGD, lr: 0.1}, scheduler: {name: SequentialLR, schedulers: [{name: StepLR, step_size: 2}, {name: ExponentialLR, gamma: 0.9}], milestones: [3, 2]}}", 
         "lesson.md:17:172: error: SequentialLR takes one milestone fewer than schedulers: 2 schedulers need 1, got 2"),
        (17, "  - {label: a, optimizer: {name: SGD, lr: 0.1}, scheduler: {name: SequentialLR, schedulers: [{name: StepLR, step_size: 2}, {name: OneCycleLR, max_lr: 0.1, total_steps: 10}], milestones: [3]}}", 
         "lesson.md:17:131: error: OneCycleLR cannot be one of SequentialLR's schedulers; use StepLR, CosineAnnealingLR, CosineAnnealingWarmRestarts, ExponentialLR, MultiStepLR, ConstantLR, LinearLR, LambdaLR, WarmupCosine"),
        (17, "  - {label: a, optimizer: {name: SGD, lr: 0.1}, scheduler: {name: SequentialLR, schedulers: [{name: StepLR, step_size: 2}, {name: LinearLR, total_iters: 0}], milestones: [3]}}", 
         "lesson.md:17:154: error: a LinearLR after a milestone needs total_iters of 1 or more: SequentialLR restarts it with its closed form, which divides by total_iters"),
        (17, "  - {label: a, optimizer: {name: SGD, lr: 0.1}, scheduler: {name: SequentialLR, schedulers: [], milestones: []}}", 
         "lesson.md:17:93: error: SequentialLR needs at least one scheduler in 'schedulers'"),
        (17, "  - {label: a, optimizer: {name: SGD, lr: 0.1}, scheduler: {name: CosineAnnealingWarmRestarts, T_0: 0}}", 
         "lesson.md:17:101: error: 'T_0' must be from 1 to 100000000000, got 0"),
        (17, "  - {label: a, optimizer: {name: SGD, lr: 0.1}, scheduler: {name: CosineAnnealingWarmRestart, T_0: 5}}", 
         "lesson.md:17:67: error: unknown scheduler 'CosineAnnealingWarmRestart' (did you mean 'CosineAnnealingWarmRestarts'?)"),
    ])
    func refused(_ line: Int, _ text: String, _ message: String) {
        #expect(Self.parse([line: text]).1 == [message])
    }
}

/// A `kind: schedule` block with SequentialLR and CosineAnnealingWarmRestarts gives, at every listed step, the lr of
/// the core's schedulers built directly (which RestartSchedulerTests holds bitwise to torch): step s is the lr after
/// s − 1 scheduler steps.
@Suite struct RestartScheduleBlockTests {
    @Test func scheduleBlockFollowsTheCore() throws {
        let yaml = """
            id: restarts
            kind: schedule
            steps: {from: 1, to: 40}
            schedulers:
              - {label: warm, name: CosineAnnealingWarmRestarts, T_0: 5, T_mult: 2, eta_min: 1.0e-4, base_lr: 0.05}
              - label: sequence
                name: SequentialLR
                base_lr: 0.1
                schedulers:
                  - {name: LinearLR, start_factor: 0.1, total_iters: 5}
                  - {name: CosineAnnealingLR, T_max: 20, eta_min: 1.0e-3}
                milestones: [5]

            """
        let spec = try ExperimentSpec.parse(yaml: yaml, at: TinyBlocks.origin)
        let result = try #require(try ExperimentRunner(cache: nil, useCache: false).run([spec])["restarts"])
        var warm: any LRScheduler = try CosineAnnealingWarmRestarts(baseLR: 0.05, t0: 5, tMult: 2, etaMin: 1e-4)
        var sequence: any LRScheduler = try SequentialLR(
            schedulers: [try LinearLR(baseLR: 0.1, startFactor: 0.1, totalIters: 5),
                         try CosineAnnealingLR(baseLR: 0.1, tMax: 20, etaMin: 1e-3)], milestones: [5])
        var expected: [String: [Double]] = ["warm": [], "sequence": []]
        for _ in 1...40 {
            expected["warm"]?.append(warm.lr)
            expected["sequence"]?.append(sequence.lr)
            try warm.step()
            try sequence.step()
        }
        for (label, lrs) in expected {
            let ours = try #require(result.run(label)?.scalars("lr"))
            #expect(ours.map(\.bitPattern) == lrs.map(\.bitPattern), "\(label)")
        }
    }
}
