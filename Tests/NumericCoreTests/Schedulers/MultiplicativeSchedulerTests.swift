import Foundation
import Testing
@testable import NumericCore

/// ExponentialLR, MultiStepLR, ConstantLR and LinearLR against real torch (Fixtures/sched_next_sequences.json, from
/// scripts/reference/scheduler_next_fixtures.py): every lr of every sequence, bitwise in binary64.
@Suite struct MultiplicativeSchedulerTests {
    static let configurations: [String: @Sendable (Double) throws -> any LRScheduler] = [
        "ExponentialLR(gamma=0.9)": { ExponentialLR(baseLR: $0, gamma: 0.9) },
        "ExponentialLR(gamma=0.999)": { ExponentialLR(baseLR: $0, gamma: 0.999) },
        "MultiStepLR(milestones=[3, 7, 7, 20], gamma=0.5)": { MultiStepLR(baseLR: $0, milestones: [3, 7, 7, 20], gamma: 0.5) },
        "MultiStepLR(milestones=[30, 80])": { MultiStepLR(baseLR: $0, milestones: [30, 80]) },
        "ConstantLR()": { try ConstantLR(baseLR: $0) },
        "ConstantLR(factor=0.3, total_iters=4)": { try ConstantLR(baseLR: $0, factor: 0.3, totalIters: 4) },
        "LinearLR()": { try LinearLR(baseLR: $0) },
        "LinearLR(start_factor=0.1, end_factor=0.9, total_iters=37)":
            { try LinearLR(baseLR: $0, startFactor: 0.1, endFactor: 0.9, totalIters: 37) },
        "LinearLR(start_factor=1.0, end_factor=0.0, total_iters=20)":
            { try LinearLR(baseLR: $0, startFactor: 1, endFactor: 0, totalIters: 20) },
    ]

    @Test func everyConfigurationIsCovered() throws {
        #expect(Set(try SchedulerSequences.load("sched_next_sequences.json").keys) == Set(Self.configurations.keys))
    }

    @Test("every lr bitwise", arguments: Array(configurations.keys).sorted())
    func sequence(name: String) throws {
        let make = try #require(Self.configurations[name])
        try SchedulerSequences.expectBitwise("sched_next_sequences.json", name, make)
    }

    @Test("factors torch refuses are refused")
    func refusals() {
        #expect(throws: SchedulerError.self) { try ConstantLR(baseLR: 1, factor: 1.5) }
        #expect(throws: SchedulerError.self) { try LinearLR(baseLR: 1, startFactor: 0) }
        #expect(throws: SchedulerError.self) { try LinearLR(baseLR: 1, endFactor: -0.1) }
    }
}
