import Foundation
import Testing
@testable import Site

/// A line chart's figure carries the data its page script reads to answer a pointer: the values of the CSV
/// at every x, to the data table's six significant digits, in a focusable, named chart box.
@Suite struct ChartReadoutTests {
    struct Readout: Decodable {
        struct Line: Decodable {
            var label: String
            var values: [Double?]
        }
        var label: String
        var at: [Double]
        var series: [Line]
    }

    @Test func theReadoutHoldsTheCSVValuesAtEveryEpoch() throws {
        let site = try ExperimentStageTests.site(replacing: "caption: Three epochs on 45 orders.",
                                                 with: "chart: {type: line, y: train_loss}\ncaption: Three epochs on 45 orders.")
        defer { site.remove() }
        try site.build()
        let html = try site.output("lab/results/index.html")
        #expect(html.contains("<div class=\"chart\" role=\"group\" tabindex=\"0\" aria-label=\"Two optimisers\">\n<svg "))
        let json = try #require(html.firstMatch(of: /<script type="application\/json" class="chart-readout">([^<]*)<\/script>\n<\/div>/)?.1)
        let readout = try JSONDecoder().decode(Readout.self, from: Data(json.utf8))
        #expect(readout.label == "Epoch")
        #expect(readout.at == [1, 2, 3])
        #expect(readout.series.map(\.label) == ["SGD", "Adam"])

        // run,epoch,test_mae,train_loss
        var csv: [String: [Double: Double]] = [:]
        for line in try site.output("lab/results/tiny-train.csv").split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            csv[fields[0], default: [:]][try #require(Double(fields[1]))] = try #require(Double(fields[3]))
        }
        for line in readout.series {
            for (x, value) in zip(readout.at, line.values) {
                let exact = try #require(csv[line.label]?[x])
                let shown = try #require(value)
                #expect(abs(shown - exact) <= 5e-6 * abs(exact), "\(line.label) at epoch \(x): \(shown) against the CSV's \(exact)")
            }
        }
    }
}
