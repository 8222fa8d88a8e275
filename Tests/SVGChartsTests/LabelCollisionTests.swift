import Testing
@testable import SVGCharts

@Suite struct LabelCollisionTests {
    @Test func separatedLabelsStayAtTheirLineEnds() {
        #expect(DirectLabels.place([50, 150], pitch: 18, top: 0, bottom: 300) == [50, 150])
    }

    @Test func closeLabelsAreNudgedApartAroundTheirMean() {
        // Three anchors around 102 → one cluster 18 apart, centred on the mean 102.
        #expect(DirectLabels.place([104, 100, 102], pitch: 18, top: 0, bottom: 300) == [120, 84, 102])
    }

    @Test func clustersStayInsideThePlot() {
        #expect(DirectLabels.place([0, 1], pitch: 18, top: 0, bottom: 300) == [0, 18])
        #expect(DirectLabels.place([300, 299], pitch: 18, top: 0, bottom: 300) == [300, 282])
    }

    @Test func tooManyLabelsDoNotFit() {
        #expect(DirectLabels.place(Array(repeating: 100, count: 18), pitch: 18, top: 0, bottom: 300) == nil)
        #expect(DirectLabels.place(Array(repeating: 100, count: 17), pitch: 18, top: 0, bottom: 300) != nil)
    }

    /// Label y positions of a chart's direct labels, in series order.
    private func labelYs(_ svg: String) -> [Double] {
        SVGInspection.captures("<text class=\"sgc-key sgc-s\\d\" data-series=\"\\d\" x=\"[-0-9.]+\" y=\"([-0-9.]+)\"", in: svg).compactMap(Double.init)
    }

    @Test func chartNudgesLabelsOfLinesEndingTogether() throws {
        let series = ["A", "B", "C"].map { Series(label: $0, values: [1, 2, 3]) }
        let svg = LineChart(title: "t", series: series).svg()
        let ys = labelYs(svg)
        try #require(ys.count == 3)
        let sorted = ys.sorted()
        #expect(sorted[1] - sorted[0] >= LineChartLayout.labelPitch - 0.1)
        #expect(sorted[2] - sorted[1] >= LineChartLayout.labelPitch - 0.1)
        #expect(SVGInspection.count("class=\"sgc-leader", in: svg) >= 2)
        #expect(!svg.contains("aria-label=\"legend\""))
    }

    @Test func fallsBackToALegendWhenLabelsCannotFit() {
        let series = (1...20).map { Series(label: "run \($0)", values: [1, 2, 3]) }
        let svg = LineChart(title: "t", series: series).svg()
        #expect(svg.contains("aria-label=\"legend\""))
        #expect(!svg.contains("aria-label=\"series labels\""))
        #expect(SVGInspection.count("<text class=\"sgc-key\"", in: svg) == 20)
    }

    @Test func veryLongLabelsUseALegend() {
        let long = String(repeating: "long optimiser name ", count: 4)
        let svg = LineChart(title: "t", series: [Series(label: long, values: [1, 2])]).svg()
        #expect(svg.contains("aria-label=\"legend\""))
    }

    @Test func crowdedXTicksAreThinnedUntilLabelsFit() {
        // 120 units for 0…1,000,000: one tick per 80 units would be too many wide labels.
        let scale = Scale(type: .linear, domain: (0, 1_234_567), range: (0, 120))
        let ticks = AxisTicks.make(scale, .horizontal, fontSize: 15)
        #expect(AxisTicks.fits(ticks, .horizontal, fontSize: 15))
        #expect(ticks.compactMap(\.label).count >= 2)
    }

    @Test func verticalRuleLabelsThatCollideMoveToAnotherRow() throws {
        let chart = LineChart(title: "t", series: [Series(label: "lr", values: Array(repeating: 1, count: 100))],
                              annotations: [.vertical(x: 10, label: "end of warmup"), .vertical(x: 12, label: "first decay")])
        let layout = LineChartLayout(chart)
        #expect(layout.ruleLabels.map(\.row) == [0, 1])
        let svg = chart.svg()
        let ys = SVGInspection.captures("<text class=\"sgc-note\" x=\"[-0-9.]+\" y=\"([-0-9.]+)\"", in: svg)
        #expect(Set(ys).count == 2)
    }
}
