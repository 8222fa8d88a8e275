import Testing
@testable import SVGCharts

@Suite struct NonFiniteTests {
    @Test func nanBreaksTheLineInsteadOfBreakingThePath() throws {
        let chart = LineChart(title: "t", series: [Series(label: "a", values: [1, 2, .nan, 4, 5, .infinity, 7, 8])])
        let svg = chart.svg()
        let d = try #require(SVGInspection.linePaths(svg).first)
        #expect(SVGInspection.count("M", in: d) == 3)
        #expect(SVGInspection.coordinates(d).count == 6)
        #expect(!svg.contains("NaN,"))
        #expect(!svg.contains("inf"))
        #expect(svg.contains("2 of 8 values are not finite and are not drawn"))
    }

    @Test func divergedRunEndsWhereItsLastFiniteValueIs() throws {
        let diverged = Series(label: "lr too high", values: [1, 3, 40, .nan, .nan, .nan])
        let fine = Series(label: "ok", values: [1, 0.8, 0.6, 0.5, 0.45, 0.4])
        let chart = LineChart(title: "t", yScale: .log, series: [diverged, fine])
        let layout = LineChartLayout(chart)
        // The diverged run is labelled next to its last point, the other one in the right margin.
        #expect(layout.directLabels.map(\.series) == [1])
        #expect(layout.endLabels.map(\.series) == [0])
        #expect(layout.endLabels.first?.x == 3)
        #expect(layout.y.domain == (0.2, 50))
        #expect(chart.svg().contains("lr too high: last value 40 at x 3"))
    }

    @Test func logScaleSkipsZeroAndNegativeValues() throws {
        let chart = LineChart(title: "t", yScale: .log, series: [Series(label: "a", values: [1, 0.1, 0, -1, 0.01, 0.001])])
        let svg = chart.svg()
        let d = try #require(SVGInspection.linePaths(svg).first)
        #expect(SVGInspection.count("M", in: d) == 2)
        #expect(LineChartLayout(chart).y.domain == (0.001, 1))
        #expect(svg.contains("2 of 6 values are not finite or not positive on a log axis"))
    }

    @Test func emptyChartAndEmptySeriesDoNotCrash() {
        let none = LineChart(title: "empty", series: []).svg()
        #expect(none.contains("No data to plot"))
        #expect(!none.contains("class=\"sgc-tick\""))
        let emptySeries = LineChart(title: "empty", yScale: .log, series: [Series(label: "a", values: [])]).svg()
        #expect(emptySeries.contains("a: no values that can be drawn."))
        let allNaN = LineChart(title: "nan", series: [Series(label: "a", values: [.nan, .nan])]).svg()
        #expect(allNaN.contains("No data to plot"))
        #expect(SVGInspection.linePaths(allNaN).isEmpty)
    }

    @Test func singlePointIsDrawnAsAMarker() {
        let svg = LineChart(title: "one", series: [Series(label: "a", points: [(x: 3, y: 0.5)])]).svg()
        #expect(SVGInspection.linePaths(svg).isEmpty)
        #expect(svg.contains("<circle"))
        #expect(svg.contains("a: last value 0.5 at x 3."))
    }

    @Test func isolatedPointBetweenGapsIsStillVisible() {
        let svg = LineChart(title: "t", series: [Series(label: "a", values: [1, 2, .nan, 3, .nan, 4, 5])]).svg()
        // Two 2-point segments form the line; the lone 3 gets a marker of its own.
        #expect(SVGInspection.count("M", in: SVGInspection.linePaths(svg).joined()) == 2)
        #expect(SVGInspection.count("<circle", in: svg) >= 2)
    }

    @Test func invalidDomainsAreIgnored() {
        let chart = LineChart(title: "t", yScale: .log, series: [Series(label: "a", values: [1, 10])], yDomain: -1...5)
        #expect(LineChartLayout(chart).y.domain == (1, 10))
    }

    @Test func barChartWithNonFiniteValue() {
        let svg = BarChart(title: "b", bars: [("ok", 2), ("diverged", .nan), ("inf", .infinity)]).svg()
        #expect(SVGInspection.count("<rect", in: svg) == 1)
        #expect(svg.contains(">NaN</text>"))
        #expect(svg.contains(">∞</text>"))
    }

    @Test func extremeMagnitudesDoNotCrash() {
        let wild: [Double] = [1e308, -1e308, .leastNonzeroMagnitude, 0, .greatestFiniteMagnitude, -.leastNonzeroMagnitude]
        for yScale in [ScaleType.linear, .log] {
            let svg = LineChart(title: "wild", xScale: yScale, yScale: yScale,
                                series: [Series(label: "w", points: wild.map { (x: $0, y: $0) }),
                                         Series(label: "p", points: wild.map { (x: $0, y: $0) }, mark: .points)]).svg()
            #expect(svg.hasSuffix("</svg>\n"))
            #expect(!svg.contains("nan"))
        }
        #expect(BarChart(title: "wild", bars: wild.map { ("v", $0) }).svg().hasSuffix("</svg>\n"))
    }
}
