import Foundation
import Testing
@testable import SVGCharts

/// Byte-for-byte comparison of the lesson's charts with the SVGs committed in `Reference/`.
///
/// After an intended change to the output, look at the new charts and rewrite the references with
///     SITEGEN_UPDATE_SNAPSHOTS=1 swift test --filter SVGChartsTests.ReferenceChartTests
/// (the files are written into the source tree, next to this file).
@Suite struct ReferenceChartTests {
    static let updating = ProcessInfo.processInfo.environment["SITEGEN_UPDATE_SNAPSHOTS"] == "1"

    func compare(_ svg: String, with name: String, filePath: String = #filePath) throws {
        if Self.updating {
            let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
                .appendingPathComponent("Reference").appendingPathComponent(name + ".svg")
            try svg.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let folder = try #require(Bundle.module.url(forResource: "Reference", withExtension: nil))
        let expected = try String(contentsOf: folder.appendingPathComponent(name + ".svg"), encoding: .utf8)
        #expect(svg == expected, "\(name).svg differs from the reference; rerun with SITEGEN_UPDATE_SNAPSHOTS=1 if intended")
    }

    @Test func lossCurvesOfFourOptimisersOnLogAxis() throws {
        try compare(LessonCharts.lossCurves().svg(), with: "loss-curves")
    }

    @Test func sixLearningRateSchedules() throws {
        try compare(LessonCharts.schedules().svg(), with: "lr-schedules")
    }

    @Test func validationAccuracyOfThreeOptimisers() throws {
        try compare(LessonCharts.validationAccuracy().svg(), with: "validation-accuracy")
    }

    @Test func testMAEBarChart() throws {
        try compare(LessonCharts.testMAE().svg(), with: "test-mae")
    }
}
