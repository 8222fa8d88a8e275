import Foundation
import Testing
@testable import Experiments

/// Runs that train the same thing in different blocks (`SharedTraining`) are trained once by the runner, and
/// each block gets exactly what it got when it ran alone; the jobs run the costliest first.
@Suite struct SharedTrainingTests {
    /// The tiny block under another id, recording `metrics`, its first run labelled `firstLabel`, after `blankLines`
    /// empty lines (so its runs stand at other source lines than another block's).
    static func block(id: String, metrics: String, firstLabel: String = "SGD", blankLines: Int = 0) throws -> ExperimentSpec {
        let yaml = String(repeating: "\n", count: blankLines) + TinyBlocks.train(runs: [(firstLabel, "{name: SGD, lr: 0.01, momentum: 0.9}"), ("Adam", "{name: Adam, lr: 1e-3}")])
            .replacingOccurrences(of: "id: tiny-train", with: "id: \(id)")
            .replacingOccurrences(of: "metrics: [train_loss, test_mae]", with: "metrics: \(metrics)")
        return try TinyBlocks.spec(yaml)
    }

    static func blocks() throws -> [ExperimentSpec] {
        [try block(id: "first", metrics: "[train_loss, test_mae]"),
         try block(id: "second", metrics: "[test_mae, weight_norm, lr]", firstLabel: "SGD + momentum", blankLines: 3)]
    }

    @Test func blocksRunTogetherGiveWhatEachGaveAlone() throws {
        let runner = ExperimentRunner(cache: nil, useCache: false)
        let together = try runner.run(try Self.blocks())
        for spec in try Self.blocks() {
            let alone = try runner.run([spec])
            #expect(together[spec.id] == alone[spec.id])
        }
        #expect(together["second"]?.runs.first?.label == "SGD + momentum")
        #expect(together["second"]?.runs.first?.series.keys.sorted() == ["lr", "test_mae", "weight_norm"])
    }

    @Test func equalTrainingsShareOneTask() throws {
        let blocks = try Self.blocks()
        var jobs: [ExperimentRunner.Job] = []
        for b in 0..<2 {
            for r in 0..<2 { jobs.append(ExperimentRunner.Job(block: b, point: 0, run: r, seed: nil)) }
        }
        let tasks = ExperimentRunner.tasks(jobs, blocks: blocks)
        let groups: [[Int]] = tasks.map(\.jobs).sorted { $0[0] < $1[0] }
        #expect(groups == [[0, 2], [1, 3]])
    }

    @Test func runsEvaluatedInTrainModeDoNotShare() throws {
        var train = try trainSpec(Self.block(id: "first", metrics: "[train_loss]"))
        #expect(SharedTraining(spec: train, run: train.runs[0]) != nil)
        train.training.evaluationMode = .train
        #expect(SharedTraining(spec: train, run: train.runs[0]) == nil)
    }

    @Test func otherSeedsOrOptimisersDoNotShare() throws {
        let train = try trainSpec(Self.block(id: "first", metrics: "[train_loss]"))
        let sgd = SharedTraining(spec: train, run: train.runs[0])
        #expect(sgd != SharedTraining(spec: train, run: train.runs[1]))
        #expect(sgd != SharedTraining(spec: train.repetition(seed: 2), run: train.runs[0]))
    }

    @Test func theCostliestJobsRunFirst() throws {
        let short = try TinyBlocks.spec(TinyBlocks.train(epochs: 2).replacingOccurrences(of: "id: tiny-train", with: "id: short"))
        let long = try TinyBlocks.spec(TinyBlocks.train(epochs: 9).replacingOccurrences(of: "id: tiny-train", with: "id: long"))
        let blocks = [short, try TinyBlocks.spec(TinyBlocks.trace), long]
        let jobs = [ExperimentRunner.Job(block: 0, point: 0, run: 0, seed: nil), .init(block: 1, point: 0, run: nil, seed: nil),
                    .init(block: 2, point: 0, run: 0, seed: nil)]
        let tasks = ExperimentRunner.tasks(jobs, blocks: blocks)
        let order: [[Int]] = tasks.map(\.jobs)
        #expect(order == [[2], [0], [1]])
    }

    private func trainSpec(_ spec: ExperimentSpec) throws -> TrainSpec {
        guard case .train(let train) = spec.body else { throw TestFailure() }
        return train
    }

    private struct TestFailure: Error {}
}
