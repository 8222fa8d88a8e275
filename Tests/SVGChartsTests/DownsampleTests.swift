import Foundation
import Testing
import TestSupport
@testable import SVGCharts

@Suite struct DownsampleTests {
    /// 10,000 points of a noisy sine with one spike up (at 6,789) and one down (at 1,234).
    static let values: [Double] = {
        var rng = SplitMix64(state: 7)
        return (0..<10_000).map { i in
            if i == 6789 { return 5 }
            if i == 1234 { return -5 }
            return 0.8 * sin(Double(i) / 500) + 0.1 * rng.symmetric()
        }
    }()

    @Test func longSeriesStaysSmallAndKeepsItsExtremes() throws {
        let chart = LineChart(title: "long", series: [Series(label: "noisy", values: Self.values, xStart: 0)])
        let svg = chart.svg()
        #expect(svg.utf8.count < 30_000)
        let layout = LineChartLayout(chart)
        let points = SVGInspection.coordinates(try #require(SVGInspection.linePaths(svg).first))
        #expect(points.count < 4 * Int(layout.plot.width))
        // The y domain is exactly -5…5, so the spike touches the plot's top and the dip its bottom.
        #expect(layout.y.domain == (-5, 5))
        let ys = points.map(\.1)
        #expect(ys.min() == Double(NumberText.coordinate(layout.plot.top)))
        #expect(ys.max() == Double(NumberText.coordinate(layout.plot.bottom)))
        // And they sit at the right x.
        let spikeX = try #require(layout.x(6789)), dipX = try #require(layout.x(1234))
        #expect(points.contains { abs($0.0 - spikeX) <= 0.05 && $0.1 == ys.min() })
        #expect(points.contains { abs($0.0 - dipX) <= 0.05 && $0.1 == ys.max() })
    }

    @Test func m4KeepsFirstLowestHighestAndLastPerColumn() {
        let points: [Downsample.Pixel] = [(0.1, 5), (0.2, 9), (0.3, 1), (0.4, 4), (0.5, 6), (1.2, 3), (1.5, 3)]
        let reduced = Downsample.m4(points, column: 1)
        #expect(reduced.map(\.x) == [0.1, 0.2, 0.3, 0.5, 1.2, 1.5])
        #expect(reduced.map(\.y) == [5, 9, 1, 6, 3, 3])
    }

    @Test func simplifyDropsPointsOnStraightRuns() {
        let line: [Downsample.Pixel] = (0...100).map { (Double($0), Double($0) * 0.5) }
        let simplified = Downsample.simplify(line, tolerance: 0.2)
        #expect(simplified.count == 2)
        // (5, 1.55) and (15, 1.45) lie within 0.05 of the chords through the corner (10, 3).
        let bent: [Downsample.Pixel] = [(0, 0), (5, 1.55), (10, 3), (15, 1.45), (20, 0)]
        #expect(Downsample.simplify(bent, tolerance: 0.2).map(\.x) == [0, 10, 20])
    }
}

extension DownsampleTests {
    @Test func m4KeepsTheCornerOfAStepInsideOneColumn() {
        let points: [Downsample.Pixel] = [(0.0, 10), (0.3, 10), (0.6, 10), (0.9, 10), (0.9, 50), (0.95, 50)]
        #expect(Downsample.m4(points, column: 1).map(\.x) == [0.0, 0.9, 0.9, 0.95])
        #expect(Downsample.m4(points, column: 1).map(\.y) == [10, 10, 50, 50])
    }
}

extension DownsampleTests {
    @Test func scatteredPointsAreThinnedPerPixelCellOnlyWhenNeeded() {
        let few: [Downsample.Pixel] = [(1.2, 1.2), (1.4, 1.3), (9, 9)]
        #expect(Downsample.thinPoints(few, plotWidth: 400).count == 3)
        let many: [Downsample.Pixel] = (0..<1000).map { (Double($0 % 10) + 0.5, 5.5) }
        #expect(Downsample.thinPoints(many, plotWidth: 400).map(\.x) == [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5])
    }
}
