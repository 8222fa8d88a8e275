import Testing
@testable import SVGCharts

@Suite struct SizeTests {
    @Test func sixSeriesOf150EpochsStayUnder40KB() {
        let chart = LessonCharts.lossCurves(optimisers: ["SGD", "Momentum", "Nesterov", "RMSprop", "Adam", "AdamW"])
        #expect(chart.series.count == 6)
        #expect(chart.series.allSatisfy { $0.points.count == 150 })
        #expect(chart.svg().utf8.count < 40_000)
    }

    @Test func shortSeriesAreNotDownsampled() {
        // 150 points over ~400 units: every point is kept.
        let svg = LessonCharts.lossCurves().svg()
        let paths = SVGInspection.linePaths(svg)
        #expect(paths.count == 4)
        #expect(paths.allSatisfy { SVGInspection.coordinates($0).count == 150 })
    }

    @Test func lessonReferenceChartsAreCompact() {
        #expect(LessonCharts.schedules().svg().utf8.count < 40_000)
        #expect(LessonCharts.validationAccuracy().svg().utf8.count < 40_000)
        #expect(LessonCharts.testMAE().svg().utf8.count < 10_000)
    }
}
