import Diagnostics
import Foundation
@testable import Experiments

/// Experiment blocks small enough to run in milliseconds, for the runner's behaviour (cache, divergence,
/// checks, CSV, unsupported options). Their YAML starts on line 10 of `tiny.md`.
enum TinyBlocks {
    static let origin = SourceLocation(file: "tiny.md", line: 10, column: 1)

    /// Two runs on 60 delivery orders (45 for training), a 4-8-1 network.
    static func train(epochs: Int = 3, activation: String = "relu",
                      runs: [(label: String, optimizer: String)] = [("SGD", "{name: SGD, lr: 0.01}"), ("Adam", "{name: Adam, lr: 1e-3}")],
                      extra: [String] = []) -> String {
        ([
            "id: tiny-train",
            "kind: train",
            "data:",
            "  dataset: delivery-times",
            "  n_samples: 60",
            "  seed: 7",
            "  split: {test_size: 0.25, random_state: 0}",
            "  normalize: mean-std",
            "model: {layers: [4, 8, 1], activation: \(activation), seed: 1}",
            "loss: mse",
            "training: {epochs: \(epochs), batch_size: 16}",
            "runs:",
        ] + runs.flatMap { ["  - label: \"\($0.label)\"", "    optimizer: \($0.optimizer)"] }
          + ["metrics: [train_loss, test_mae]"] + extra).joined(separator: "\n") + "\n"
    }

    /// SGD with lr 0.5 on two parameters: every value is a short binary fraction.
    static let trace = """
        id: tiny-trace
        kind: trace
        params: [1.0, -2.0]
        gradients: [[0.5, 0.25], [0.5, -0.25]]
        runs:
          - label: SGD
            optimizer: {name: SGD, lr: 0.5}
        record: [param]

        """

    /// A column and a StepLR at steps 1–3.
    static func schedule(extra: [String] = []) -> String {
        ([
            "id: tiny-schedule",
            "kind: schedule",
            "steps: [1, 2, 3]",
            "columns:",
            "  - {name: double, expr: \"2 * t\"}",
            "schedulers:",
            "  - {label: halving, name: StepLR, step_size: 2, gamma: 0.5, base_lr: 1}",
        ] + extra).joined(separator: "\n") + "\n"
    }

    static func spec(_ yaml: String) throws -> ExperimentSpec {
        try ExperimentSpec.parse(yaml: yaml, at: origin)
    }

    static func all(epochs: Int = 3) throws -> [ExperimentSpec] {
        [try spec(train(epochs: epochs)), try spec(trace), try spec(schedule())]
    }

    /// A fresh, empty folder under the temporary directory.
    static func temporaryFolder() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
