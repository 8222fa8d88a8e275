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
}
