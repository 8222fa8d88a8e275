import Testing
@testable import SVGCharts

@Suite struct DeterminismTests {
    @Test func sameInputGivesIdenticalBytes() {
        #expect(LessonCharts.lossCurves().svg() == LessonCharts.lossCurves().svg())
        #expect(LessonCharts.schedules().svg() == LessonCharts.schedules().svg())
        #expect(LessonCharts.testMAE().svg() == LessonCharts.testMAE().svg())
        #expect(LessonCharts.lossCurves().table() == LessonCharts.lossCurves().table())
    }

    @Test func differentInputGivesDifferentOutput() {
        var chart = LessonCharts.lossCurves()
        let before = chart.svg()
        chart.series.swapAt(0, 1)
        #expect(chart.svg() != before)
    }

    @Test func everyCoordinateHasAtMostOneDecimal() {
        let svg = LessonCharts.lossCurves().svg() + LessonCharts.schedules().svg() + LessonCharts.testMAE().svg()
        let attributes = SVGInspection.captures(" (?:d|x|y|x1|x2|y1|y2|cx|cy|r|width|height)=\"([^\"]*)\"", in: svg)
        #expect(!attributes.isEmpty)
        let long = attributes.filter { !SVGInspection.captures("(\\.[0-9]{2,})", in: $0).isEmpty }
        #expect(long.isEmpty)
    }

    @Test func idsDeriveFromContent() {
        let a = LineChart(title: "Loss", series: [Series(label: "Adam", values: [1])]).svg()
        let b = LineChart(title: "Accuracy", series: [Series(label: "Adam", values: [1])]).svg()
        let idA = SVGInspection.captures("<title id=\"([^\"]*)\"", in: a)
        let idB = SVGInspection.captures("<title id=\"([^\"]*)\"", in: b)
        #expect(idA.count == 1)
        #expect(idA != idB)
    }
}
