import Foundation
import Testing
@testable import NumericCore

/// lr (and beta1 / momentum) sequences of every scheduler configuration the lesson uses, plus edge
/// configurations, bit for bit against real torch (Fixtures/sched_sequences.json).
@Suite struct SchedulerSequenceTests {
    static func sequence(_ name: String) throws -> [String: Any] {
        try Fixture.load("sched_sequences.json").object("sequences").object(name)
    }

    /// Index 0 after construction, then after each `step()`, read back from the optimiser as torch does.
    static func run(_ scheduler: any LRScheduler, on optimizer: any Optimizer, steps: Int) throws -> (lr: [Double], momentum: [Double]) {
        var s = scheduler, o = optimizer
        s.apply(to: &o)
        var lrs = [o.lr], moms = [o.scheduledMomentum]
        for _ in 0..<steps {
            try s.step()
            s.apply(to: &o)
            lrs.append(o.lr)
            moms.append(o.scheduledMomentum)
        }
        return (lrs, moms)
    }

    static func expectLR(_ name: String, _ scheduler: any LRScheduler, on optimizer: any Optimizer) throws {
        let torch = try sequence(name)
        let lr = try torch.doublesPackedOrPlain("lr")
        let ours = try run(scheduler, on: optimizer, steps: lr.count - 1)
        #expect(bits(ours.lr) == bits(lr), "\(name): lr")
        if torch["momentum"] != nil {
            #expect(bits(ours.momentum) == bits(try torch.doublesPackedOrPlain("momentum")), "\(name): momentum")
        }
    }

    @Test func stepLR() throws {
        try Self.expectLR("ex4 step", StepLR(baseLR: 1e-3, stepSize: 50, gamma: 0.1), on: AdamW())
        try Self.expectLR("step size=3 gamma=0.5, 20 steps", StepLR(baseLR: 0.1, stepSize: 3, gamma: 0.5), on: SGD(lr: 0.1))
    }

    @Test func cosineAnnealingRecursiveForm() throws {
        try Self.expectLR("ex4 cosine", CosineAnnealingLR(baseLR: 1e-3, tMax: 150, etaMin: 1e-6), on: AdamW())
        try Self.expectLR("ex5 sgd cosine", CosineAnnealingLR(baseLR: 0.01, tMax: 200),
                          on: SGD(lr: 0.01, momentum: 0.9, weightDecay: 1e-4))
        try Self.expectLR("ex5 adamw cosine", CosineAnnealingLR(baseLR: 1e-3, tMax: 200), on: AdamW())
        try Self.expectLR("cosine T=10 eta=1e-5, 45 steps", CosineAnnealingLR(baseLR: 0.1, tMax: 10, etaMin: 1e-5),
                          on: SGD(lr: 0.1))
    }

    @Test func oneCycleWritesBeta1AndMomentum() throws {
        try Self.expectLR("ex4 onecycle", OneCycleLR(maxLR: 1e-2, epochs: 150, stepsPerEpoch: 25), on: AdamW())
        // An SGD built without momentum still gets momentum 0.95 … 0.85 (torch does the same).
        try Self.expectLR("onecycle SGD no momentum max 0.5 total 40", OneCycleLR(maxLR: 0.5, totalSteps: 40),
                          on: SGD(lr: 0.05))
        try Self.expectLR("onecycle SGD linear three_phase max 0.5 total 50 pct 0.25 div 10 final 100",
                          OneCycleLR(maxLR: 0.5, totalSteps: 50, pctStart: 0.25, annealStrategy: .linear,
                                     baseMomentum: 0.8, maxMomentum: 0.9, divFactor: 10, finalDivFactor: 100,
                                     threePhase: true),
                          on: SGD(lr: 0.05, momentum: 0.9))
        try Self.expectLR("onecycle Adam no cycle_momentum three_phase cos max 0.02 total 33",
                          OneCycleLR(maxLR: 0.02, totalSteps: 33, cycleMomentum: false, threePhase: true),
                          on: Adam(lr: 1e-3, betas: (0.7, 0.99)))
    }

    @Test func oneCycleRefusesToStepPastItsEnd() throws {
        var s = try OneCycleLR(maxLR: 0.1, totalSteps: 3)
        for _ in 0..<3 { try s.step() }
        #expect(throws: SchedulerError.steppedPastEnd(step: 4, totalSteps: 3)) { try s.step() }
    }

    @Test func warmupCosineLambda() throws {
        // The λ of scripts/reference/optim_fixtures.py, as written there (progress first, then π · progress).
        let (total, warmup) = (150 * 25, Int(0.1 * Double(150 * 25)))
        let s = try LambdaLR(baseLR: 1e-3) { k in
            if k < warmup { return Double(k) / Double(warmup) }
            let progress = Double(k - warmup) / Double(total - warmup)
            return 0.5 * (1 + cos(Double.pi * progress))
        }
        try Self.expectLR("ex4 warmup_cosine", s, on: AdamW())
        #expect(s.lr == 0)                                            // λ(0) = 0: the first step uses lr 0
    }

    @Test func lambdaLRMultipliesTheBaseRate() throws {
        var s = try LambdaLR(baseLR: 0.5) { Double($0 + 1) }
        #expect(s.lr == 0.5)
        try s.step()
        #expect(s.lr == 1.0 && s.stepCount == 1)
    }

    @Test func invalidArgumentsThrow() {
        #expect(throws: SchedulerError.self) { try StepLR(baseLR: 0.1, stepSize: 0) }
        #expect(throws: SchedulerError.self) { try CosineAnnealingLR(baseLR: 0.1, tMax: 0) }
        #expect(throws: SchedulerError.self) { try OneCycleLR(maxLR: 0.1, totalSteps: 10, pctStart: 1.5) }
        #expect(throws: SchedulerError.self) { try ReduceLROnPlateau(baseLR: 0.1, factor: 1.0) }
    }
}
