import Foundation
import Testing
@testable import SVGCharts

/// The JSON a page script reads to answer a pointer over a line chart (`LineChart.readoutJSON()`).
@Suite struct ReadoutTests {
    struct Readout: Decodable {
        struct Axis: Decodable {
            var scale: String
            var domain: [Double]
            var range: [Double]
        }
        struct Line: Decodable {
            var label: String
            var values: [Value?]
        }
        /// A number, or the table's text for a value that is not finite.
        enum Value: Decodable, Equatable {
            case number(Double)
            case text(String)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .text(try c.decode(String.self)) }
            }
        }
        var x: Axis
        var y: Axis
        var label: String
        var at: [Double]
        var series: [Line]
    }

    func decode(_ chart: LineChart) throws -> Readout {
        let json = try #require(chart.readoutJSON())
        return try JSONDecoder().decode(Readout.self, from: Data(json.utf8))
    }

    @Test func everyEpochWithTheTablesDigitsAndTheDrawnScales() throws {
        let chart = LessonCharts.lossCurves()
        let readout = try decode(chart)
        let layout = LineChartLayout(chart)
        #expect(readout.label == "Epoch")
        #expect(readout.at == (1...150).map(Double.init))
        #expect(readout.x.scale == "linear" && readout.y.scale == "log")
        #expect(readout.x.domain == [layout.x.domain.0, layout.x.domain.1])
        #expect(readout.y.domain == [layout.y.domain.0, layout.y.domain.1])
        #expect(abs(readout.x.range[0] - layout.plot.left) < 0.006 && abs(readout.x.range[1] - layout.plot.right) < 0.006)
        #expect(abs(readout.y.range[0] - layout.plot.bottom) < 0.006 && abs(readout.y.range[1] - layout.plot.top) < 0.006)
        #expect(readout.series.map(\.label) == chart.series.map(\.label))
        // The values are the data table's cells, which round the data to six significant digits.
        let table = chart.table()
        for (i, line) in readout.series.enumerated() {
            #expect(line.values.count == 150)
            for (row, value) in line.values.enumerated() {
                #expect(value.map { if case .number(let d) = $0 { ChartTable.cell(d) } else { "" } } == table.rows[row][i + 1])
                let exact = chart.series[i].points[row].y
                if case .number(let d)? = value { #expect(abs(d - exact) <= 5e-6 * abs(exact)) }
            }
        }
    }

    @Test func seriesLongerThanThePlotIsWideAreSampledEvenlyKeepingBothEnds() throws {
        let values = (0..<5000).map { 1 + sin(Double($0) / 300) }
        let chart = LineChart(title: "t", xLabel: "Step", series: [Series(label: "a", values: values, xStart: 0)])
        let readout = try decode(chart)
        let width = LineChartLayout(chart).plot.width
        #expect(readout.at.count == Int(width))
        #expect(readout.at.first == 0 && readout.at.last == 4999)
        let steps = zip(readout.at.dropFirst(), readout.at).map { $0 - $1 }
        #expect((steps.max() ?? 0) - (steps.min() ?? 0) <= 1, "evenly spaced")
        for (x, value) in zip(readout.at, readout.series[0].values) {
            #expect(value == .number(Double(ChartTable.cell(values[Int(x)]))!))
        }
    }

    @Test func missingPointsAreNullAndNonFiniteOnesAreSpelledOut() throws {
        let chart = LineChart(title: "t", yScale: .log, series: [
            Series(label: "diverged", values: [1, 3, .nan, .infinity]),
            Series(label: "fine", values: [-0.5, 0.25, 0.2, 0.1]),
            Series(label: "short", values: [0.5]),
        ])
        let readout = try decode(chart)
        #expect(readout.at == [1, 2, 3, 4])
        #expect(readout.series[0].values == [.number(1), .number(3), .text("NaN"), .text("∞")])
        // A negative value cannot be drawn on a log axis, but the readout still tells it (ASCII minus, for JSON).
        #expect(readout.series[1].values == [.number(-0.5), .number(0.25), .number(0.2), .number(0.1)])
        #expect(readout.series[2].values == [.number(0.5), nil, nil, nil])
    }

    @Test func smallAndLargeValuesUseExponentsAsTheTableDoes() throws {
        let chart = LineChart(title: "t", series: [Series(label: "a", values: [-2.5e-5, 1e-4, 3e15])])
        let json = try #require(chart.readoutJSON())
        #expect(json.contains("\"values\":[-2.5e-5,0.0001,3e15]"))
        #expect(ChartTable.cell(-2.5e-5) == "\u{2212}2.5e-5")
    }

    @Test func labelsCannotCloseTheScriptElement() throws {
        let chart = LineChart(title: "t", xLabel: "a </script><script>alert(1)</script>",
                              series: [Series(label: "\"quoted\" & <b>bold</b>\n", values: [1, 2])])
        let json = try #require(chart.readoutJSON())
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        let readout = try decode(chart)
        #expect(readout.label == "a </script><script>alert(1)</script>")
        #expect(readout.series[0].label == "\"quoted\" & <b>bold</b>\n")
    }

    @Test func aChartWithoutDrawableDataHasNoReadout() {
        #expect(LineChart(title: "t", series: []).readoutJSON() == nil)
        #expect(LineChart(title: "t", series: [Series(label: "a", values: [.nan])]).readoutJSON() == nil)
    }

    @Test func seriesGroupsLabelsAndLegendEntriesNameTheirSeries() {
        let svg = LessonCharts.lossCurves().svg()
        for i in 0..<4 {
            #expect(svg.contains("class=\"sgc-series sgc-s\(i + 1)\" role=\"group\" aria-label=\"series \(LessonCharts.lossCurves().series[i].label)\" data-series=\"\(i)\""))
            #expect(svg.contains("data-series=\"\(i)\" x="), "the series' label")
        }
        let legend = LessonCharts.lossCurves(optimisers: ["a long optimiser name", "another long optimiser name",
                                                          "a third long optimiser name"]).svg()
        #expect(legend.contains("<g class=\"sgc-entry sgc-s2\" data-series=\"1\">"))
    }
}
