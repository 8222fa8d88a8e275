import Diagnostics
import Foundation
import Testing
@testable import Experiments

/// `seeds:` in train blocks, against the real PyTorch (Fixtures/seed_runs.json, made by
/// scripts/reference/seed_fixtures.py): every seed's run matches torch with that seed in place of model.seed,
/// runs hold the mean over seeds, tables show "mean ± std", `seed_*` functions read across seeds, and a block
/// without seeds gives exactly the first seed's numbers when model.seed names it.
@Suite struct SeedRunsTests {
    static let origin = SourceLocation(file: "seeds.md", line: 10, column: 1)
    static let labels = ["SGD (lr=0.01)", "SGD + momentum (β=0.9)"]

    static func block(seeds: String?, checks: [String] = []) -> String {
        ([
            "id: seeded",
            "kind: train",
            "data: {dataset: delivery-times, n_samples: 2000, seed: 42, noise: 4.0, split: {test_size: 0.2, random_state: 42}, normalize: mean-std}",
            seeds == nil ? "model: {layers: [4, 64, 32, 1], activation: relu, seed: 1}" : "model: {layers: [4, 64, 32, 1], activation: relu}",
            "loss: mse",
            "training: {epochs: 10, batch_size: 64}",
            "runs:",
            "  - {label: \"SGD (lr=0.01)\", optimizer: {name: SGD, lr: 0.01}}",
            "  - {label: \"SGD + momentum (β=0.9)\", optimizer: {name: SGD, lr: 0.01, momentum: 0.9}}",
            "metrics: [train_loss, test_mae]",
            "table:",
            "  columns:",
            "    - {header: Optimiser, value: label}",
            "    - {header: Epoch 10 loss, value: \"train_loss[10]\", format: .6f}",
            "    - {header: Test MAE, value: test_mae, format: .4f}",
        ] + (seeds.map { ["seeds: \($0)"] } ?? [])
          + (checks.isEmpty ? [] : ["checks:"] + checks.map { "  - \"\($0)\"" })).joined(separator: "\n") + "\n"
    }

    struct Run: Sendable {
        let spec: ExperimentSpec
        let result: ExperimentResult
    }

    static func run(_ yaml: String) throws -> Run {
        let spec = try ExperimentSpec.parse(yaml: yaml, at: origin)
        let results = try ExperimentRunner(cache: nil, useCache: false).run([spec])
        return Run(spec: spec, result: try #require(results[spec.id]))
    }

    static let seeded: Result<Run, any Error> = Result { try run(block(seeds: "[1, 2, 3, 4, 5]")) }

    @Test func everySeedMatchesPyTorchWithThatSeed() throws {
        let torch = try LessonOutputs.load("seed_runs")
        let result = try Self.seeded.get().result
        #expect(result.seeds == [1, 2, 3, 4, 5])
        let perSeed = try #require(result.seedResults)
        try #require(perSeed.count == 5)
        var largest = 0.0
        for label in Self.labels {
            for (index, seed) in [1, 2, 3, 4, 5].enumerated() {
                let path = ["runs", label, String(seed)]
                let ours = try #require(perSeed[index].run(label)?.scalars("train_loss"))
                let theirs = try torch.numbers(path, "train_loss")
                try #require(ours.count == theirs.count)
                for (a, b) in zip(ours, theirs) {
                    largest = max(largest, relativeDeviation(a, b))
                    #expect(relativeDeviation(a, b) <= 1e-6, "\(label), seed \(seed): \(a) vs torch \(b)")
                }
                let mae = try #require(perSeed[index].run(label)?.scalars("test_mae")?.last)
                let torchMAE = try torch.number(path, "test_mae")
                largest = max(largest, relativeDeviation(mae, torchMAE))
                #expect(relativeDeviation(mae, torchMAE) <= 1e-5, "\(label), seed \(seed): test MAE \(mae) vs torch \(torchMAE)")
            }
        }
        print("seeds: largest relative deviation from torch \(largest)")
    }

    @Test func runsHoldTheMeanOverSeedsEpochByEpoch() throws {
        let result = try Self.seeded.get().result
        let perSeed = try #require(result.seedResults)
        for label in Self.labels {
            let mean = try #require(result.run(label)?.scalars("train_loss"))
            let seeds = try perSeed.map { try #require($0.run(label)?.scalars("train_loss")) }
            for epoch in 0..<10 {
                #expect(mean[epoch] == seeds.reduce(0) { $0 + $1[epoch] } / 5)
            }
        }
    }

    /// The table's text is what the script prints with `--seeds 1,2,3,4,5`: mean ± sample std of torch's values.
    @Test func tableCellsShowMeanAndSpreadAsTheScriptPrintsThem() throws {
        let torch = try LessonOutputs.load("seed_runs")
        let run = try Self.seeded.get()
        let cells = try ExperimentFigure.tableCells(run.spec, results: [run.spec.id: run.result], specs: [run.spec.id: run.spec])
        for (row, label) in zip(cells, Self.labels) {
            let losses = try [1, 2, 3, 4, 5].map { try torch.numbers(["runs", label, String($0)], "train_loss")[9] }
            let maes = try [1, 2, 3, 4, 5].map { try torch.number(["runs", label, String($0)], "test_mae") }
            #expect(row[1].text == Self.printed(losses, ".6f"), "\(label): epoch-10 loss")
            #expect(row[2].text == Self.printed(maes, ".4f"), "\(label): test MAE")
            #expect(row[2].spread != nil)
        }
        let figure = try ExperimentFigure.render(run.spec, results: [run.spec.id: run.result], specs: [run.spec.id: run.spec])
        #expect(figure.html.contains("Table cells are the mean ± the sample standard deviation over 5 seeds (1, 2, 3, 4, 5"))
        #expect(figure.csv.hasPrefix("run,seed,epoch,test_mae,train_loss\nSGD (lr=0.01),1,1,"))
    }

    /// delivery_data.py's `stat`: mean, then √(Σ(x − mean)² / (n − 1)), summed in order.
    static func printed(_ values: [Double], _ format: String) -> String {
        let mean = values.reduce(0, +) / Double(values.count)
        let std = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
        let f = try? NumberFormat.parse(format)
        return Value.number(mean).formatted(with: f) + " ± " + Value.number(std).formatted(with: f)
    }

    @Test func seedFunctionsReduceAcrossSeeds() throws {
        let run = try Self.seeded.get()
        let resolver = ResultResolver(results: [run.spec.id: run.result], specs: [run.spec.id: run.spec], current: nil)
        let perSeed = try #require(run.result.seedResults)
        let finals = try perSeed.map { try #require($0.run("SGD (lr=0.01)")?.scalars("test_mae")?.last) }
        func value(_ text: String) throws -> Double { try Expression.parse(text).number(using: resolver) }
        #expect(try value("seed_mean(seeded['SGD (lr=0.01)'].test_mae)") == finals.reduce(0, +) / 5)
        #expect(try value("seed_min(seeded['SGD (lr=0.01)'].test_mae)") == finals.min())
        #expect(try value("seed_max(seeded['SGD (lr=0.01)'].test_mae)") == finals.max())
        #expect(try value("seed_std(seeded['SGD (lr=0.01)'].test_mae)") == Double(Self.printed(finals, ".17g").split(separator: " ").last ?? ""))
        // A paired difference per seed, and the plain reference reads the mean curve.
        let gap = try value("seed_mean(seeded['SGD (lr=0.01)'].train_loss[10] - seeded['SGD + momentum (β=0.9)'].train_loss[10])")
        #expect(gap > 0)
        #expect(try value("seeded['SGD (lr=0.01)'].test_mae") == finals.reduce(0, +) / 5)
    }

    @Test func aCheckCanDemandADifferenceBeyondTheSpread() throws {
        let gap = "(['SGD (lr=0.01)'].train_loss[10] - ['SGD + momentum (β=0.9)'].train_loss[10])"
        let run = try Self.seeded.get()
        func problems(_ check: String) throws -> [String] {
            let spec = try ExperimentSpec.parse(yaml: Self.block(seeds: "[1, 2, 3, 4, 5]", checks: [check]), at: Self.origin)
            return CheckEvaluation.run(spec, resolver: ResultResolver(results: [spec.id: run.result], specs: [spec.id: spec],
                                                                     current: spec.id)).map(\.message)
        }
        // Momentum's lead at epoch 10 is larger than the spread of the paired difference over the seeds …
        #expect(try problems("seed_mean\(gap) > seed_std\(gap)").isEmpty)
        #expect(try problems("['SGD (lr=0.01)'].train_loss[10] - ['SGD + momentum (β=0.9)'].train_loss[10] > spread(['SGD (lr=0.01)'].train_loss[10], ['SGD + momentum (β=0.9)'].train_loss[10])").isEmpty)
        // … but not three times larger: the check fails and shows both sides.
        let failed = try problems("seed_mean\(gap) > 3 * seed_std\(gap)")
        #expect(failed.count == 1 && failed[0].hasPrefix("check failed: seed_mean(") && failed[0].contains("; left side = 0.0115"))
    }

    /// The default, one seed, is the run it always was: model.seed 1 gives exactly seed 1's numbers.
    @Test func oneSeedIsBitIdenticalToTheFirstSeedOfMany() throws {
        let single = try Self.run(Self.block(seeds: nil)).result
        let first = try #require(try Self.seeded.get().result.seedResults?.first)
        #expect(single.runs == first.runs)
        #expect(single.seeds == nil && single.seedResults == nil)
    }

    @Test func badSeedsAreReportedAtTheirPlace() throws {
        func messages(_ yaml: String) -> [String] { SpecParsing.errors(yaml, at: Self.origin) }
        #expect(messages(Self.block(seeds: "[1, 1]")) == ["seeds.md:25:12: error: seed 1 is listed twice"])
        #expect(messages(Self.block(seeds: "[3]")) == ["seeds.md:25:8: error: 'seeds' lists from 2 to 20 seeds, got 1 (leave it out for one run with model.seed)"])
        #expect(messages(Self.block(seeds: nil) + "seeds: [1, 2]\n") == ["seeds.md:13:57: error: model.seed and seeds both given: each seed of 'seeds' replaces model.seed; remove one"])
        let run = try Self.run(Self.block(seeds: nil))
        let resolver = ResultResolver(results: ["seeded": run.result], specs: ["seeded": run.spec], current: nil)
        #expect(throws: ExpressionError.self) { try Expression.parse("seed_mean(seeded['SGD (lr=0.01)'].test_mae)").number(using: resolver) }
    }

    /// A run with a model of its own (a comparison of architectures) is repeated with each seed too: its seed-2 run
    /// is bit-identical to the same block without seeds whose run model has seed 2, and its seeds differ. Before, its
    /// model kept the default seed, so all its repetitions were one run and its spread was 0.
    @Test func aRunWithItsOwnModelTakesEachSeed() throws {
        func block(seeds: String?, runSeed: Int?) -> String {
            let seed = runSeed.map { ", seed: \($0)" } ?? ""
            return [
                "id: own-models",
                "kind: train",
                "data: {dataset: make-moons, n_samples: 120, noise: 0.2, random_state: 0, split: {test_size: 0.25, random_state: 0}, normalize: standard-scaler}",
                "model: {layers: [{linear: 8}, relu, {linear: 2}]" + (seeds == nil ? ", seed: 2}" : "}"),
                "loss: cross-entropy",
                "training: {epochs: 3, batch_size: 30}",
                "runs:",
                "  - {label: plain, optimizer: {name: SGD, lr: 0.1}}",
                "  - {label: dropout, optimizer: {name: SGD, lr: 0.1}, model: {layers: [{linear: 8}, relu, {dropout: 0.5}, {linear: 2}]\(seed)}}",
                "metrics: [train_loss]",
            ].joined(separator: "\n") + (seeds.map { "\nseeds: \($0)" } ?? "") + "\n"
        }
        let seeded = try Self.run(block(seeds: "[1, 2, 3]", runSeed: nil)).result
        let perSeed = try #require(seeded.seedResults)
        let single = try Self.run(block(seeds: nil, runSeed: 2)).result
        #expect(perSeed[1].run("dropout")?.scalars("train_loss") == single.run("dropout")?.scalars("train_loss"))
        let finals = perSeed.compactMap { $0.run("dropout")?.scalars("train_loss")?.last }
        #expect(finals.count == 3 && Set(finals).count == 3)
        #expect(SpecParsing.errors(block(seeds: "[1, 2]", runSeed: 7), at: Self.origin) == [
            "seeds.md:18:127: error: a run's model.seed and the block's seeds both given: each seed of 'seeds' replaces the seed of every run's model; remove this one",
        ])
    }
}
