import Diagnostics
import Testing
@testable import Experiments
import TestSupport

@Suite struct CacheKeyTests {
    static func spec(_ yaml: String) throws -> ExperimentSpec {
        try ExperimentSpec.parse(yaml: yaml, at: SourceLocation(file: "l.md", line: 1, column: 1))
    }

    @Test func defaultsStyleAndPresentationDoNotChangeTheKey() throws {
        let short = try Self.spec(SeedBlocks.adamVsAdamW)
        let explicit = try Self.spec(SeedBlocks.adamVsAdamW
            .replacingOnce("model: {layers: [4, 64, 32, 1]}", with: "model:\n  layers: [4, 64, 32, 1]\n  activation: relu\n  seed: 42")
            .replacingOnce("{name: Adam, lr: 1e-3}", with: "{name: Adam, lr: 0.001, betas: [0.9, 0.999], eps: 1.0e-8, weight_decay: 0}")
            .replacingOnce("  dataset: delivery-times\n", with: "  dataset: delivery-times\n  n_samples: 2000\n  noise: 4.0\n  seed: 42\n")
            .replacingOnce("training: {epochs: 150, batch_size: 64}", with: "training: {batch_size: 64, epochs: 150, shuffle: true}")
            .replacingOnce("chart: {type: bar, y: weight_norm, title: Sum of parameter norms after training}", with: "title: Adam vs AdamW"))
        #expect(short.cacheKeyMaterial == explicit.cacheKeyMaterial)
        #expect(short.presentationKeyMaterial != explicit.presentationKeyMaterial)
    }

    @Test func aChangedOptionChangesTheKey() throws {
        let a = try Self.spec(SeedBlocks.adamVsAdamW)
        let b = try Self.spec(SeedBlocks.adamVsAdamW.replacingOnce("weight_decay: 0.1}", with: "weight_decay: 0.2}"))
        #expect(a.cacheKeyMaterial != b.cacheKeyMaterial)
    }

    @Test func expressionsAreKeyedByMeaningNotSpacing() throws {
        let a = try Self.spec(SeedBlocks.warmupEffect)
        let b = try Self.spec(SeedBlocks.warmupEffect.replacingOnce("\"lr / sqrt(1 - beta2^t)\"", with: "\"(lr)/sqrt(1-beta2 ^ t)\""))
        #expect(a.cacheKeyMaterial == b.cacheKeyMaterial)
    }

    @Test func canonicalTextOfASmallSchedule() throws {
        let spec = try Self.spec("""
        id: s
        kind: schedule
        steps: [1, 2]
        constants: {lr: 1e-3}
        columns: [{name: x, expr: "lr*t"}]
        schedulers: [{label: "step \\"a\\"", name: StepLR, step_size: 1}]
        """)
        #expect(spec.cacheKeyMaterial == #"{"body":{"columns":[{"expr":"(lr * t)","name":"x"}],"constants":{"lr":0.001},"#
            + #""schedulers":[{"base_lr":0.001,"label":"step \"a\"","scheduler":{"gamma":0.1,"interval":"epoch","name":"StepLR","step_size":1}}],"#
            + #""steps":[1,2]},"format":1,"kind":"schedule"}"#)
    }
}
