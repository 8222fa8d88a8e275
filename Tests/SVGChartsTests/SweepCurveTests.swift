import Testing
@testable import SVGCharts

/// The chart of a final metric against a swept value: a line with a marker at every point, on a log x axis.
@Suite struct SweepCurveTests {
    static let chart = LineChart(title: "Final loss against lr", xLabel: "lr", yLabel: "final train_loss", xScale: .log, yScale: .log,
                                 series: [Series(label: "SGD", points: [(x: 0.001, y: 0.9), (x: 0.01, y: 0.2), (x: 0.1, y: 0.05),
                                                                         (x: 1, y: 0.4)], mark: .connectedPoints)])

    @Test func everyPointHasAMarkerOnOneLine() throws {
        let svg = Self.chart.svg()
        #expect(SVGInspection.linePaths(svg).count == 1)
        #expect(SVGInspection.count("<circle", in: svg) == 4)
        let layout = LineChartLayout(Self.chart)
        let d = try #require(SVGInspection.linePaths(svg).first)
        let xs = SVGInspection.coordinates(d).map(\.0)
        let expected = [0.001, 0.01, 0.1, 1].map { Double(NumberText.coordinate(layout.x($0) ?? .nan)) ?? .nan }
        #expect(xs == expected)
        // Decades are evenly spaced on the log axis.
        #expect(abs((expected[1] - expected[0]) - (expected[2] - expected[1])) < 0.2)
    }

    @Test func theReadoutStepsThroughTheSweptValues() throws {
        let json = try #require(Self.chart.readoutJSON())
        #expect(json.contains("\"x\":{\"scale\":\"log\""))
        #expect(json.contains("\"at\":[0.001,0.01,0.1,1]"))
        #expect(json.contains("{\"label\":\"SGD\",\"values\":[0.9,0.2,0.05,0.4]}"))
    }
}
