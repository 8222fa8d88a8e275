import Diagnostics
import Foundation
import Testing
@testable import Site
import TestSupport

/// The experiment stage inside a real build of the `experiments` fixture (a lesson with a schedule, a trace
/// and a three-epoch training block, all running in milliseconds): figures, inline results, CSV files,
/// the cache across builds, and every error at its place in the markdown.
@Suite struct ExperimentStageTests {
    static let lesson = "content/lab/results.md"

    /// The fixture with `old` replaced by `new` in the lesson (which must contain it once).
    static func site(replacing old: String? = nil, with new: String = "", options: BuildOptions = BuildOptions()) throws -> SiteTest {
        let site = try SiteTest(fixture: "experiments", options: options)
        if let old {
            let text = try site.read(lesson)
            try site.write(lesson, try text.replacingOnce(old, with: new))
        }
        return site
    }

    static func errors(replacing old: String, with new: String) throws -> [String] {
        let site = try Self.site(replacing: old, with: new)
        defer { site.remove() }
        return site.buildFailure().map(\.description)
    }

    @Test func theScriptABlockReproducesIsPublishedEvenWhenNotShown() throws {
        let site = try Self.site(replacing: "id: tiny-trace\n", with: "id: tiny-trace\nsource: scripts/trace.py\n")
        defer { site.remove() }
        try site.write("content/lab/scripts/trace.py", "print('step 1')\n")
        try site.build()
        let html = try site.output("lab/results/index.html")
        #expect(html.contains("reproduces <a href=\"trace.py\"><code>trace.py</code></a>"))
        #expect(try site.output("lab/results/trace.py") == "print('step 1')\n")
    }

    @Test func aMissingOrEscapingScriptFailsAtItsSourceKey() throws {
        // `source:` is on line 32, after the fence (29) and `id:` (31), `source: ` is 8 columns wide.
        #expect(try Self.errors(replacing: "id: tiny-trace\n", with: "id: tiny-trace\nsource: gone.py\n") == [
            "content/lab/results.md:32:9: error: script content/lab/gone.py does not exist: check the name in source: gone.py",
        ])
        #expect(try Self.errors(replacing: "id: tiny-trace\n", with: "id: tiny-trace\nsource: ../../sitegen.yml\n") == [
            "content/lab/results.md:32:9: error: source path '../../sitegen.yml' leaves the content folder; keep scripts beside the lesson",
        ])
        #expect(try Self.errors(replacing: "id: tiny-trace\n", with: "id: tiny-trace\nsource: ''\n") == [
            "content/lab/results.md:32:9: error: source: '' names no file: write the script's name, such as source: train.py",
        ])
    }

    @Test func figuresInlineResultsAndCSVFiles() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let html = try site.output("lab/results/index.html")
        // 2·t at t = 3; StepLR(step_size 2, gamma 0.5) from 1 after two steps; SGD(lr 0.5) from [1, −2].
        #expect(html.contains("The column reaches <span class=\"inline-result\" title=\"tiny-schedule.double[3]\">6</span>"))
        #expect(html.contains("the rate falls to <span class=\"inline-result\" title=\"tiny-schedule[&quot;halving&quot;].lr[3]\">0.50</span>."))
        #expect(html.contains("the weights are <span class=\"inline-result\" title=\"tiny-trace.param\">[0.500, -2.000]</span>."))
        #expect(html.contains("<figure class=\"experiment\" id=\"experiment-tiny-schedule\">"))
        #expect(html.contains("<tr><td class=\"num\">3</td><td class=\"num\">6</td><td class=\"num\">0.50</td></tr>"))
        #expect(html.contains("<tr><td class=\"num\">2</td><td class=\"num\">[0.500, -2.000]</td></tr>"))
        #expect(html.contains("1 claim checked"))
        #expect(!html.contains("```experiment") && !html.contains("{{"))
        // The inline MAE is the table's cell for SGD, with the same format.
        let cell = try #require(html.firstMatch(of: /<th scope="row">SGD<\/th><td class="num">([0-9.]+)<\/td>/)?.1)
        #expect(html.contains("SGD ends at <span class=\"inline-result\" title=\"tiny-train[&quot;SGD&quot;].test_mae\">\(cell)</span> minutes."))

        #expect(try site.output("lab/results/tiny-schedule.csv") == """
            run,step,lr,value
            double,1,,2.0
            double,2,,4.0
            double,3,,6.0
            halving,1,1.0,
            halving,2,1.0,
            halving,3,0.5,

            """)
        #expect(try site.output("lab/results/tiny-trace.csv") == "run,step,param[0],param[1]\nSGD,1,0.75,-2.125\nSGD,2,0.5,-2.0\n")
        let train = try site.output("lab/results/tiny-train.csv").split(separator: "\n")
        #expect(train.first == "run,epoch,test_mae,train_loss")
        #expect(train.count == 7)
        #expect(html.contains("<a href=\"tiny-train.csv\" download>Results as CSV</a>"))
    }

    @Test func aSecondBuildUsesTheCacheUnlessToldNotTo() throws {
        let site = try Self.site()
        defer { site.remove() }
        let first = site.builder
        try first.build()
        #expect(first.cache.statistics.misses == 3)
        #expect(first.cache.statistics.writes == 3)
        let second = site.builder
        try second.build()
        #expect(second.cache.statistics.hits == 3)
        #expect(second.cache.statistics.misses == 0)
        let uncached = SiteBuilder(paths: site.paths, options: BuildOptions(noCache: true))
        try uncached.build()
        #expect(uncached.cache.statistics.hits == 0)
        #expect(uncached.cache.statistics.writes == 3)
    }

    @Test func aDivergingRunFailsAtItsLearningRate() throws {
        #expect(try Self.errors(replacing: "{name: Adam, lr: 1e-3}", with: "{name: SGD, lr: 1000}") == [
            "content/lab/results.md:66:32: error: run 'Adam' diverged: its loss became NaN or infinite at epoch 1, step 3 "
                + "(lr 1000); lower the learning rate, or add 'diverges: true' to the run to show the divergence on purpose",
        ])
    }

    @Test func aRunMarkedToDivergeMustDiverge() throws {
        #expect(try Self.errors(replacing: "{name: Adam, lr: 1e-3}", with: "{name: Adam, lr: 1e-3}\n    diverges: true") == [
            "content/lab/results.md:66:33: error: run 'Adam' is marked 'diverges: true' but trained all 3 epochs with a "
                + "finite loss; remove the mark or raise the learning rate",
        ])
    }

    @Test func aDivergingRunMarkedSoIsShown() throws {
        let site = try Self.site(replacing: "{name: Adam, lr: 1e-3}", with: "{name: SGD, lr: 1000}\n    diverges: true")
        defer { site.remove() }
        try site.build()
        let html = try site.output("lab/results/index.html")
        #expect(html.contains("<tr><th scope=\"row\">Adam</th><td class=\"diverged\">diverged at epoch 1</td></tr>"))
        #expect(html.contains("<figcaption><span class=\"figure-label\">Figure 3.</span> Three epochs on 45 orders. <span class=\"diverged\">Adam diverged at epoch 1.</span>"))
    }

    @Test func aFailingCheckPointsAtItsLine() throws {
        #expect(try Self.errors(replacing: "\"double[3] == 6\"", with: "\"double[3] == 7\"")
                == ["content/lab/results.md:23:6: error: check failed: double[3] == 7; left side = 6, right side = 7"])
    }

    @Test func anUnknownBlockInProseSuggestsTheId() throws {
        #expect(try Self.errors(replacing: "{{ tiny-train[\"SGD\"]", with: "{{ tiny-trian[\"SGD\"]")
                == ["content/lab/results.md:75:16: error: inline result: no experiment with id 'tiny-trian' on this page (did you mean 'tiny-train'?)"])
    }

    @Test func anUnknownRunInProseSuggestsTheLabel() throws {
        #expect(try Self.errors(replacing: "{{ tiny-train[\"SGD\"]", with: "{{ tiny-train[\"SDG\"]")
                == ["content/lab/results.md:75:16: error: inline result: no run 'SDG' in 'tiny-train' (did you mean 'SGD'?)"])
    }

    @Test func anUnknownMetricInProseListsTheRecordedOnes() throws {
        #expect(try Self.errors(replacing: "\"SGD\"].test_mae", with: "\"SGD\"].test_mea")
                == ["content/lab/results.md:75:16: error: inline result: unknown name 'test_mea' (did you mean 'test_mae'?)"])
    }

    @Test func unsupportedOptionsAreRefusedAtTheOption() throws {
        #expect(try Self.errors(replacing: "activation: relu", with: "activation: gelu")
                == ["content/lab/results.md:59:40: error: unknown activation 'gelu' (did you mean 'relu'?)"])
        #expect(try Self.errors(replacing: "training: {epochs: 3, batch_size: 16}", with: "training: {epochs: 3, batch_size: 16, drop_last: true}")
                == ["content/lab/results.md:61:39: error: unknown key 'drop_last' in training; known keys: epochs, batch_size, shuffle, threads, evaluation_mode, clip_grad"])
    }
}
