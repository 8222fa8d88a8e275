import Diagnostics
import Testing
@testable import Experiments

/// A sweep expands into one computation per point: each point's runs are exactly the runs of the block
/// written with that point's value, a diverged point is a result (not an error), references name points, and
/// the figure and CSV hold every point.
@Suite struct SweepExpansionTests {
    /// The tiny train block with one SGD run, swept over three learning rates (the last one diverges).
    static func yaml(sweep: [String] = ["sweep:", "  lr: [0.01, 0.1, 1000]", "  default: {lr: 0.1}"], extra: [String] = []) -> String {
        TinyBlocks.train(epochs: 4, runs: [("SGD", "{name: SGD, lr: 0.01}")], extra: sweep + extra)
    }

    static let table = [
        "table:",
        "  columns:",
        "    - {header: Optimiser, value: label}",
        "    - {header: Final loss, value: train_loss, format: .4f}",
        "chart: {type: line, y: train_loss, y_scale: log}",
    ]

    @Test func everyPointIsTheBlockWrittenWithThatValue() throws {
        let spec = try TinyBlocks.spec(Self.yaml())
        let sweep = try #require(spec.sweep)
        #expect(sweep.grid.options == ["lr"])
        #expect(sweep.grid.values == [[.number(0.01), .number(0.1), .number(1000)]])
        #expect(sweep.grid.defaultPoint == 1)
        let results = try ExperimentRunner(cache: nil).run([spec])
        let result = try #require(results["tiny-train"])
        #expect(result.runs.map(\.point) == [0, 1, 2])
        for (p, lr) in ["0.01", "0.1", "1000"].enumerated() {
            let alone = try TinyBlocks.spec(TinyBlocks.train(epochs: 4, runs: [("SGD", "{name: SGD, lr: \(lr)}")]))
            let expected = try #require(try ExperimentRunner(cache: nil).run([alone])["tiny-train"]?.runs.first)
            let point = try #require(result.at(point: p).runs.first)
            #expect(point == expected, "point lr=\(lr)")
        }
        // The default point is the block's own body.
        if case .train(let train) = spec.body { #expect(train.runs[0].optimizer.lr == 0.1) }
    }

    @Test func aDivergedPointIsShownNotAnError() throws {
        let spec = try TinyBlocks.spec(Self.yaml(extra: Self.table))
        let results = try ExperimentRunner(cache: nil).run([spec])
        let diverged = try #require(results["tiny-train"]?.at(point: 2).runs.first?.divergence)
        #expect(DivergenceCheck.diagnostics(spec, result: results["tiny-train"]).isEmpty)
        let figure = try ExperimentFigure.render(spec, results: results, specs: ["tiny-train": spec])
        #expect(figure.html.contains("<tr><td class=\"num\">1000</td><td>SGD</td><td class=\"diverged\">diverged at epoch \(diverged.epoch)</td></tr>"))
        #expect(figure.html.contains("data-text=\"lr=1000: SGD, Final loss diverged at epoch \(diverged.epoch)\""))
    }

    @Test func theFigureWorksWithoutJavaScript() throws {
        let spec = try TinyBlocks.spec(Self.yaml(extra: Self.table))
        let results = try ExperimentRunner(cache: nil).run([spec])
        let result = try #require(results["tiny-train"])
        let figure = try ExperimentFigure.render(spec, results: results, specs: ["tiny-train": spec])
        let html = figure.html
        // A disabled slider at the default point, with its value in words for screen readers.
        #expect(html.contains("<label class=\"sweep-control\" for=\"sweep-tiny-train-0\">lr</label><input type=\"range\" id=\"sweep-tiny-train-0\" min=\"0\" max=\"2\" step=\"1\" value=\"1\" data-values=\"0.01 0.1 1000\" aria-valuetext=\"lr = 0.1\" disabled>"))
        // The default point's table and chart are in the page; every point is in a template for the script.
        let loss = try #require(result.at(point: 1).runs.first?.scalars("train_loss")?.last)
        let cell = Value.number(loss).formatted(with: NumberFormat(style: .fixed, precision: 4))
        let view = try #require(html.firstMatch(of: /<div class="sweep-view">\n([\s\S]*?)<\/div>\n<template/)?.1)
        #expect(view.contains("<td class=\"num\">\(cell)</td>"))
        #expect(view.contains("aria-label=\"Training loss (lr=0.1)\"") || view.contains("(lr=0.1)"))
        #expect(html.matches(of: /<template class="sweep-point"/).count == 3)
        // The view's copy of the default point has ids of its own (a template holds the same chart).
        let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        #expect(html.contains("<output class=\"sweep-readout\" aria-live=\"polite\">lr=0.1: SGD, Final loss \(cell)</output>"))
        // The table of every point, and the CSV with every point's rows.
        #expect(html.contains("<summary>Every point of the sweep (3)</summary>"))
        #expect(html.contains("<tr><td class=\"num\">0.1</td><td>SGD</td><td class=\"num\">\(cell)</td></tr>"))
        let lines = figure.csv.split(separator: "\n")
        #expect(lines.first == "lr,run,epoch,test_mae,train_loss")
        #expect(lines.filter { $0.hasPrefix("0.01,SGD,") }.count == 4)
        #expect(lines.filter { $0.hasPrefix("0.1,SGD,") }.count == 4)
        #expect(lines.filter { $0.hasPrefix("1000.0,SGD,") }.count == (result.at(point: 2).runs.first?.divergence?.epoch ?? 1) - 1)
    }

    @Test func verifyKeysNameThePoint() throws {
        let spec = try TinyBlocks.spec(Self.yaml(extra: Self.table))
        let results = try ExperimentRunner(cache: nil).run([spec])
        let cells = try ExperimentFigure.tableCells(spec, results: results, specs: ["tiny-train": spec])
        #expect(cells.map { $0[0].text } == ["lr=0.01 SGD", "lr=0.1 SGD", "lr=1000 SGD"])
    }

    @Test func checksAndReferencesNameAPoint() throws {
        let spec = try TinyBlocks.spec(Self.yaml(extra: Self.table + [
            "checks:",
            "  - \"[lr=0.1]['SGD'].train_loss < [lr=0.01]['SGD'].train_loss\"",
            "  - \"[lr=1000]['SGD'].diverged and not [lr=0.1].diverged\"",
        ]))
        let results = try ExperimentRunner(cache: nil).run([spec])
        let figure = try ExperimentFigure.render(spec, results: results, specs: ["tiny-train": spec])
        #expect(figure.checksPassed == 2)
        let resolver = ResultResolver(results: results, specs: ["tiny-train": spec], current: nil)
        let reference = try InlineReference.parse("tiny-train[lr=0.01][\"SGD\"].train_loss[2] | .4f")
        let expected = try #require(results["tiny-train"]?.at(point: 0).runs.first?.scalars("train_loss")?[1])
        #expect(try reference.expression.number(using: resolver) == expected)
        #expect(try InlineReference.parse("tiny-train[lr=0.01].train_loss").expression.number(using: resolver)
            == results["tiny-train"]?.at(point: 0).runs.first?.scalars("train_loss")?.last)
        func message(_ text: String) -> String {
            do {
                _ = try InlineReference.parse(text).expression.evaluate(using: resolver)
                return ""
            } catch {
                return error.message
            }
        }
        #expect(message("tiny-train[\"SGD\"].train_loss") == "'tiny-train' is a sweep over lr: name a point, as in tiny-train[lr=0.1][\"SGD\"].train_loss")
        #expect(message("tiny-train[lr=0.3][\"SGD\"].train_loss") == "lr=0.3 is not a point of the sweep; lr takes 0.01, 0.1, 1000")
        #expect(message("tiny-train[momentum=0.9][\"SGD\"].train_loss") == "'momentum' is not swept here (the sweep varies lr)")
    }

    @Test func theCacheKeyCoversEveryPoint() throws {
        let a = try TinyBlocks.spec(Self.yaml())
        let b = try TinyBlocks.spec(Self.yaml(sweep: ["sweep:", "  lr: [0.01, 0.1, 100]", "  default: {lr: 0.1}"]))
        let plain = try TinyBlocks.spec(TinyBlocks.train(epochs: 4, runs: [("SGD", "{name: SGD, lr: 0.1}")]))
        #expect(ExperimentRunner.cacheKey(a) != ExperimentRunner.cacheKey(b))
        #expect(ExperimentRunner.cacheKey(a) != ExperimentRunner.cacheKey(plain))
    }

    @Test func twoOptionsMakeAGridAndAFlagIsASelect() throws {
        let spec = try TinyBlocks.spec(TinyBlocks.train(epochs: 2, runs: [("SGD", "{name: SGD, lr: 0.01, momentum: 0.5}")], extra: [
            "sweep:", "  lr: [0.01, 0.1]", "  nesterov: [false, true]",
        ]))
        let grid = try #require(spec.sweep?.grid)
        #expect(grid.pointCount == 4)
        #expect((0..<4).map(grid.text(of:)) == ["lr=0.01, nesterov=false", "lr=0.01, nesterov=true", "lr=0.1, nesterov=false", "lr=0.1, nesterov=true"])
        #expect(grid.defaultPoint == 0)
        let results = try ExperimentRunner(cache: nil).run([spec])
        let figure = try ExperimentFigure.render(spec, results: results, specs: ["tiny-train": spec])
        #expect(figure.html.contains("<select id=\"sweep-tiny-train-1\" disabled><option value=\"0\" selected>false</option><option value=\"1\">true</option></select>"))
        if case .train(let t) = spec.sweep?.bodies[3], case .sgd(let o) = t.runs[0].optimizer {
            #expect(o.lr == 0.1 && o.nesterov)
        } else {
            Issue.record("the last point is not SGD with nesterov")
        }
    }

    @Test func theCurvePlotsTheFinalMetricAgainstTheSweptValue() throws {
        let spec = try TinyBlocks.spec(Self.yaml(sweep: ["sweep:", "  lr: [0.01, 0.1, 1000]", "  chart: {y: train_loss, x_scale: log}"]))
        let results = try ExperimentRunner(cache: nil).run([spec])
        let figure = try ExperimentFigure.render(spec, results: results, specs: ["tiny-train": spec])
        #expect(figure.html.contains("aria-label=\"Final train loss against lr\""))
        #expect(figure.html.contains("<p class=\"sweep-diverged diverged\">Diverged (no final value): SGD at lr=1000.</p>"))
    }
}
