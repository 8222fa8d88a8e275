import Diagnostics
import Testing
@testable import Experiments

/// A run whose loss stops being finite is a result, not a failure: its table row says where it diverged,
/// the caption says it too, and the block's other runs are unaffected.
@Suite struct DivergenceTests {
    static let yaml = TinyBlocks.train(
        epochs: 5,
        runs: [("SGD (lr=1e3)", "{name: SGD, lr: 1000}"), ("SGD (lr=0.01)", "{name: SGD, lr: 0.01}")],
        extra: [
            "table:",
            "  columns:",
            "    - {header: Optimiser, value: label}",
            "    - {header: Final loss, value: train_loss, format: .4f}",
            "    - {header: Test MAE, value: test_mae, format: .4f, highlight: min}",
            "chart: {type: line, y: train_loss, y_scale: log}",
            "caption: Two learning rates.",
        ])

    /// `.4f` as the table prints it.
    static func fixed4(_ x: Double) -> String {
        Value.number(x).formatted(with: NumberFormat(style: .fixed, precision: 4))
    }

    @Test func aDivergingRunIsRecordedAndShown() throws {
        let spec = try TinyBlocks.spec(Self.yaml)
        let results = try ExperimentRunner(cache: nil).run([spec])
        let result = try #require(results["tiny-train"])
        let diverged = try #require(result.run("SGD (lr=1e3)"))
        let divergence = try #require(diverged.divergence, "SGD with lr 1000 must diverge")
        #expect((1...5).contains(divergence.epoch))
        // The series stop before the epoch whose loss was not finite.
        #expect(diverged.scalars("train_loss")?.count == divergence.epoch - 1)
        #expect(diverged.scalars("test_mae")?.count == divergence.epoch - 1)
        #expect(diverged.scalars("train_loss")?.allSatisfy(\.isFinite) == true)
        let healthy = try #require(result.run("SGD (lr=0.01)"))
        #expect(healthy.divergence == nil)
        #expect(healthy.scalars("train_loss")?.count == 5)

        let figure = try ExperimentFigure.render(spec, results: results, specs: ["tiny-train": spec])
        let cell = "<td class=\"diverged\">diverged at epoch \(divergence.epoch)</td>"
        #expect(figure.html.contains("<tr><th scope=\"row\">SGD (lr=1e3)</th>\(cell)\(cell)</tr>"))
        let mae = try #require(healthy.scalars("test_mae")?.last)
        // The healthy run is the only finite MAE, so it is the highlighted best.
        #expect(figure.html.contains("<td class=\"num best\"><strong>\(Self.fixed4(mae))</strong>"))
        #expect(figure.html.contains("<figcaption>Two learning rates. <span class=\"diverged\">SGD (lr=1e3) diverged at epoch \(divergence.epoch).</span> "))
        #expect(figure.csv.hasPrefix("run,epoch,test_mae,train_loss\n"))
        #expect(figure.csv.components(separatedBy: "\n").filter { $0.hasPrefix("SGD (lr=1e3),") }.count == divergence.epoch - 1)
    }

    /// A claim about a diverged run cannot be checked: the build says why.
    @Test func aCheckOnADivergedRunSaysSo() throws {
        let spec = try TinyBlocks.spec(Self.yaml + "checks:\n  - \"['SGD (lr=1e3)'].train_loss < 1\"\n")
        let results = try ExperimentRunner(cache: nil).run([spec])
        let epoch = try #require(results["tiny-train"]?.run("SGD (lr=1e3)")?.divergence?.epoch)
        do {
            _ = try ExperimentFigure.render(spec, results: results, specs: ["tiny-train": spec])
            Issue.record("the check on a diverged run passed")
        } catch {
            // The block is lines 10–33 of tiny.md, `checks:` line 34; the check is on line 35.
            #expect(error.diagnostics.map(\.description)
                    == ["tiny.md:35:6: error: check cannot be evaluated: 'SGD (lr=1e3)' diverged at epoch \(epoch), so its train_loss has no final value"])
        }
    }

    /// In a table with a row per epoch, the diverged run's cells from its divergence on say so.
    @Test func epochRowsAfterADivergenceSaySo() throws {
        let yaml = TinyBlocks.train(
            epochs: 2,
            runs: [("SGD (lr=1e3)", "{name: SGD, lr: 1000}"), ("SGD (lr=0.01)", "{name: SGD, lr: 0.01}")],
            extra: [
                "table:",
                "  rows: epochs",
                "  columns:",
                "    - {header: Epoch, value: epoch, format: d}",
                "    - {header: lr 1e3, value: \"['SGD (lr=1e3)'].train_loss\", format: .4f}",
                "    - {header: lr 0.01, value: \"['SGD (lr=0.01)'].train_loss\", format: .4f}",
            ])
        let spec = try TinyBlocks.spec(yaml)
        let results = try ExperimentRunner(cache: nil).run([spec])
        let losses = try #require(results["tiny-train"]?.run("SGD (lr=0.01)")?.scalars("train_loss"))
        #expect(results["tiny-train"]?.run("SGD (lr=1e3)")?.divergence?.epoch == 1)
        let html = try ExperimentFigure.render(spec, results: results, specs: ["tiny-train": spec]).html
        for (epoch, loss) in zip(1..., losses) {
            #expect(html.contains("<tr><td class=\"num\">\(epoch)</td><td class=\"diverged\">diverged at epoch 1</td><td class=\"num\">\(Self.fixed4(loss))</td></tr>"))
        }
    }
}
