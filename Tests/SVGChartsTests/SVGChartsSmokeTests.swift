import Testing
@testable import SVGCharts

@Suite struct SVGChartsSmokeTests {
    @Test func moduleLoads() { #expect(true) }
}
