import Testing
@testable import SVGCharts

@Suite struct BarChartTests {
    @Test func barsStartAtZeroAndCarryValueLabels() throws {
        let chart = LessonCharts.testMAE()
        let svg = chart.svg()
        let renderer = BarChartRenderer(chart: chart)
        #expect(renderer.x.domain == (0, 0.06))
        let zero = try #require(renderer.x(0))
        let xs = SVGInspection.captures("<rect class=\"sgc-bar\" x=\"([-0-9.]+)\"", in: svg).compactMap(Double.init)
        #expect(xs.count == 6)
        #expect(xs.allSatisfy { $0 == Double(NumberText.coordinate(zero)) })
        for label in ["0.0512", "0.0431", "0.0447", "0.0398", "0.0376", "0.0389"] {
            #expect(svg.contains(">\(label)</text>"))
        }
        #expect(svg.contains("Lowest: Warmup + cosine (0.0376); highest: Constant (0.0512)."))
    }

    @Test func widthOfBarsIsProportionalToValue() throws {
        let chart = BarChart(title: "b", bars: [("a", 1), ("b", 2)])
        let widths = SVGInspection.captures("<rect class=\"sgc-bar\" [^>]*width=\"([-0-9.]+)\"", in: chart.svg()).compactMap(Double.init)
        try #require(widths.count == 2)
        #expect(abs(widths[1] - 2 * widths[0]) <= 0.2)
    }

    @Test func heightGrowsWithTheNumberOfBars() {
        let three = BarChartRenderer(chart: BarChart(title: "b", bars: [("a", 1), ("b", 2), ("c", 3)]))
        let six = BarChartRenderer(chart: BarChart(title: "b", bars: (1...6).map { ("\($0)", Double($0)) }))
        #expect(six.size.height - three.size.height == 3 * BarChartRenderer.rowPitch)
    }

    @Test func negativeValuesExtendLeftOfZero() throws {
        let chart = BarChart(title: "delta", bars: [("gain", 0.3), ("loss", -0.2)], valueFormat: .percent(decimals: 0))
        let renderer = BarChartRenderer(chart: chart)
        #expect(renderer.x.domain.0 < 0)
        let svg = chart.svg()
        #expect(svg.contains(">30%</text>"))
        #expect(svg.contains(">\u{2212}20%</text>"))
        #expect(renderer.ticks.compactMap(\.label).contains("\u{2212}20%"))
        #expect(renderer.ticks.compactMap(\.label).contains("0%"))
    }

    @Test func longCategoryLabelsAreShortened() {
        let long = String(repeating: "very long schedule name ", count: 5)
        let renderer = BarChartRenderer(chart: BarChart(title: "b", bars: [(long, 1)]))
        #expect(renderer.labels[0].hasSuffix("…"))
        #expect(TextWidth.width(renderer.labels[0], fontSize: 15) <= 560 * BarChartRenderer.maxLabelShare)
        #expect(BarChart(title: "b", bars: [(long, 1)]).table().rows[0][0] == long)
    }
}
