import Diagnostics
import Testing
@testable import Experiments

/// Every mistake in `sweep:` is reported at its place in the markdown, in compiler form. The tiny block's
/// YAML starts on line 10 of tiny.md; its `sweep:` key is on line 25, the first option on line 26.
@Suite struct SweepSpecErrorTests {
    static func errors(_ sweep: [String], runs: [(label: String, optimizer: String)] = [("SGD", "{name: SGD, lr: 0.01}")],
                       extra: [String] = []) -> [String] {
        errors(TinyBlocks.train(epochs: 2, runs: runs, extra: sweep + extra))
    }

    /// The diagnostics of a whole block's YAML (starting on line 10 of tiny.md), or none.
    static func errors(_ yaml: String) -> [String] {
        SpecParsing.errors(yaml)
    }

    @Test func anUnknownOptionSuggestsTheRightOne() {
        let errors = Self.errors(["sweep:", "  weight_decy: [0.1, 1]"])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("tiny.md:26:3: error: 'weight_decy' is not an option a sweep can vary (did you mean 'weight_decay'?); sweepable: lr, momentum") == true,
                "\(errors)")
    }

    @Test func aSweepNeedsTwoOrMoreIncreasingValues() {
        #expect(Self.errors(["sweep:", "  lr: []"]) == ["tiny.md:26:7: error: sweep 'lr' needs at least two values, such as lr: [0.01, 0.1], got 0"])
        #expect(Self.errors(["sweep:", "  lr: [0.1, 0.01]"]) == ["tiny.md:26:13: error: sweep 'lr' values must increase (the slider runs in their order): 0.01 comes after 0.1"])
        #expect(Self.errors(["sweep:", "  lr: [0.1, 0.1]"]) == ["tiny.md:26:13: error: sweep 'lr' lists 0.1 twice"])
        #expect(Self.errors(["sweep: {}"]) == ["tiny.md:25:8: error: a sweep needs an option and its values, such as lr: [0.001, 0.01, 0.1]"])
    }

    @Test func tooManyValuesOrPointsAreRefused() {
        let many = (1...51).map { "\($0)e-3" }.joined(separator: ", ")
        #expect(Self.errors(["sweep:", "  lr: [\(many)]"]) == ["tiny.md:26:7: error: sweep 'lr' has 51 values; at most 50 per option"])
        let eleven = (1...11).map { "\($0)e-3" }.joined(separator: ", ")
        let ten = (1...9).map { "0.\($0)" }.joined(separator: ", ")
        #expect(Self.errors(["sweep:", "  lr: [\(eleven)]", "  momentum: [0, \(ten.dropFirst(0))]"]).first?.contains("at most 100") == true)
    }

    @Test func aValueTheOptionRefusesIsReportedAtTheValue() {
        #expect(Self.errors(["sweep:", "  lr: [-1, 0.1]"]) == ["tiny.md:26:8: error: 'lr' must be positive, got -1"])
        // Only a later point is wrong: said once, with the point.
        #expect(Self.errors(["sweep:", "  momentum: [0, 0.5]", "  nesterov: [false, true]"])
            == ["tiny.md:27:21: error: nesterov needs momentum > 0 and dampening 0 (at sweep point momentum=0, nesterov=true)"])
    }

    @Test func anOptionARunsOptimiserLacksIsRefused() {
        #expect(Self.errors(["sweep:", "  momentum: [0, 0.9]"], runs: [("SGD", "{name: SGD, lr: 0.01}"), ("Adam", "{name: Adam}")])
            == ["tiny.md:28:3: error: run 2 uses Adam, which has no option 'momentum'; a sweep varies an option every run's optimiser has"])
        #expect(Self.errors(["sweep:", "  gamma: [0.1, 0.2]"]) == ["tiny.md:26:3: error: no run has a scheduler with the option 'gamma' to sweep"])
    }

    @Test func theDefaultMustBeASweptValue() {
        #expect(Self.errors(["sweep:", "  lr: [0.01, 0.1]", "  default: {lr: 0.05}"])
            == ["tiny.md:27:17: error: sweep.default lr=0.05 is not one of the swept values (0.01, 0.1)"])
    }

    @Test func theComputeBudgetCountsEveryPoint() {
        // 20 000 epochs × 60 samples × 49 parameters is 5.9e7 per run; 50 points of 2 runs pass the run limit only at 100.
        let values = (1...50).map { "\($0)e-4" }.joined(separator: ", ")
        let errors = Self.errors(["sweep:", "  lr: [\(values)]"], runs: [("a", "{name: SGD, lr: 0.01}"), ("b", "{name: SGD, lr: 0.01}"),
                                                                           ("c", "{name: SGD, lr: 0.01}"), ("d", "{name: SGD, lr: 0.01}"),
                                                                           ("e", "{name: SGD, lr: 0.01}")])
        #expect(errors == ["tiny.md:34:3: error: this sweep trains 250 runs (50 points × runs); at most 200: fewer values or runs"])
    }

    /// The tiny block with seeds instead of model.seed (its `model:` is line 18, `metrics:` 24 with one run).
    static func seeded(_ lines: [String], runs: [(label: String, optimizer: String)] = [("SGD", "{name: SGD, lr: 0.01}")],
                       layers: String = "[4, 8, 1]", epochs: Int = 2, samples: Int = 60) -> [String] {
        errors(TinyBlocks.train(epochs: epochs, runs: runs, extra: lines)
            .replacingOccurrences(of: "model: {layers: [4, 8, 1], activation: relu, seed: 1}", with: "model: {layers: \(layers), activation: relu}")
            .replacingOccurrences(of: "n_samples: 60", with: "n_samples: \(samples)"))
    }

    @Test func aSweepsSeedsFollowTheRulesOfSeeds() {
        let sweep = ["sweep:", "  lr: [0.01, 0.1]"]
        #expect(Self.seeded(sweep + ["seeds: [1, 2, 3]"]) == [])
        #expect(Self.seeded(sweep + ["seeds: []"])
            == ["tiny.md:27:8: error: 'seeds' lists from 2 to 20 seeds, got 0 (leave it out for one run with model.seed)"])
        #expect(Self.seeded(sweep + ["seeds: [1, 2, 1]"]) == ["tiny.md:27:15: error: seed 1 is listed twice"])
        #expect(Self.seeded(sweep + ["seeds: [\((1...21).map(String.init).joined(separator: ", "))]"])
            == ["tiny.md:27:8: error: 'seeds' lists from 2 to 20 seeds, got 21 (leave it out for one run with model.seed)"])
        #expect(Self.seeded(sweep + ["seeds: [1, -2]"]) == ["tiny.md:27:12: error: a seed must be from 0 to 2^32-1, got -2"])
        // model.seed beside seeds is refused in a sweep as anywhere, once (not once per point).
        #expect(Self.errors(["sweep:", "  lr: [0.01, 0.1, 1]", "seeds: [1, 2]"])
            == ["tiny.md:18:52: error: model.seed and seeds both given: each seed of 'seeds' replaces model.seed; remove one"])
    }

    @Test func aSweepsLimitsCountEverySeed() {
        let lrs = "  lr: [\((1...50).map { "\($0)e-4" }.joined(separator: ", "))]"
        let twoRuns = [("a", "{name: SGD, lr: 0.01}"), ("b", "{name: SGD, lr: 0.01}")]
        // 50 points × 2 runs is 100 rows, within 200; 11 seeds make 1100 trainings, over 1000.
        #expect(Self.seeded(["sweep:", lrs, "seeds: [\((1...10).map(String.init).joined(separator: ", "))]"], runs: twoRuns) == [])
        #expect(Self.seeded(["sweep:", lrs, "seeds: [\((1...11).map(String.init).joined(separator: ", "))]"], runs: twoRuns)
            == ["tiny.md:28:3: error: this sweep trains 1100 times (50 points × runs × 11 seeds); at most 1000: fewer values, runs or seeds"])
        // 1000 epochs of a 4-64-64-1 network on 60 orders: 2.7e+10 over the sweep without seeds, ten times that with ten.
        let seeds = "seeds: [\((1...10).map(String.init).joined(separator: ", "))]"
        #expect(Self.errors(TinyBlocks.train(epochs: 1000, runs: twoRuns, extra: ["sweep:", lrs])
            .replacingOccurrences(of: "[4, 8, 1]", with: "[4, 64, 64, 1]")) == [])
        #expect(Self.seeded(["sweep:", lrs, seeds], runs: twoRuns, layers: "[4, 64, 64, 1]", epochs: 1000)
            == ["tiny.md:28:3: error: this sweep is too large to run at build time: over its 50 points and 10 seeds, runs × seeds × epochs × "
                + "samples × parameters = 2.7e+11, over the budget of 2.0e+11; fewer values, seeds, epochs, samples or layer widths"])
        // Every seed's series are kept: 15 000 epochs of 5 000 test predictions, five seeds at each of two points.
        #expect(Self.seeded(["sweep:", "  lr: [0.01, 0.1]", "seeds: [1, 2, 3, 4, 5]"], epochs: 15_000, samples: 20_000)
            == ["tiny.md:26:3: error: this sweep would need about 3.0 GB of memory over its 2 points and 5 seeds, over the memory budget "
                + "of 2.0 GB; fewer values, seeds, epochs or layer widths"])
        #expect(Self.seeded(["sweep:", "  lr: [0.01, 0.1]", "seeds: [1, 2]"], epochs: 15_000, samples: 20_000) == [])
    }

    @Test func onlyTrainBlocksSweep() throws {
        let yaml = TinyBlocks.trace + "sweep:\n  lr: [0.1, 0.5]\n"
        do {
            _ = try TinyBlocks.spec(yaml)
            Issue.record("a trace block accepted a sweep")
        } catch let error as DiagnosticList {
            #expect(error.diagnostics.map(\.message) == ["'sweep' varies run options of train blocks; a trace block cannot sweep"])
        }
    }

    @Test func aCheckMustNameAPoint() {
        #expect(Self.errors(["sweep:", "  lr: [0.01, 0.1]"], extra: ["checks:", "  - \"['SGD'].train_loss < 1\""])
            == ["tiny.md:28:6: error: this block is a sweep over lr: name a point, as in [lr=0.01][\"SGD\"].train_loss"])
        #expect(Self.errors(["sweep:", "  lr: [0.01, 0.1]"], extra: ["checks:", "  - \"[lr=0.5]['SGD'].train_loss < 1\""])
            == ["tiny.md:28:6: error: lr=0.5 is not a point of the sweep; lr takes 0.01, 0.1"])
        #expect(Self.errors([], extra: ["checks:", "  - \"[lr=0.5]['SGD'].train_loss < 1\""])
            == ["tiny.md:26:6: error: 'tiny-train' is not a sweep: remove [lr=0.5]"])
    }
}
