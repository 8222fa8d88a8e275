import Foundation
import Testing
@testable import Experiments

/// Landscape blocks against the real PyTorch (landscape_paths.json, from scripts/reference/landscape_fixtures.py):
/// six objectives (the ravine, Rosenbrock, Beale, a saddle, one with quotients, one with a square root) × SGD,
/// momentum, Nesterov, Adam and AdamW, 40 steps each, float32 and float64: the point and the loss at every step
/// are the same bits as torch's. The symbolic gradient, evaluated with torch's operations, rounds exactly as
/// autograd does (including the order in which a variable's uses are summed); the core's optimisers step a
/// 2-element tensor as torch does; and the square roots (Adam's denominator, the `sqrt` objective) are torch's,
/// MKL's on the AVX-512 machine the fixture was made on (docs/parity.md §4.4).
@Suite struct LandscapeParityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var objective: String
        var name: String
        var start: [Double]
        var steps: Int
        var precision: String
        var label: String
        /// `{name: SGD, lr: 0.01, momentum: 0.9}` as the block writes it.
        var optimizerYAML: String
        var x: [Double], y: [Double], loss: [Double]
        var testDescription: String { "\(name) · \(label) · \(precision)" }

    }
    /// The fixture's optimiser options as a YAML flow mapping, `name` first.
    static func yaml(_ optimizer: [String: Any]) -> String {
        let keys = optimizer.keys.sorted { $0 == "name" ? true : $1 == "name" ? false : $0 < $1 }
        return "{" + keys.map { key in
            switch optimizer[key] {
            case let flag as Bool where key == "nesterov": "\(key): \(flag)"
            case let number as Double: "\(key): \(number)"
            case let value: "\(key): \(value ?? "")"
            }
        }.joined(separator: ", ") + "}"
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "landscape_paths", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let items = root["cases"] as? [[String: Any]] else { return [] }
        return items.compactMap { item in
            func numbers(_ key: String) -> [Double] { (item[key] as? [String] ?? []).compactMap(Double.init) }
            guard let objective = item["objective"] as? String, let name = item["name"] as? String,
                  let start = item["start"] as? [Double], let steps = item["steps"] as? Int,
                  let precision = item["precision"] as? String, let label = item["label"] as? String,
                  let optimizer = item["optimizer"] as? [String: Any] else { return nil }
            return Case(objective: objective, name: name, start: start, steps: steps, precision: precision, label: label,
                        optimizerYAML: yaml(optimizer), x: numbers("x"), y: numbers("y"), loss: numbers("loss"))
        }
    }()

    @Test func fixtureHoldsEveryCase() {
        #expect(Self.cases.count == 60)
        #expect(Self.cases.allSatisfy { $0.x.count == $0.steps + 1 && $0.loss.count == $0.steps + 1 })
    }

    @Test("every step equals torch's, bit for bit", arguments: cases)
    func path(_ c: Case) throws {
        let yaml = """
            id: parity
            kind: landscape
            objective: "\(c.objective)"
            start: [\(c.start.map { "\($0)" }.joined(separator: ", "))]
            steps: \(c.steps)
            precision: \(c.precision)
            runs:
              - label: \(c.label)
                optimizer: \(c.optimizerYAML)

            """
        let spec = try ExperimentSpec.parse(yaml: yaml, at: TinyBlocks.origin)
        let run = try #require(try ExperimentRunner(cache: nil, useCache: false).run([spec])["parity"]?.run(c.label))
        for (name, expected) in [("x", c.x), ("y", c.y), ("loss", c.loss)] {
            let ours = try #require(run.scalars(name))
            #expect(ours.count == expected.count)
            let first = zip(ours, expected).enumerated().first { _, pair in pair.0.bitPattern != pair.1.bitPattern }
            #expect(first == nil, "\(name) differs first at step \(first?.offset ?? -1): sitegen \(first?.element.0 ?? .nan), torch \(first?.element.1 ?? .nan)")
        }
    }
}
