import Testing
@testable import SVGCharts

@Suite struct EscapingTests {
    let hostile = "<script>alert(\"x\")</script> & 'co'"

    @Test func lineChartRendersEveryUserStringAsText() {
        let chart = LineChart(title: hostile, description: hostile, xLabel: hostile, yLabel: hostile,
                              series: [Series(label: hostile, values: [1, 2, 3])],
                              annotations: [.vertical(x: 2, label: hostile), .horizontal(y: 2, label: hostile)],
                              showsTitle: true)
        let svg = chart.svg()
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("& "))
        #expect(SVGInspection.count("&lt;script&gt;", in: svg) >= 8)
        let html = chart.table().html()
        #expect(!html.contains("<script"))
        #expect(html.contains("<caption>&lt;script&gt;"))
    }

    @Test func barChartRendersEveryUserStringAsText() {
        let svg = BarChart(title: hostile, description: hostile, valueLabel: hostile, bars: [(hostile, 1)], showsTitle: true).svg()
        #expect(!svg.contains("<script"))
        #expect(SVGInspection.count("&lt;script&gt;", in: svg) >= 5)
    }

    @Test func customIDsKeepOnlySafeCharacters() {
        let svg = LineChart(title: "t", series: [], id: "a\"><b").svg()
        #expect(svg.contains("aria-labelledby=\"ab-title ab-desc\""))
    }
}
