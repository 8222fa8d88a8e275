import Foundation
import Testing
@testable import Site
import TestSupport

/// Hostile `sweep:` keys and references to sweep points, on the experiments fixture's training block (its
/// `caption:` is line 72, so `sweep:` lands on line 73; the prose quoting the block is line 77 after the edit).
extension HostileInput {
    static let caption = "caption: Three epochs on 45 orders.\n"

    /// The training block swept with `lines` (`sweep:` on line 73); `seeded`: without model.seed, for seeds in the sweep.
    static func sweep(_ name: String, _ lines: String, prose: String? = nil, seeded: Bool = false,
                      _ expected: Expected) -> HostileInput {
        var edits = seeded ? [seededModel] : []
        edits.append((caption, caption + lines))
        if let prose { edits.append(("{{ tiny-train[\"SGD\"].test_mae | .4f }}", prose)) }
        return experiment(name, replacing: edits, expected)
    }

    static let seededModel = ("model: {layers: [4, 8, 1], activation: relu, seed: 1}", "model: {layers: [4, 8, 1], activation: relu}")

    static func seededSweep(_ name: String, _ lines: String, prose: String? = nil, _ expected: Expected) -> HostileInput {
        sweep(name, lines, prose: prose, seeded: true, expected)
    }

    static let sweeps: [HostileInput] = [
        sweep("sweep: NaN among the values", "sweep:\n  lr: [.nan, 0.1]\n", .fails([
            "content/lab/results.md:74:8: error: 'lr' must be a number, not '.nan'",
        ])),
        sweep("sweep: ten thousand values", "sweep:\n  lr: [\((1...10_000).map { "\($0)e-6" }.joined(separator: ", "))]\n", .fails([
            "content/lab/results.md:74:7: error: sweep 'lr' has 10000 values; at most 50 per option",
        ])),
        sweep("sweep: a list instead of options", "sweep: [0.1, 1]\n", .fails([
            "content/lab/results.md:73:8: error: sweep must be a mapping of keys to values, not a list",
        ])),
        sweep("sweep: values as a mapping", "sweep:\n  lr: {a: 1}\n", .fails([
            "content/lab/results.md:74:7: error: 'lr' must be a list, not a mapping",
        ])),
        sweep("sweep: prose quoting the block without a point", "sweep:\n  lr: [0.001, 0.01]\n", .fails([
            "content/lab/results.md:77:16: error: inline result: 'tiny-train' is a sweep over lr: name a point, as in tiny-train[lr=0.001][\"SGD\"].test_mae",
        ])),
        sweep("sweep: a point that is not swept", "sweep:\n  lr: [0.001, 0.01]\n",
              prose: "{{ tiny-train[lr=0.5][\"SGD\"].test_mae | .4f }}", .fails([
            "content/lab/results.md:77:16: error: inline result: lr=0.5 is not a point of the sweep; lr takes 0.001, 0.01",
        ])),
        sweep("sweep: dropout over a model without dropout layers", "sweep:\n  dropout: [0.1, 0.5]\n", .fails([
            "content/lab/results.md:74:3: error: sweep 'dropout' varies the p of every {dropout: p} layer, but neither the block's model nor "
                + "a run's own model has one; add {dropout: 0.5} to the layers, e.g. layers: [{linear: 64}, relu, {dropout: 0.5}, {linear: 1}]",
        ])),
        experiment("sweep: a dropout p of 1 at one point", replacing: [
            ("model: {layers: [4, 8, 1], activation: relu, seed: 1}", "model: {layers: [{linear: 8}, relu, {dropout: 0.2}, {linear: 1}], seed: 1}"),
            (caption, caption + "sweep:\n  dropout: [0.5, 1]\n"),
        ], .fails([
            "content/lab/results.md:74:18: error: dropout probability must be from 0 up to (not including) 1, got 1 (at sweep point dropout=1)",
        ])),
        sweep("sweep.chart: a list naming a metric the block does not record", "sweep:\n  lr: [0.001, 0.01]\n  chart: {y: [train_loss, accuracy]}\n", .fails([
            "content/lab/results.md:75:14: error: sweep.chart y 'accuracy' is not recorded in this block (available: train_loss, test_mae)",
        ])),
        seededSweep("sweep with seeds: an empty seed list", "sweep:\n  lr: [0.001, 0.01]\nseeds: []\n", .fails([
            "content/lab/results.md:75:8: error: 'seeds' lists from 2 to 20 seeds, got 0 (leave it out for one run with model.seed)",
        ])),
        seededSweep("sweep with seeds: a seed listed twice", "sweep:\n  lr: [0.001, 0.01]\nseeds: [42, 43, 42]\n", .fails([
            "content/lab/results.md:75:17: error: seed 42 is listed twice",
        ])),
        seededSweep("sweep with seeds: more trainings than the limit",
                    "sweep:\n  lr: [\((1...50).map { "\($0)e-5" }.joined(separator: ", "))]\nseeds: [\((1...11).map(String.init).joined(separator: ", "))]\n", .fails([
            "content/lab/results.md:74:3: error: this sweep trains 1100 times (50 points × runs × 11 seeds); at most 1000: fewer values, runs or seeds",
        ])),
        sweep("sweep with seeds: model.seed given as well", "sweep:\n  lr: [0.001, 0.01]\nseeds: [42, 43]\n", .fails([
            "content/lab/results.md:59:52: error: model.seed and seeds both given: each seed of 'seeds' replaces model.seed; remove one",
        ])),
        seededSweep("sweep with seeds: prose reading the seeds without a point", "sweep:\n  lr: [0.001, 0.01]\nseeds: [42, 43]\n",
                    prose: "{{ seed_std(tiny-train[\"SGD\"].test_mae) | .4f }}", .fails([
            "content/lab/results.md:78:25: error: inline result: 'tiny-train' is a sweep over lr: name a point, as in tiny-train[lr=0.001][\"SGD\"].test_mae",
        ])),
        seededSweep("sweep with seeds: a point's mean, spread and band", "sweep:\n  lr: [0.001, 0.01]\n  chart: {y: test_mae}\nseeds: [42, 43, 44]\n",
                    prose: "{{ tiny-train[lr=0.01][\"SGD\"].test_mae | .4f }} ± {{ seed_std(tiny-train[lr=0.01][\"SGD\"].test_mae) | .4f }}",
                    .builds({ site in
            let html = try site.output("lab/results/index.html")
            let mean = try #require(html.firstMatch(of: /<td class="num">([0-9.]+) ± ([0-9.]+)<\/td>/))
            #expect(html.contains("\(mean.1) ± \(mean.2)") && mean.2 != "0.0000")
            #expect(html.contains("class=\"sgc-band\""))
            #expect(html.contains("over 3 seeds (42, 43, 44"))
            let csv = try site.output("lab/results/tiny-train.csv")
            #expect(csv.hasPrefix("lr,run,seed,epoch,"))
            #expect(csv.split(separator: "\n").count == 1 + 2 * 2 * 3 * 3)
        })),
        sweep("sweep: a learning rate of 1e308 diverges and is shown so", "sweep:\n  lr: [0.001, 1e308]\n",
              prose: "{{ tiny-train[lr=0.001][\"SGD\"].test_mae | .4f }}", .builds({ site in
            let html = try site.output("lab/results/index.html")
            #expect(html.contains("<td class=\"diverged\">diverged at epoch 1</td>"))
            #expect(try site.output("lab/results/tiny-train.csv").hasPrefix("lr,run,epoch,"))
        })),
    ]
}
