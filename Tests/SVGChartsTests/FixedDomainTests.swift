import Testing
@testable import SVGCharts

@Suite struct FixedDomainTests {
    @Test func fixedDomainsClipTheSeries() {
        let chart = LineChart(title: "zoom", series: [Series(label: "a", values: [1, 5, 2, 8])], yDomain: 0...4, id: "z")
        let svg = chart.svg()
        #expect(LineChartLayout(chart).y.domain == (0, 4))
        #expect(svg.contains("<clipPath id=\"z-clip\">"))
        #expect(svg.contains("clip-path=\"url(#z-clip)\""))
        #expect(!LessonCharts.lossCurves().svg().contains("clipPath"))
    }

    @Test func extremeCoordinatesStayPlainDecimals() {
        let chart = LineChart(title: "far", series: [Series(label: "a", values: [1, 1e300])], yDomain: 0...1)
        let d = SVGInspection.linePaths(chart.svg()).joined()
        #expect(!d.contains("e"))
        #expect(d.contains("-1000000"))
    }
}
