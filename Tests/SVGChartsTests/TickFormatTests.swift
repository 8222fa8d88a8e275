import Testing
@testable import SVGCharts

@Suite struct TickFormatTests {
    @Test func decimalsFollowTheStep() {
        #expect(TickFormat.linear([0, 0.2, 0.4], step: 0.2) == ["0", "0.2", "0.4"])
        #expect(TickFormat.linear([0.02, 0.04], step: 0.02) == ["0.02", "0.04"])
        #expect(TickFormat.linear([0.001, 0.002], step: 0.001) == ["0.001", "0.002"])
        #expect(TickFormat.linear([0, 50, 100, 150], step: 50) == ["0", "50", "100", "150"])
    }

    @Test func tinyStepsUseExponents() {
        #expect(TickFormat.linear([0, 1e-4, 2e-4], step: 1e-4) == ["0", "1e-4", "2e-4"])
        #expect(TickFormat.linear([1e-4, 1.5e-4], step: 5e-5) == ["1e-4", "1.5e-4"])
    }

    @Test func thousandsUseSIUnits() {
        #expect(TickFormat.linear([0, 500, 1000, 1500, 3000], step: 500) == ["0", "500", "1k", "1.5k", "3k"])
        #expect(TickFormat.linear([0, 20000, 40000], step: 20000) == ["0", "20k", "40k"])
        #expect(TickFormat.linear([1_000_000, 1_500_000], step: 500_000) == ["1M", "1.5M"])
    }

    @Test func negativesUseTheMinusSign() {
        #expect(TickFormat.linear([-1, -0.5, 0, 0.5], step: 0.5) == ["\u{2212}1.0", "\u{2212}0.5", "0", "0.5"])
    }

    @Test func logLabels() {
        #expect(TickFormat.log(1e-4) == "1e-4")
        #expect(TickFormat.log(2e-5) == "2e-5")
        #expect(TickFormat.log(0.001) == "0.001")
        #expect(TickFormat.log(0.02) == "0.02")
        #expect(TickFormat.log(1) == "1")
        #expect(TickFormat.log(500) == "500")
        #expect(TickFormat.log(5000) == "5k")
        #expect(TickFormat.log(1e6) == "1M")
    }

    @Test func valueLabels() {
        #expect(TickFormat.value(150) == "150")
        #expect(TickFormat.value(0.0423) == "0.0423")
        #expect(TickFormat.value(3200) == "3.2k")
        #expect(TickFormat.value(2.5e-5) == "2.5e-5")
        #expect(TickFormat.value(-0.5) == "\u{2212}0.5")
        #expect(TickFormat.value(.nan) == "NaN")
        #expect(TickFormat.value(-.infinity) == "\u{2212}∞")
    }

    @Test func valueFormats() {
        #expect(ValueFormat.fixed(decimals: 3).text(0.04231) == "0.042")
        #expect(ValueFormat.percent(decimals: 1).text(0.973) == "97.3%")
        #expect(ValueFormat.automatic.text(0.0376) == "0.0376")
    }

    @Test func coordinatesHaveOneDecimal() {
        #expect(NumberText.coordinate(12.34) == "12.3")
        #expect(NumberText.coordinate(7.0) == "7")
        #expect(NumberText.coordinate(-0.04) == "0")
        #expect(NumberText.coordinate(-3.25) == "-3.3")
        #expect(NumberText.coordinate(.nan) == "0")
    }
}
