import Foundation
import Testing
@testable import Experiments

/// Train blocks run through `ExperimentRunner` next to what PyTorch printed for them (a fixture's `blocks[id]`: run
/// label → metric → values as repr strings). The block's runs and the fixture's runs must be the same, and so must each
/// run's metrics and their lengths: a run, a series or a value missing on either side fails the test, it is never
/// skipped.
enum RunParity {
    /// One figure: the run, the metric, the 1-based epoch, ours and torch's.
    struct Figure {
        let label: String
        let metric: String
        let epoch: Int
        let ours: Double
        let torch: Double

        var isAccuracy: Bool { metric.hasSuffix("accuracy") }
        var relative: Double { relativeDeviation(ours, torch) }
        var place: String { "\(label) › \(metric) epoch \(epoch): \(ours) vs \(torch)" }
    }

    /// The block `id` of a fixture made by second_module_fixtures.py's runner (also activation_runs.json, …), every
    /// value read exactly from its repr string.
    static func expected(_ fixture: String, _ id: String) throws -> [String: [String: [Double]]] {
        let block = try #require(try SecondModuleParityTests.fixture(fixture)[id] as? [String: [String: [String]]],
                                 "\(fixture).json has no block \(id)")
        return try block.mapValues { series in
            try series.mapValues { values in try values.map { try LessonOutputs.number($0, "\(id) value") } }
        }
    }

    /// The block's result, run once without a cache.
    static func run(_ yaml: String, id: String) throws -> ExperimentResult {
        let spec = try ExperimentSpec.parse(yaml: yaml + "\n", at: TinyBlocks.origin)
        return try #require(try ExperimentRunner(cache: nil, useCache: false).run([spec])[id], "no result for \(id)")
    }

    /// Every figure of `result` paired with the fixture's, after requiring both to hold the same runs, metrics and epochs.
    static func figures(_ result: ExperimentResult, _ expected: [String: [String: [Double]]]) throws -> [Figure] {
        try #require(Set(result.runs.map(\.label)) == Set(expected.keys),
                     "runs \(result.runs.map(\.label).sorted()), the fixture's \(expected.keys.sorted())")
        var figures: [Figure] = []
        for (label, series) in expected.sorted(by: { $0.key < $1.key }) {
            let run = try #require(result.run(label))
            try #require(Set(run.series.keys) == Set(series.keys),
                         "\(label): series \(run.series.keys.sorted()), the fixture's \(series.keys.sorted())")
            for (metric, torch) in series.sorted(by: { $0.key < $1.key }) {
                let ours = try #require(run.scalars(metric))
                try #require(!torch.isEmpty && ours.count == torch.count,
                             "\(label) › \(metric): \(ours.count) epochs, the fixture's \(torch.count)")
                for (index, (a, b)) in zip(ours, torch).enumerated() {
                    figures.append(Figure(label: label, metric: metric, epoch: index + 1, ours: a, torch: b))
                }
            }
        }
        return figures
    }

    /// Runs the block and compares every figure: accuracies equal, other figures within `tolerance` relative. Returns
    /// the largest relative deviation seen, for the suites to print.
    @discardableResult
    static func check(_ yaml: String, id: String, fixture: String, tolerance: Double = 1e-6) throws -> Double {
        var worst = 0.0
        for figure in try figures(try run(yaml, id: id), try expected(fixture, id)) {
            if figure.isAccuracy {
                #expect(figure.ours == figure.torch, "\(id) › \(figure.place)")
            } else {
                worst = max(worst, figure.relative)
                #expect(figure.relative <= tolerance, "\(id) › \(figure.place)")
            }
        }
        print("\(id): largest relative loss deviation from PyTorch \(worst)")
        return worst
    }
}
