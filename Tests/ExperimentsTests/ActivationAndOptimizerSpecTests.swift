import Diagnostics
import Testing
@testable import Experiments

/// The activation layers and the optimisers RMSprop, Adagrad, NAdam, RAdam, Adamax in experiment blocks: valid
/// blocks parse (defaults filled in as torch's), bad values are refused at their key, `file:line:col`.
/// The block's YAML starts on line 10 of the lesson.
@Suite struct ActivationAndOptimizerSpecTests {
    static let base = [
        "id: demo",                                                                              // 10
        "kind: train",                                                                           // 11
        "data: {dataset: make-moons, random_state: 0, split: {test_size: 0.25, random_state: 0}}", // 12
        "model: {layers: [{linear: 8}, tanh, {linear: 8}, gelu, {linear: 2}]}",                 // 13
        "loss: cross-entropy",                                                                   // 14
        "training: {epochs: 2, batch_size: 25}",                                                 // 15
        "runs:",                                                                                 // 16
        "  - {label: a, optimizer: {name: RMSprop}}",                                            // 17
    ]

    static func parse(_ replacements: [Int: String]) -> (TrainSpec?, [String]) {
        SpecParsing.train(SpecParsing.yaml(SpecParsing.replacing(base, replacements, first: 10)), at: SpecErrorTests.origin)
    }

    @Test("valid blocks: every activation layer and optimiser", arguments: [
        [Int: String](),
        [13: "model: {layers: [{linear: 8}, sigmoid, {linear: 8}, silu, {linear: 8}, elu, {linear: 2}]}"],
        [13: "model: {layers: [{linear: 8}, {gelu: {approximate: tanh}}, {leaky-relu: {negative_slope: 0.2}}, {elu: {alpha: 0.5}}, leaky-relu, {linear: 2}]}"],
        [13: "model: {layers: [2, 8, 2], activation: tanh}"],
        [17: "  - {label: a, optimizer: {name: RMSprop, lr: 0.001, alpha: 0.9, momentum: 0.9, centered: true, weight_decay: 0.01}}"],
        [17: "  - {label: a, optimizer: {name: Adagrad, lr_decay: 0.01, initial_accumulator_value: 0.1}}"],
        [17: "  - {label: a, optimizer: {name: NAdam, betas: [0.8, 0.99], momentum_decay: 0.001, decoupled_weight_decay: true, weight_decay: 0.01}}"],
        [17: "  - {label: a, optimizer: {name: RAdam, decoupled_weight_decay: true, weight_decay: 0.01}}"],
        [17: "  - {label: a, optimizer: {name: Adamax, lr: 0.01}}"],
    ])
    func validBlock(_ replacements: [Int: String]) {
        let (spec, errors) = Self.parse(replacements)
        #expect(errors == [])
        #expect(spec != nil)
    }

    @Test("torch's defaults are filled in")
    func defaults() throws {
        let (spec, _) = Self.parse([17: "  - {label: a, optimizer: {name: NAdam}}"])
        let run = try #require(spec?.runs.first)
        guard case let .adaptive(name, o) = run.optimizer else { Issue.record("not NAdam"); return }
        #expect(name == .nadam && o.lr == 2e-3 && o.eps == 1e-8 && o.momentumDecay == 4e-3 && o.beta1 == 0.9)
        #expect(AdaptiveOptions(defaultsOf: .adagrad).eps == 1e-10)
        #expect(AdaptiveOptions(defaultsOf: .rmsprop).lr == 1e-2)
        #expect(spec?.model.stack?[1] == .activation(.tanh))
        #expect(spec?.model.stack?[3] == .activation(.gelu(approximateTanh: false)))
    }

    @Test("bad values are refused at the key", arguments: [
        (13, "model: {layers: [{linear: 8}, {leaky-relu: {negative_slope: 1e9}}, {linear: 2}]}",
         "lesson.md:13:61: error: 'negative_slope' must be a number from −1000000 to 1000000, got 1000000000"),
        (13, "model: {layers: [{linear: 8}, {gelu: {approximate: tan}}, {linear: 2}]}",
         "lesson.md:13:52: error: unknown approximate 'tan' (did you mean 'tanh'?)"),
        (13, "model: {layers: [{linear: 8}, {tanh: {x: 1}}, {linear: 2}]}",
         "lesson.md:13:32: error: layers[2]: tanh takes no options; write it as tanh"),
        (13, "model: {layers: [{linear: 8}, selu, {linear: 2}]}",
         "lesson.md:13:31: error: unknown layer 'selu' (did you mean 'relu'?)"),
        (17, "  - {label: a, optimizer: {name: RMSprop, alpha: -1}}",
         "lesson.md:17:50: error: 'alpha' must be zero or more, got -1"),
        (17, "  - {label: a, optimizer: {name: Adagrad, betas: [0.9, 0.99]}}",
         "lesson.md:17:43: error: unknown key 'betas' in runs[1].optimizer; known keys: name, lr, lr_decay, weight_decay, initial_accumulator_value, eps"),
        (17, "  - {label: a, optimizer: {name: Adamax, betas: [0.9, 1]}}",
         "lesson.md:17:49: error: 'betas' must be two numbers in [0, 1), such as [0.9, 0.999]"),
    ])
    func refused(_ line: Int, _ text: String, _ message: String) {
        #expect(Self.parse([line: text]).1 == [message])
    }

    @Test("batch norm evaluated in train mode on a one-row test set is refused at evaluation_mode")
    func oneRowTestSetInTrainMode() {
        let errors = Self.parse([
            12: "data: {dataset: make-moons, n_samples: 10, random_state: 0, split: {test_size: 0.1, random_state: 0}}",
            13: "model: {layers: [{linear: 8}, batchnorm, relu, {linear: 2}]}",
            15: "training: {epochs: 2, batch_size: 3, evaluation_mode: train}",
        ]).1
        #expect(errors == ["lesson.md:15:55: error: evaluation_mode: train runs batchnorm on the test set as one batch, but "
                           + "the split leaves a single test row (torch refuses it); use a larger test_size or evaluation_mode: eval"])
    }
}
