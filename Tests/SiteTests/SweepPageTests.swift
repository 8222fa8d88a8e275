import Foundation
import Testing
@testable import Site

/// A sweep in a real build: the page without JavaScript shows the default point's table and a table of every
/// point, the prose quotes a point, the CSV beside the page holds every point, and the page script is linked.
@Suite struct SweepPageTests {
    @Test func aSweepBuildsIntoAPageThatWorksWithoutJavaScript() throws {
        let site = try ExperimentStageTests.site(replacing: "caption: Three epochs on 45 orders.\n```\n\nSGD ends at {{ tiny-train[\"SGD\"].test_mae | .4f }} minutes.",
                                                 with: """
            caption: Three epochs on 45 orders.
            sweep:
              lr: [0.001, 0.01, 0.1]
              default: {lr: 0.01}
              chart: {y: test_mae, x_scale: log}
            checks:
              - "[lr=0.1]['SGD'].train_loss < [lr=0.001]['SGD'].train_loss"
            ```

            SGD ends at {{ tiny-train[lr=0.1]["SGD"].test_mae | .4f }} minutes.
            """)
        defer { site.remove() }
        try site.build()
        let html = try site.output("lab/results/index.html")
        // The prose's number is the cell of the every-point table's row for lr=0.1, SGD.
        let quoted = try #require(html.firstMatch(of: /SGD ends at <span class="inline-result" title="[^"]*">([0-9.]+)<\/span> minutes/)?.1)
        #expect(html.contains("<tr><td class=\"num\">0.1</td><td>SGD</td><td class=\"num\">\(quoted)</td></tr>"))
        // The default point's table is in the page, outside the templates; every point is in a template.
        let view = try #require(html.firstMatch(of: /<div class="sweep-view">\n([\s\S]*?)<\/div>\n<template/)?.1)
        #expect(view.contains("<table class=\"results\">"))
        #expect(html.matches(of: /<template class="sweep-point" data-point="\d" data-text="lr=[^"]*">/).count == 3)
        #expect(html.contains("aria-valuetext=\"lr = 0.01\" disabled>"))
        #expect(html.contains("1 claim checked"))
        let csv = try site.output("lab/results/tiny-train.csv").split(separator: "\n")
        #expect(csv.first == "lr,run,epoch,test_mae,train_loss")
        for lr in ["0.001", "0.01", "0.1"] {
            #expect(csv.filter { $0.hasPrefix("\(lr),SGD,") }.count == 3)
            #expect(csv.filter { $0.hasPrefix("\(lr),Adam,") }.count == 3)
        }
    }
}
