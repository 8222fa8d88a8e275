import Diagnostics
import Testing
@testable import Experiments

/// `seeds:` in a sweep: every point is trained once per seed, each point-seed exactly the block without the sweep at
/// that value with that seed in `model.seed` (the block's and a run's own model's), and a point reads as a block with
/// seeds: its table shows mean ± std, its chart a band, checks and prose read `seed_*` and `spread()` at it.
@Suite struct SeededSweepTests {
    static let origin = SourceLocation(file: "sweep.md", line: 10, column: 1)

    /// Two runs on 90 half-moons (one with a model of its own), dropout's p swept over three values, three seeds.
    /// Without `sweep`, `dropout` writes p into both models; without `seeds`, `seed` goes into both models' seed.
    static func block(sweep: Bool = true, dropout: String = "0.0", seeds: String? = "[1, 2, 3]", seed: Int? = nil,
                      extra: [String] = []) -> String {
        let seedKey = seed.map { ", seed: \($0)" } ?? ""
        return ([
            "id: seeded-sweep",
            "kind: train",
            "data: {dataset: make-moons, n_samples: 120, noise: 0.3, random_state: 0, split: {test_size: 0.25, random_state: 0}, normalize: standard-scaler}",
            "model: {layers: [{linear: 8}, relu, {dropout: \(dropout)}, {linear: 2}]\(seedKey)}",
            "loss: cross-entropy",
            "training: {epochs: 3, batch_size: 30}",
            "runs:",
            "  - {label: wide, optimizer: {name: SGD, lr: 0.1}}",
            "  - {label: narrow, optimizer: {name: SGD, lr: 0.1}, model: {layers: [{linear: 4}, relu, {dropout: \(dropout)}, {linear: 2}]\(seedKey)}}",
            "metrics: [train_loss, test_loss, test_accuracy]",
        ] + (seeds.map { ["seeds: \($0)"] } ?? [])
          + (sweep ? ["sweep:", "  dropout: [0.0, 0.25, 0.5]", "  default: {dropout: 0.25}", "  chart: {y: [train_loss, test_loss]}"] : [])
          + [
            "table:",
            "  columns:",
            "    - {header: Model, value: label}",
            "    - {header: Test loss, value: test_loss, format: .4f}",
            "    - {header: Lowest test loss, value: best(test_loss), format: .4f}",
            "chart: {type: line, y: train_loss}",
          ] + extra).joined(separator: "\n") + "\n"
    }

    struct Run: Sendable {
        let spec: ExperimentSpec
        let result: ExperimentResult
        var results: [String: ExperimentResult] { [spec.id: result] }
        var specs: [String: ExperimentSpec] { [spec.id: spec] }
    }

    static func run(_ yaml: String) throws -> Run {
        let spec = try ExperimentSpec.parse(yaml: yaml, at: origin)
        let results = try ExperimentRunner(cache: nil, useCache: false).run([spec])
        return Run(spec: spec, result: try #require(results[spec.id]))
    }

    static let seeded: Result<Run, any Error> = Result { try run(block()) }
    static let values = ["0.0", "0.25", "0.5"]

    @Test func everyPointCarriesTheSeeds() throws {
        let spec = try ExperimentSpec.parse(yaml: Self.block(), at: Self.origin)
        let sweep = try #require(spec.sweep)
        for body in sweep.bodies {
            guard case .train(let train) = body else { Issue.record("not a train point"); continue }
            #expect(train.seeds == [1, 2, 3])
        }
        #expect(spec.computedRunCount == 3 * 2 * 3)
        // The seeds are part of what is computed: other seeds, another cache entry.
        let other = try ExperimentSpec.parse(yaml: Self.block(seeds: "[1, 2, 4]"), at: Self.origin)
        #expect(ExperimentRunner.cacheKey(spec) != ExperimentRunner.cacheKey(other))
        #expect(FlopCount.estimate(spec) == 3 * FlopCount.estimate(try ExperimentSpec.parse(yaml: Self.block(seeds: nil, seed: 1), at: Self.origin)))
    }

    /// Each point-seed is the block written without the sweep, at that point's p, with the seed as model.seed (in the
    /// run's own model too): the same numbers to the last bit.
    @Test func eachPointSeedIsTheBlockWithoutTheSweepAtThatSeed() throws {
        let result = try Self.seeded.get().result
        let perSeed = try #require(result.seedResults)
        try #require(perSeed.count == 3)
        for (p, value) in Self.values.enumerated() {
            for (index, seed) in [1, 2, 3].enumerated() {
                let alone = try Self.run(Self.block(sweep: false, dropout: value, seeds: nil, seed: seed)).result
                #expect(perSeed[index].at(point: p).runs == alone.runs, "dropout=\(value), seed \(seed)")
            }
        }
    }

    /// A point is exactly the block with seeds written at that point's value: its mean runs, its seeds and each
    /// seed's runs. And every seed is a training of its own, at every point and for both runs: no spread is 0.
    @Test func aPointIsTheBlockWithSeedsAtThatValue() throws {
        let result = try Self.seeded.get().result
        for (p, value) in Self.values.enumerated() {
            let alone = try Self.run(Self.block(sweep: false, dropout: value)).result
            #expect(result.at(point: p) == alone, "dropout=\(value)")
            for label in ["wide", "narrow"] {
                let finals = try #require(result.at(point: p).seedResults?.compactMap { $0.run(label)?.scalars("test_loss")?.last })
                #expect(finals.count == 3 && Set(finals).count == 3, "dropout=\(value), \(label): \(finals)")
            }
        }
    }

    @Test func checksAndProseReadAPointsSeeds() throws {
        let run = try Self.seeded.get()
        let resolver = ResultResolver(results: run.results, specs: run.specs, current: nil)
        func value(_ text: String) throws -> Double { try InlineReference.parse(text).expression.number(using: resolver) }
        let finals = try #require(run.result.at(point: 2).seedResults?.compactMap { $0.run("wide")?.scalars("test_loss")?.last })
        let mean = finals.reduce(0, +) / 3
        let std = (finals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 2).squareRoot()
        #expect(try value("seeded-sweep[dropout=0.5][\"wide\"].test_loss | .4f") == mean)
        #expect(try value("seed_mean(seeded-sweep[dropout=0.5][\"wide\"].test_loss)") == mean)
        #expect(try value("seed_std(seeded-sweep[dropout=0.5][\"wide\"].test_loss)") == std)
        #expect(std > 0)
        #expect(try value("spread(seeded-sweep[dropout=0.5][\"wide\"].test_loss, seeded-sweep[dropout=0][\"wide\"].test_loss)")
            == std + (try value("seed_std(seeded-sweep[dropout=0][\"wide\"].test_loss)")))
        // best() of a point reads its mean curve, seed_mean(best()) each seed's best, as in a block with seeds.
        let curves = try #require(run.result.at(point: 2).seedResults?.compactMap { $0.run("wide")?.scalars("test_loss") })
        let meanCurve = try #require(run.result.at(point: 2).run("wide")?.scalars("test_loss"))
        #expect(try value("best(seeded-sweep[dropout=0.5][\"wide\"].test_loss)") == meanCurve.min())
        #expect(try value("argbest(seeded-sweep[dropout=0.5][\"wide\"].test_loss)") == Double((meanCurve.firstIndex(of: meanCurve.min() ?? 0) ?? 0) + 1))
        #expect(try value("seed_mean(best(seeded-sweep[dropout=0.5][\"wide\"].test_loss))") == curves.compactMap { $0.min() }.reduce(0, +) / 3)
        // The same expressions on the block with seeds written at dropout 0.5 give the same numbers.
        let alone = try Self.run(Self.block(sweep: false, dropout: "0.5"))
        let aloneResolver = ResultResolver(results: alone.results, specs: alone.specs, current: nil)
        for expression in ["seed_std(X.test_loss)", "spread(X.test_loss, X.train_loss)", "seed_max(best(X.test_loss))", "argbest(X.test_loss)"] {
            let atPoint = expression.replacingOccurrences(of: "X", with: "seeded-sweep[dropout=0.5][\"wide\"]")
            let written = expression.replacingOccurrences(of: "X", with: "seeded-sweep[\"wide\"]")
            #expect(try value(atPoint) == (try InlineReference.parse(written).expression.number(using: aloneResolver)), "\(expression)")
        }
    }

    @Test func checksPassOrFailWithTheirValues() throws {
        let gap = "[dropout=0]['wide'].test_loss - [dropout=0.5]['wide'].test_loss"
        let spreadOfGap = "spread([dropout=0]['wide'].test_loss, [dropout=0.5]['wide'].test_loss)"
        let run = try Self.seeded.get()
        func problems(_ check: String) throws -> [String] {
            let spec = try ExperimentSpec.parse(yaml: Self.block(extra: ["checks:", "  - \"\(check)\""]), at: Self.origin)
            return CheckEvaluation.run(spec, resolver: ResultResolver(results: [spec.id: run.result], specs: [spec.id: spec],
                                                                     current: spec.id)).map(\.message)
        }
        let resolver = ResultResolver(results: run.results, specs: run.specs, current: run.spec.id)
        let gapValue = try Expression.parse(gap).number(using: resolver)
        let spreadValue = try Expression.parse(spreadOfGap).number(using: resolver)
        #expect(spreadValue > 0)
        // Whichever way the gap falls against the spread, the check that says so passes and its opposite fails.
        let (holds, fails) = abs(gapValue) < spreadValue
            ? ("abs(\(gap)) < \(spreadOfGap)", "abs(\(gap)) >= \(spreadOfGap)")
            : ("abs(\(gap)) >= \(spreadOfGap)", "abs(\(gap)) < \(spreadOfGap)")
        #expect(try problems(holds).isEmpty)
        let failed = try problems(fails)
        #expect(failed.count == 1 && failed[0].hasPrefix("check failed: abs(") && failed[0].contains("right side = \(spreadValue)"), "\(failed)")
        #expect(try problems("seed_std([dropout=0.25]['narrow'].test_accuracy) >= 0 and seed_min([dropout=0]['wide'].train_loss) <= [dropout=0]['wide'].train_loss").isEmpty)
    }

    @Test func theFigureShowsMeanAndSpreadAtEveryPoint() throws {
        let run = try Self.seeded.get()
        let figure = try ExperimentFigure.render(run.spec, results: run.results, specs: run.specs)
        let html = figure.html
        // The default point's table, its chart with a band per run, and every point in a template.
        let view = try #require(html.firstMatch(of: /<div class="sweep-view">\n([\s\S]*?)<\/div>\n<template/)?.1)
        let cells = try ExperimentFigure.tableCells(run.spec, results: run.results, specs: run.specs)
        let row = try #require(cells.first { $0[0].text == "dropout=0.25 wide" })
        #expect(row[1].text.contains(" ± ") && row[1].spread.map { $0 > 0 } == true)
        #expect(view.contains("<td class=\"num\">\(row[1].text)</td>"))
        #expect(view.matches(of: /class="sgc-band"/).count == 2)
        #expect(html.matches(of: /<template class="sweep-point"/).count == 3)
        // The chart against p: four lines (two runs × two metrics), each the means in a band.
        let curve = try #require(html.firstMatch(of: /aria-label="Final train loss and test loss against dropout"[\s\S]*?<\/svg>/)?.0)
        #expect(curve.matches(of: /class="sgc-band"/).count == 4)
        #expect(html.contains("Table cells are the mean ± the sample standard deviation; curves are the mean with a band of ± one standard "
            + "deviation; final values against dropout are the mean with a band of ± one standard deviation over 3 seeds (1, 2, 3: "))
        // The table of every point shows each point's means and spreads.
        #expect(html.contains("<tr><td class=\"num\">0.25</td><td>wide</td><td class=\"num\">\(row[1].text)</td>"))
        // The CSV: every point, run, seed and epoch (3 × 2 × 3 × 3 rows), the seeds' own values.
        let lines = figure.csv.split(separator: "\n")
        #expect(lines.first == "dropout,run,seed,epoch,test_accuracy,test_loss,train_loss")
        #expect(lines.count == 1 + 3 * 2 * 3 * 3)
        let seed2 = try #require(run.result.seedResults?[1].at(point: 1).run("narrow")?.scalars("test_loss")?.last)
        #expect(lines.contains { $0.hasPrefix("0.25,narrow,2,3,") && $0.contains(",\(seed2),") })
    }

    /// Without seeds the chart against p has no band (and no seed sentence): the band is the seeds' spread.
    @Test func withoutSeedsTheCurveHasNoBand() throws {
        let run = try Self.run(Self.block(seeds: nil, seed: 1))
        let html = try ExperimentFigure.render(run.spec, results: run.results, specs: run.specs).html
        #expect(!html.contains("sgc-band"))
        #expect(!html.contains("seeds ("))
    }

    /// What `sitegen verify` finds in the script's output: a row per point and run, keyed `dropout=0.5 wide`, each
    /// numeric cell a mean and its spread.
    @Test func verifyKeysNameThePointAndCellsCarryTheSpread() throws {
        let run = try Self.seeded.get()
        let cells = try ExperimentFigure.tableCells(run.spec, results: run.results, specs: run.specs)
        #expect(cells.map { $0[0].text } == ["dropout=0 wide", "dropout=0 narrow", "dropout=0.25 wide", "dropout=0.25 narrow",
                                             "dropout=0.5 wide", "dropout=0.5 narrow"])
        let mean = try #require(run.result.at(point: 2).run("narrow")?.scalars("test_loss")?.last)
        #expect(cells[5][1].value == .number(mean))
        #expect(cells.allSatisfy { row in row.dropFirst().allSatisfy { $0.spread != nil } })
    }
}
