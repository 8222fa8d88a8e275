import Testing
@testable import NumericCore

/// ReduceLROnPlateau fed real metrics, under every mode and option, bit for bit against torch.
@Suite struct ReduceLROnPlateauTests {
    static func expect(_ name: String, _ make: (Double) throws -> ReduceLROnPlateau, base: Double) throws {
        let torch = try SchedulerSequenceTests.sequence(name)
        let metrics = try torch.doublesPackedOrPlain("metrics"), lr = try torch.doublesPackedOrPlain("lr")
        var s = try make(base)
        var ours = [s.lr]
        for m in metrics {
            s.step(metric: m)
            ours.append(s.lr)
        }
        #expect(bits(ours) == bits(lr), "\(name)")
    }

    @Test func ex4PlateauFedTheTestLosses() throws {
        try Self.expect("ex4 plateau", { try ReduceLROnPlateau(baseLR: $0, factor: 0.5, patience: 10) }, base: 1e-3)
    }

    @Test func modesThresholdsCooldownMinLREps() throws {
        try Self.expect("plateau max rel", { try ReduceLROnPlateau(baseLR: $0, mode: .max) }, base: 0.1)
        try Self.expect("plateau min abs threshold 0.5 cooldown 3", {
            try ReduceLROnPlateau(baseLR: $0, patience: 2, threshold: 0.5, thresholdMode: .abs, cooldown: 3)
        }, base: 0.1)
        try Self.expect("plateau max abs patience 0 factor 0.3 min_lr 1e-3", {
            try ReduceLROnPlateau(baseLR: $0, mode: .max, factor: 0.3, patience: 0, thresholdMode: .abs, minLR: 1e-3)
        }, base: 0.1)
        try Self.expect("plateau min rel patience 1 factor 0.5 eps 0.02", {
            try ReduceLROnPlateau(baseLR: $0, factor: 0.5, patience: 1, eps: 0.02)
        }, base: 0.1)
    }
}
