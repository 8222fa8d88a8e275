import Diagnostics
import Testing
@testable import Experiments
import TestSupport

/// Every diagnostic as the author sees it. The block's YAML starts on line 10 of the lesson, so YAML
/// line n is markdown line 9 + n.
@Suite struct SpecErrorTests {
    static let origin = SourceLocation(file: "lesson.md", line: 10, column: 1)

    /// A valid train block; tests replace one line at a time.
    static let base = [
        "id: demo",                                              // 10
        "kind: train",                                           // 11
        "data:",                                                 // 12
        "  dataset: delivery-times",                             // 13
        "  split: {test_size: 0.2, random_state: 42}",           // 14
        "  normalize: mean-std",                                 // 15
        "model: {layers: [4, 8, 1]}",                            // 16
        "loss: mse",                                             // 17
        "training: {epochs: 5, batch_size: 32}",                 // 18
        "runs:",                                                 // 19
        "  - label: a",                                          // 20
        "    optimizer: {name: AdamW, lr: 1e-3}",                // 21
    ]

    /// The block with `replacements` (YAML line number → new text; "" removes nothing, appended lines go last).
    static func yaml(_ replacements: [Int: String] = [:], appending extra: [String] = []) -> String {
        SpecParsing.yaml(SpecParsing.replacing(base, replacements, first: 1) + extra)
    }

    static func errors(_ yaml: String) -> [String] {
        SpecParsing.errors(yaml, at: origin)
    }

    @Test func baseBlockIsValid() {
        #expect(Self.errors(Self.yaml()) == [])
    }

    @Test func unknownOptimiserSuggestsTheTorchSpelling() {
        #expect(Self.errors(Self.yaml([12: "    optimizer: {name: Adamw, lr: 1e-3}"]))
            == ["lesson.md:21:23: error: unknown optimiser 'Adamw' (did you mean 'AdamW'?)"])
    }

    @Test func unknownKeyAndTheMissingOneAreBothReported() {
        #expect(Self.errors(Self.yaml([9: "training: {epoch: 5, batch_size: 32}"])) == [
            "lesson.md:18:11: error: missing required key 'epochs' in training",
            "lesson.md:18:12: error: unknown key 'epoch' in training (did you mean 'epochs'?)",
        ])
    }

    @Test(arguments: [
        (12, "    optimizer: {name: SGD, lr: -0.1}", "lesson.md:21:32: error: 'lr' must be positive, got -0.1"),
        (12, "    optimizer: {name: SGD}",
         "lesson.md:21:16: error: missing required key 'lr' in runs[1].optimizer (SGD has no default learning rate)"),
        (12, "    optimizer: {name: SGD, lr: 0.1, nesterov: true}",
         "lesson.md:21:47: error: nesterov needs momentum > 0 and dampening 0"),
        (12, "    optimizer: {name: Adam, betas: [0.9, 1.5]}",
         "lesson.md:21:36: error: 'betas' must be two numbers in [0, 1), such as [0.9, 0.999]"),
        (12, "    optimizer: {name: AdamW, lr: 1e-3, momentum: 0.9}",
         "lesson.md:21:40: error: unknown key 'momentum' in runs[1].optimizer; known keys: name, lr, betas, eps, weight_decay, amsgrad"),
        (9, "training: {epochs: 0, batch_size: 32}", "lesson.md:18:20: error: 'epochs' must be from 1 to 100000, got 0"),
        (9, "training: {epochs: 1000000000, batch_size: 32}",
         "lesson.md:18:20: error: 'epochs' must be from 1 to 100000, got 1000000000"),
        (9, "training: {epochs: 5, batch_size: many}", "lesson.md:18:35: error: 'batch_size' must be a whole number, not 'many'"),
        (9, "training: {epochs: 2.5, batch_size: 32}", "lesson.md:18:20: error: 'epochs' must be a whole number, not '2.5'"),
        (9, "training: {epochs: '5', batch_size: 32}", "lesson.md:18:20: error: 'epochs' must be a whole number, not the quoted text '5'"),
        (9, "training: {epochs: 5, batch_size: 32, shuffle: yes}", "lesson.md:18:48: error: 'shuffle' must be true or false, not 'yes'"),
        (5, "  split: {test_size: 1.5, random_state: 42}",
         "lesson.md:14:22: error: 'test_size' must be between 0 and 1 (exclusive), got 1.5"),
        (5, "  split: {test_size: 0.2}", "lesson.md:14:10: error: missing required key 'random_state' in data.split"),
        (5, "  split: {test_size: 0.2, random_state: 42, stratify: true}",
         "lesson.md:14:55: error: stratify needs class labels; delivery-times is a regression dataset"),
        (4, "  dataset: delivery-time",
         "lesson.md:13:12: error: unknown dataset 'delivery-time' (did you mean 'delivery-times'?)"),
        (6, "  normalize: minmax",
         "lesson.md:15:14: error: unknown normalisation 'minmax' (expected one of: mean-std, standard-scaler, none)"),
        (7, "model: {layers: [5, 8, 1]}", "lesson.md:16:17: error: the first layer takes 5 inputs but delivery-times has 4 features"),
        (7, "model: {layers: [4, 8, 2]}", "lesson.md:16:17: error: the last layer must have 1 output for mse, got 2"),
        (7, "model: {layers: [4, 8, 1], activation: relu6}",
         "lesson.md:16:40: error: unknown activation 'relu6' (did you mean 'relu'?)"),
        (8, "loss: bce-with-logits",
         "lesson.md:17:7: error: bce-with-logits needs class labels; delivery-times is a regression dataset (use mse)"),
        (8, "loss: mae", "lesson.md:17:7: error: unknown loss 'mae' (did you mean 'mse'?)"),
        (1, "id: Demo Block",
         "lesson.md:10:5: error: id 'Demo Block' must be a slug: lowercase letters and digits joined by single hyphens, such as sgd-variants"),
        (2, "kind: tarin", "lesson.md:11:7: error: unknown kind 'tarin' (did you mean 'train'?)"),
    ])
    func oneBadValue(line: Int, text: String, expected: String) {
        #expect(Self.errors(Self.yaml([line: text])) == [expected])
    }

    @Test func missingKindAndTopLevelTypos() {
        #expect(Self.errors("id: demo\n") == ["lesson.md:10:1: error: missing required key 'kind' (train, trace, schedule or landscape)"])
        #expect(Self.errors(Self.yaml(appending: ["captoin: hello"]))
            == ["lesson.md:22:1: error: unknown key 'captoin' in the experiment (did you mean 'caption'?)"])
        #expect(Self.errors("") == ["lesson.md:10:1: error: the experiment block is empty"])
        #expect(Self.errors("- a\n- b\n")
            == ["lesson.md:10:1: error: an experiment block must be a YAML mapping starting with 'id:' and 'kind:'"])
    }

    @Test func yamlSyntaxAndDuplicateKeys() {
        let broken = Self.errors(Self.yaml([9: "training: {epochs: 5, batch_size: 32"]))
        #expect(broken == ["lesson.md:19:5: error: YAML syntax error: did not find expected ',' or '}' "
            + "(while parsing a flow mapping that starts at lesson.md:18:11)"])
        #expect(Self.errors(Self.yaml(appending: ["loss: mse"])) == ["lesson.md:17:1: error: duplicate key 'loss': each key may appear once in a mapping"])
    }

    @Test func runsAndMetrics() {
        #expect(Self.errors(Self.yaml(appending: ["  - label: a", "    optimizer: {name: SGD, lr: 0.1}"]))
            == ["lesson.md:22:12: error: duplicate run label 'a'; labels must be unique in a block"])
        #expect(Self.errors(Self.yaml(appending: ["metrics: [train_los, accuracy, lr, lr]"])) == [
            "lesson.md:22:11: error: unknown metric 'train_los' (did you mean 'train_loss'?)",
            "lesson.md:22:22: error: metric 'accuracy' does not apply to loss mse (accuracies need bce-with-logits or cross-entropy)",
            "lesson.md:22:36: error: metric 'lr' is listed twice",
        ])
        #expect(Self.errors(Self.yaml([11: "  - labl: a"])) == [
            "lesson.md:20:5: error: unknown key 'labl' in runs[1] (did you mean 'label'?)",
            "lesson.md:20:5: error: missing required key 'label' in runs[1]",
        ])
    }

    @Test func schedulers() {
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: CosineAnnealing, T_max: 5}"]))
            == ["lesson.md:22:23: error: unknown scheduler 'CosineAnnealing' (did you mean 'CosineAnnealingLR'?)"])
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: ReduceLROnPlateau, patience: 3}"]))
            == ["lesson.md:22:16: error: missing required key 'monitor' in runs[1].scheduler (the metric to watch, e.g. test_loss)"])
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: ReduceLROnPlateau, monitor: lr}"]))
            == ["lesson.md:22:51: error: ReduceLROnPlateau cannot monitor 'lr' here; use one of: train_loss, test_loss"])
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: StepLR, step_size: 2, Gamma: 0.5}"]))
            == ["lesson.md:22:45: error: unknown key 'Gamma' in runs[1].scheduler (did you mean 'gamma'?)"])
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: LambdaLR, lr_lambda: \"stp / 10\"}"]))
            == ["lesson.md:22:45: error: unknown name 'stp' in 'lr_lambda' (did you mean 'step'?)"])
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: LambdaLR, lr_lambda: \"step / \"}"]))
            == ["lesson.md:22:52: error: in 'lr_lambda': expected a value but found the end of the expression"])
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: WarmupCosine, warmup_steps: 250}"]))
            == ["lesson.md:22:51: error: warmup (250 steps) must be shorter than total_steps (250)"])
    }

    @Test func computeBudget() throws {
        let huge = try Self.yaml([4: "  dataset: delivery-times", 9: "training: {epochs: 100000, batch_size: 32}"],
                             appending: ["data2: x"]).replacingOnce("data2: x\n", with: "")
            .replacingOnce("  dataset: delivery-times\n", with: "  dataset: delivery-times\n  n_samples: 1000000\n")
        #expect(Self.errors(huge) == [
            "lesson.md:10:1: error: this experiment is too large to run at build time: runs × epochs × samples × "
                + "parameters = 4.9e+12, over the budget of 2.0e+11; reduce epochs, samples, layer widths or runs",
        ])
    }

    @Test func outputsAndChecks() {
        #expect(Self.errors(Self.yaml(appending: ["checks: [\"['b'].train_loss < 1\"]"]))
            == ["lesson.md:22:11: error: unknown run 'b' in 'check' (did you mean 'a'?)"])
        #expect(Self.errors(Self.yaml(appending: ["checks: [\"['a'].train_loss <\"]"]))
            == ["lesson.md:22:29: error: in 'check': expected a value but found the end of the expression"])
        #expect(Self.errors(Self.yaml(appending: ["checks: [\"['a'].train_los < 1\"]"]))
            == ["lesson.md:22:11: error: unknown name 'train_los' in 'check' (did you mean 'train_loss'?)"])
        // Other blocks are the runner's to check.
        #expect(Self.errors(Self.yaml(appending: ["checks: [\"other['x'].y < demo['a'].lr\"]"])) == [])
        #expect(Self.errors(Self.yaml(appending: ["table:", "  columns:", "    - {header: MAE, value: test_mea, format: .4q}"])) == [
            "lesson.md:24:28: error: unknown name 'test_mea' in 'value' (did you mean 'test_mae'?)",
            "lesson.md:24:46: error: bad number format '.4q': unknown type 'q' (use f, e, g, %, or d)",
        ])
        #expect(Self.errors(Self.yaml(appending: ["table: {rows: steps, columns: []}"]))
            == ["lesson.md:22:15: error: a train table has rows: runs or epochs"])
        #expect(Self.errors(Self.yaml(appending: ["chart: {y: accuracy}"]))
            == ["lesson.md:22:12: error: chart y 'accuracy' is not recorded in this block (available: train_loss, test_loss, test_mae, weight_norm, lr)"])
        #expect(Self.errors(Self.yaml(appending: ["chart: {type: line}"]))
            == ["lesson.md:22:8: error: missing required key 'y' in chart (one of: train_loss, test_loss, test_mae, weight_norm, lr)"])
    }

    /// Absurd sizes are reported, never trapped on (division by zero, integer overflow).
    @Test func absurdSizesAreReportedNotTrappedOn() {
        #expect(Self.errors(Self.yaml([9: "training: {epochs: 5, batch_size: 0}"]))
            == ["lesson.md:18:35: error: 'batch_size' must be at least 1, got 0"])
        #expect(Self.errors(Self.yaml([7: "model: {layers: [4, 100000000000000, 100000000000000, 1]}"]))
            == ["lesson.md:16:17: error: layer widths must be from 1 to 100000, got 100000000000000"])
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: OneCycleLR, max_lr: 0.1, epochs: 100000000000000, steps_per_epoch: 100000000000000}"])) == [
            "lesson.md:22:56: error: 'epochs' must be from 1 to 100000, got 100000000000000",
            "lesson.md:22:90: error: 'steps_per_epoch' must be from 1 to 1000000, got 100000000000000",
        ])
        #expect(ModelSpec(layers: [4, Int.max, 2], activation: .relu, seed: 0).parameterCount == .max)
    }

    /// A run steps OneCycleLR once per batch (or epoch); torch refuses to step it past total_steps, so fewer is an error
    /// at the key, not a failure of the run at the block's first line. 2000 rows, 1600 for training: 50 batches of 32.
    @Test func oneCycleTotalStepsCoverTheRun() {
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: OneCycleLR, max_lr: 0.1, total_steps: 100}"])) == [
            "lesson.md:22:61: error: OneCycleLR has 100 total steps, but the run steps it 250 times (once per batch), and "
                + "torch refuses to step past total_steps; make total_steps at least 250, or leave it out to have it computed",
        ])
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: OneCycleLR, max_lr: 0.1, total_steps: 250}"])) == [])
        #expect(Self.errors(Self.yaml(appending: ["    scheduler: {name: OneCycleLR, max_lr: 0.1, interval: epoch, total_steps: 5}"])) == [])
    }

    @Test func duplicateIDsOnAPage() throws {
        let first = try ExperimentSpec.parse(yaml: Self.yaml(), at: Self.origin)
        let second = try ExperimentSpec.parse(yaml: Self.yaml(), at: SourceLocation(file: "lesson.md", line: 40, column: 1))
        #expect(ExperimentSpec.duplicateIDs(in: [first, second]).map(\.description)
            == ["lesson.md:40:1: error: duplicate experiment id 'demo' (first used at lesson.md:10:1)"])
    }

    @Test func locationsFollowAnIndentedBlock() {
        let indented = SourceLocation(file: "lesson.md", line: 10, column: 4)
        do {
            _ = try ExperimentSpec.parse(yaml: Self.yaml([8: "loss: mae"]), at: indented)
            Issue.record("parsed")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["lesson.md:17:10: error: unknown loss 'mae' (did you mean 'mse'?)"])
        }
    }
}
