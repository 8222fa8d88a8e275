import Testing
@testable import SVGCharts

@Suite struct LogTicksTests {
    @Test func decadesAndMinorsFrom1e4To1() {
        let ticks = LogTicks.ticks(1e-4, 1)
        #expect(ticks.filter(\.isDecade).map(\.value) == [1e-4, 1e-3, 1e-2, 1e-1, 1])
        let minors = ticks.filter { !$0.isDecade }
        #expect(minors.count == 32) // 2…9 in each of the four decades
        #expect(minors.prefix(8).map(\.value) == [2e-4, 3e-4, 4e-4, 5e-4, 6e-4, 7e-4, 8e-4, 9e-4])
        #expect(minors.suffix(3).map(\.value) == [0.7, 0.8, 0.9])
    }

    @Test func ticksStayInsideTheDomain() {
        #expect(LogTicks.ticks(0.03, 0.6).map(\.value) == [0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
        #expect(LogTicks.ticks(0, 1).isEmpty)
        #expect(LogTicks.ticks(-1, 1).isEmpty)
    }

    @Test func niceDomainRoundsToOneTwoFive() {
        #expect(LogTicks.nice(0.023, 2.4) == (0.02, 5))
        #expect(LogTicks.nice(0.0012, 0.9) == (0.001, 1))
        #expect(LogTicks.nice(0.06, 0.3) == (0.05, 0.5))
        #expect(LogTicks.nice(100, 100) == (100, 100))
    }

    @Test func axisLabelsEveryDecadeWithMinorGridlines() {
        let scale = Scale(type: .log, domain: (1e-4, 1), range: (270, 0))
        let ticks = AxisTicks.make(scale, .vertical, fontSize: 15)
        #expect(ticks.compactMap(\.label) == ["1e-4", "0.001", "0.01", "0.1", "1"])
        #expect(ticks.filter(\.isMinor).count == 32)
        #expect(ticks.filter(\.isMinor).allSatisfy { $0.label == nil })
    }

    @Test func crowdedDecadesAreThinnedAndLoseMinors() {
        // 15 units per decade: labels need 1.15 em = 17.25 units, so every second decade is labelled.
        let scale = Scale(type: .log, domain: (1e-4, 1), range: (60, 0))
        let ticks = AxisTicks.make(scale, .vertical, fontSize: 15)
        #expect(ticks.compactMap(\.label) == ["1e-4", "0.01", "1"])
        #expect(ticks.allSatisfy { !$0.isMinor })
        #expect(ticks.count == 5)
    }

    @Test func fewDecadesAlsoLabelTwoAndFive() {
        let scale = Scale(type: .log, domain: (0.02, 5), range: (270, 0))
        let labels = AxisTicks.make(scale, .vertical, fontSize: 15).compactMap(\.label)
        #expect(labels == ["0.02", "0.05", "0.1", "0.2", "0.5", "1", "2", "5"])
    }

    @Test func domainWithinOneDecadeLabelsEveryMantissa() {
        let scale = Scale(type: .log, domain: (0.2, 0.9), range: (270, 0))
        #expect(AxisTicks.make(scale, .vertical, fontSize: 15).compactMap(\.label) == ["0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"])
    }
}
