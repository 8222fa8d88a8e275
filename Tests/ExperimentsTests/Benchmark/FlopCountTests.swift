import Diagnostics
import Testing
@testable import Experiments

@Suite struct FlopCountTests {
    /// sgd-variants: layers 4→64→32→1 (2336 multiply-adds, 256 in the first layer), 1600 training and 400
    /// test samples, train_loss and test_mae recorded, 150 epochs, 4 runs:
    /// ((6·2336 − 2·256)·1600 + 2·2336·1600 + 2·2336·400) · 150 · 4 = 18 570 240 000.
    @Test func trainBlockIsCountedFromItsShapes() throws {
        let spec = try ExperimentSpec.parse(yaml: SeedBlocks.sgdVariants, at: SourceLocation(file: "t.md", line: 1, column: 1))
        #expect(FlopCount.estimate(spec) == 18_570_240_000)
    }

    @Test func tracesAndSchedulesCountNothing() throws {
        let spec = try ExperimentSpec.parse(yaml: SeedBlocks.sgdMomentumScratch, at: SourceLocation(file: "t.md", line: 1, column: 1))
        #expect(FlopCount.estimate(spec) == 0)
    }

    @Test func peakIsCoresTimesClockTimes32() {
        #expect(MachinePeak(cores: 2, gigahertz: 2.5).flops == 160e9)
    }

    @Test func peakDoublesWhereTheCPUHasAVX512() {
        let avx2 = "processor\t: 0\ncpu MHz\t\t: 2245.780\nflags\t\t: fpu sse2 avx avx2 fma\n"
        let avx512 = "processor\t: 0\ncpu MHz\t\t: 2300.000\nflags\t\t: fpu avx2 fma avx512f avx512bw\n"
        #expect(MachinePeak(cores: 2, cpuinfo: avx2).flopsPerCycle == 32)
        #expect(abs(MachinePeak(cores: 2, cpuinfo: avx2).gigahertz - 2.24578) < 1e-12)
        #expect(MachinePeak(cores: 2, cpuinfo: avx512).flops == 2 * 2.3e9 * 64)
        #expect(MachinePeak(cores: 2, cpuinfo: "").gigahertz == 2)
    }
}
