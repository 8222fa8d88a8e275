import Diagnostics
import Foundation
import Testing
@testable import Experiments
import TestSupport

/// Options the spec format names (torch's vocabulary) but the numeric core cannot run yet are refused
/// when the block is read, at the option itself, with what to write instead, so nothing runs.
@Suite struct UnsupportedOptionTests {
    static func errors(_ yaml: String) -> [String] {
        SpecParsing.errors(yaml)
    }

    @Test func activationOutsideTheWidthsForm() {
        // Line 9 of the block: model: {layers: [4, 8, 1], activation: gelu, seed: 1}; tanh and sigmoid run.
        #expect(Self.errors(TinyBlocks.train(activation: "tanh")) == [])
        #expect(Self.errors(TinyBlocks.train(activation: "gelu")) == ["tiny.md:18:40: error: unknown activation 'gelu' (did you mean 'relu'?)"])
    }

    @Test func plateauMonitorsOnlyLosses() throws {
        let yaml = TinyBlocks.train(runs: [("SGD", "{name: SGD, lr: 0.01}")])
            + "    scheduler: {name: ReduceLROnPlateau, monitor: test_mae}\n"
        let fixed = try yaml.replacingOnce("metrics: [train_loss, test_mae]\n    scheduler", with: "    scheduler")
            + "metrics: [train_loss, test_mae]\n"
        #expect(Self.errors(fixed) == [
            "tiny.md:24:51: error: ReduceLROnPlateau cannot monitor 'test_mae' here; use one of: train_loss, test_loss",
        ])
    }
}
