import Testing
@testable import SVGCharts

@Suite struct StepAndAnnotationTests {
    @Test func stepHoldsEachValueUntilTheNextX() throws {
        let chart = LineChart(title: "lr", series: [Series(label: "step", points: [(x: 0, y: 1), (x: 1, y: 0.5), (x: 2, y: 0.25)], mark: .step)],
                              xDomain: 0...2, yDomain: 0...1)
        let layout = LineChartLayout(chart)
        let d = try #require(SVGInspection.linePaths(chart.svg()).first)
        let expected: [(Double, Double)] = [(0, 1), (1, 1), (1, 0.5), (2, 0.5), (2, 0.25)].map { p in
            (Double(NumberText.coordinate(layout.x(p.0) ?? .nan)) ?? .nan, Double(NumberText.coordinate(layout.y(p.1) ?? .nan)) ?? .nan)
        }
        let actual = SVGInspection.coordinates(d)
        #expect(actual.map(\.0) == expected.map(\.0))
        #expect(actual.map(\.1) == expected.map(\.1))
    }

    @Test func pointsMarkDrawsMarkersWithoutALine() {
        let svg = LineChart(title: "p", series: [Series(label: "p", values: [1, 2, 3], mark: .points)]).svg()
        #expect(SVGInspection.linePaths(svg).isEmpty)
        #expect(SVGInspection.count("<circle", in: svg) == 3)
        #expect(svg.contains("Scatter plot of 1 series."))
    }

    @Test func verticalRuleIsLabelledAbovePlot() throws {
        let svg = LessonCharts.schedules().svg()
        let layout = LineChartLayout(LessonCharts.schedules())
        let x = try #require(layout.x(250))
        #expect(svg.contains("<line class=\"sgc-rule\" x1=\"\(NumberText.coordinate(x))\" x2=\"\(NumberText.coordinate(x))\" y1=\"\(NumberText.coordinate(layout.plot.top))\""))
        #expect(svg.contains(">end of warmup</text>"))
        #expect(svg.contains("Vertical line at Step 250: end of warmup."))
    }

    @Test func horizontalRuleExtendsTheDomainAndIsLabelled() {
        let chart = LineChart(title: "acc", series: [Series(label: "a", values: [0.5, 0.9])],
                              annotations: [.horizontal(y: 0.1, label: "chance")])
        #expect(LineChartLayout(chart).y.domain.0 <= 0.1)
        #expect(chart.svg().contains("<text class=\"sgc-note sgc-halo\""))
    }

    @Test func logXAxis() {
        let chart = LineChart(title: "lr sweep", xLabel: "Learning rate", xScale: .log, yScale: .log,
                              series: [Series(label: "loss", points: [(x: 1e-5, y: 2), (x: 1e-3, y: 0.3), (x: 1e-1, y: 5)])])
        let layout = LineChartLayout(chart)
        #expect(layout.xTicks.compactMap(\.label) == ["1e-5", "1e-4", "0.001", "0.01", "0.1"])
        #expect(chart.svg().contains("Learning rate (log scale) →"))
    }
}
