import Testing
@testable import SVGCharts

/// Expected values follow d3-array's `ticks` / `tickIncrement` and d3-scale's `linear.nice`, worked by hand.
@Suite struct NiceTicksTests {
    @Test func zeroToOneInTenths() {
        #expect(NiceTicks.ticks(0, 1, count: 10) == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
        #expect(NiceTicks.increment(0, 1, count: 10) == -10) // d3: tickIncrement(0, 1, 10) = -10
    }

    @Test func zeroToOneFiveTicksStepsByPointTwo() {
        #expect(NiceTicks.ticks(0, 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    }

    @Test func zeroTo150() {
        // span/count = 30 → 10¹ × 3; 3 < √10 so the factor is 2 → step 20.
        #expect(NiceTicks.ticks(0, 150, count: 5) == [0, 20, 40, 60, 80, 100, 120, 140])
        // span/count = 50 → 5 ≥ √10 → step 50.
        #expect(NiceTicks.ticks(0, 150, count: 3) == [0, 50, 100, 150])
    }

    @Test func smallDecimalRange() {
        // 0.0034…0.0871: span/5 = 0.01674 → 1.674 × 10⁻², factor 2 → step 0.02.
        #expect(NiceTicks.ticks(0.0034, 0.0871, count: 5) == [0.02, 0.04, 0.06, 0.08])
        // span/10 = 0.00837 → 8.37 ≥ √50 → factor 10 → step 0.01.
        #expect(NiceTicks.ticks(0.0034, 0.0871, count: 10) == [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08])
        #expect(NiceTicks.step(0.0034, 0.0871, count: 5) == 0.02)
    }

    @Test func negativeRanges() {
        #expect(NiceTicks.ticks(-7.3, 2.1, count: 5) == [-6, -4, -2, 0, 2])
        #expect(NiceTicks.ticks(-1, -0.2, count: 5) == [-1, -0.8, -0.6, -0.4, -0.2])
    }

    @Test func reversedDomainGivesDescendingTicks() {
        #expect(NiceTicks.ticks(1, 0, count: 5) == [1.0, 0.8, 0.6, 0.4, 0.2, 0])
    }

    @Test func degenerateInputs() {
        #expect(NiceTicks.ticks(5, 5, count: 10) == [5])
        #expect(NiceTicks.ticks(0, 1, count: 0) == [])
        #expect(NiceTicks.ticks(.nan, 1, count: 5) == [])
        #expect(NiceTicks.ticks(0, .infinity, count: 5) == [])
    }

    @Test func niceExtendsToStepMultiples() {
        let (lo, hi) = NiceTicks.nice(0.0034, 0.0871, count: 5)
        #expect(lo == 0)
        #expect(hi == 0.1)
        let (a, b) = NiceTicks.nice(0.2, 9.7, count: 10)
        #expect(a == 0)
        #expect(b == 10)
        let (c, d) = NiceTicks.nice(-7.3, 2.1, count: 5)
        #expect(c == -8)
        #expect(d == 4)
    }

    @Test func linearAxisAsksForOneTickPer80UnitsOnX() {
        // 400 units → count 5 over 0…150 → step 20 (as above), all labels fit.
        let scale = Scale(type: .linear, domain: (0, 150), range: (0, 400))
        let ticks = AxisTicks.make(scale, .horizontal, fontSize: 15)
        #expect(ticks.map(\.value) == [0, 20, 40, 60, 80, 100, 120, 140])
        #expect(ticks.map(\.position) == [0, 20, 40, 60, 80, 100, 120, 140].map { $0 / 150 * 400 })
    }

    @Test func linearAxisAsksForOneTickPer35UnitsOnY() {
        // 175 units → count 5 over 0…1 → step 0.2.
        let scale = Scale(type: .linear, domain: (0, 1), range: (175, 0))
        #expect(AxisTicks.make(scale, .vertical, fontSize: 15).compactMap(\.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }
}
