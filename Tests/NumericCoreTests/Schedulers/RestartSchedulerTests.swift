import Foundation
import Testing
@testable import NumericCore

/// CosineAnnealingWarmRestarts and SequentialLR against real torch (Fixtures/sched_restart_sequences.json, from
/// scripts/reference/scheduler_next_fixtures.py): every lr of every sequence, bitwise in binary64 — including the
/// lr at a milestone, which SequentialLR takes from the next scheduler's closed form at step 0.
@Suite struct RestartSchedulerTests {
    static let configurations: [String: @Sendable (Double) throws -> any LRScheduler] = [
        "CosineAnnealingWarmRestarts(T_0=10)": { try CosineAnnealingWarmRestarts(baseLR: $0, t0: 10) },
        "CosineAnnealingWarmRestarts(T_0=5, T_mult=2, eta_min=1e-4)":
            { try CosineAnnealingWarmRestarts(baseLR: $0, t0: 5, tMult: 2, etaMin: 1e-4) },
        "CosineAnnealingWarmRestarts(T_0=1)": { try CosineAnnealingWarmRestarts(baseLR: $0, t0: 1) },
        "CosineAnnealingWarmRestarts(T_0=3, T_mult=3, eta_min=0.013)":
            { try CosineAnnealingWarmRestarts(baseLR: $0, t0: 3, tMult: 3, etaMin: 0.013) },
        "SequentialLR([LinearLR(start_factor=0.1, total_iters=5), CosineAnnealingLR(T_max=45)], [5])": {
            try SequentialLR(schedulers: [try LinearLR(baseLR: $0, startFactor: 0.1, totalIters: 5),
                                          try CosineAnnealingLR(baseLR: $0, tMax: 45)], milestones: [5])
        },
        "SequentialLR([ConstantLR(factor=0.5, total_iters=3), ExponentialLR(gamma=0.9)], [4])": {
            try SequentialLR(schedulers: [try ConstantLR(baseLR: $0, factor: 0.5, totalIters: 3),
                                          ExponentialLR(baseLR: $0, gamma: 0.9)], milestones: [4])
        },
        "SequentialLR([LinearLR(), CosineAnnealingLR(T_max=20, eta_min=1e-3), StepLR(step_size=5, gamma=0.5)], [3, 23])": {
            try SequentialLR(schedulers: [try LinearLR(baseLR: $0), try CosineAnnealingLR(baseLR: $0, tMax: 20, etaMin: 1e-3),
                                          try StepLR(baseLR: $0, stepSize: 5, gamma: 0.5)], milestones: [3, 23])
        },
        "SequentialLR([ExponentialLR(gamma=0.8), CosineAnnealingWarmRestarts(T_0=4, T_mult=2, eta_min=1e-5), MultiStepLR(milestones=[2, 5])], [6, 20])": {
            try SequentialLR(schedulers: [ExponentialLR(baseLR: $0, gamma: 0.8),
                                          try CosineAnnealingWarmRestarts(baseLR: $0, t0: 4, tMult: 2, etaMin: 1e-5),
                                          MultiStepLR(baseLR: $0, milestones: [2, 5])], milestones: [6, 20])
        },
        "SequentialLR([LambdaLR((step + 1) / 5), ConstantLR(factor=0.3, total_iters=0)], [5])": {
            try SequentialLR(schedulers: [try LambdaLR(baseLR: $0) { Double($0 + 1) / 5 },
                                          try ConstantLR(baseLR: $0, factor: 0.3, totalIters: 0)], milestones: [5])
        },
        "SequentialLR([StepLR(step_size=3)], [])": {
            try SequentialLR(schedulers: [try StepLR(baseLR: $0, stepSize: 3)], milestones: [])
        },
        "SequentialLR([CosineAnnealingLR(T_max=10, eta_min=0.0013), LinearLR(start_factor=0.5, total_iters=4)], [7])": {
            try SequentialLR(schedulers: [try CosineAnnealingLR(baseLR: $0, tMax: 10, etaMin: 0.0013),
                                          try LinearLR(baseLR: $0, startFactor: 0.5, totalIters: 4)], milestones: [7])
        },
        "SequentialLR([ConstantLR(factor=0.1, total_iters=2), CosineAnnealingLR(T_max=7, eta_min=0.003)], [2])": {
            try SequentialLR(schedulers: [try ConstantLR(baseLR: $0, factor: 0.1, totalIters: 2),
                                          try CosineAnnealingLR(baseLR: $0, tMax: 7, etaMin: 0.003)], milestones: [2])
        },
    ]

    @Test func everyConfigurationIsCovered() throws {
        #expect(Set(try SchedulerSequences.load("sched_restart_sequences.json").keys) == Set(Self.configurations.keys))
    }

    @Test("every lr bitwise", arguments: Array(configurations.keys).sorted())
    func sequence(name: String) throws {
        let make = try #require(Self.configurations[name])
        try SchedulerSequences.expectBitwise("sched_restart_sequences.json", name, make)
    }

    @Test("what torch refuses is refused")
    func refusals() {
        #expect(throws: SchedulerError.self) { try CosineAnnealingWarmRestarts(baseLR: 1, t0: 0) }
        #expect(throws: SchedulerError.self) { try CosineAnnealingWarmRestarts(baseLR: 1, t0: 3, tMult: 0) }
        #expect(throws: SchedulerError.self) { try SequentialLR(schedulers: [], milestones: []) }
        #expect(throws: SchedulerError.self) {
            try SequentialLR(schedulers: [ExponentialLR(baseLR: 1, gamma: 0.5)], milestones: [3])
        }
    }
}
