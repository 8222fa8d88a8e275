import Foundation
import Testing
@testable import Experiments

/// Runs a train block through `ExperimentRunner` and compares every series with what PyTorch printed for it (a
/// fixture's `blocks[id]`: run label → metric → values as repr strings): accuracies equal, other figures within
/// `tolerance` relative. Returns the largest relative deviation seen, for the suites to print.
enum RunParity {
    @discardableResult
    static func check(_ yaml: String, id: String, fixture: String, tolerance: Double = 1e-6) throws -> Double {
        let spec = try ExperimentSpec.parse(yaml: yaml + "\n", at: TinyBlocks.origin)
        let result = try #require(try ExperimentRunner(cache: nil, useCache: false).run([spec])[id])
        let expected = try #require(try SecondModuleParityTests.fixture(fixture)[id] as? [String: [String: [String]]])
        var worst = 0.0
        for (label, series) in expected {
            let run = try #require(result.run(label), "no run \(label)")
            for (name, values) in series {
                let torch = values.compactMap(Double.init)
                let ours = try #require(run.scalars(name), "no series \(name)")
                #expect(ours.count == torch.count)
                for (epoch, (a, b)) in zip(ours, torch).enumerated() {
                    if name.hasSuffix("accuracy") {
                        #expect(a == b, "\(id) › \(label) › \(name) epoch \(epoch + 1): \(a) vs \(b)")
                    } else {
                        worst = max(worst, abs(a - b) / abs(b))
                        #expect(abs(a - b) / abs(b) <= tolerance, "\(id) › \(label) › \(name) epoch \(epoch + 1): \(a) vs \(b)")
                    }
                }
            }
        }
        print("\(id): largest relative loss deviation from PyTorch \(worst)")
        return worst
    }
}
