import Diagnostics
import Testing
@testable import Experiments

/// The memory estimate of a train block, term by term against hand-computed bytes, and the budget's
/// error at the key that asks for most of it.
@Suite struct MemoryBudgetTests {
    static let origin = SourceLocation(file: "lesson.md", line: 10, column: 1)

    static func train(layers: String = "[4, 8, 1]", samples: Int = 60, epochs: Int = 3) -> String {
        """
        id: demo
        kind: train
        data: {dataset: delivery-times, n_samples: \(samples), seed: 7, split: {test_size: 0.25, random_state: 0}, normalize: mean-std}
        model: {layers: \(layers), seed: 1}
        loss: mse
        training: {epochs: \(epochs), batch_size: 16}
        runs:
          - {label: SGD, optimizer: {name: SGD, lr: 0.01}}
          - {label: Adam, optimizer: {name: Adam, lr: 1e-3}}
        metrics: [train_loss, test_mae]

        """
    }

    @Test func estimateOfASmallBlock() throws {
        let spec = try ExperimentSpec.parse(yaml: Self.train(), at: Self.origin)
        guard case .train(let train) = spec.body else { Issue.record("not a train block"); return }
        let estimate = train.memoryEstimate
        // 49 parameters (4·8 + 8 + 8·1 + 1); Adam's two moments: 4 copies of 4 bytes; 2 runs.
        #expect(estimate.parameters == 2 * 49 * 4 * 4)
        // 45 training rows (the largest set) × 13 widths × 2 × 4 bytes, 2 runs.
        #expect(estimate.activations == 2 * 45 * 13 * 2 * 4)
        // 3 epochs × (2 metrics × 8 bytes + 15 test predictions × 4 bytes), 2 runs.
        #expect(estimate.series == 2 * 3 * (2 * 8 + 15 * 4))
        // 60 samples × 5 columns × 8 bytes × 3 copies.
        #expect(estimate.data == 60 * 5 * 8 * 3)
    }

    @Test func longSeriesAreRefusedAtEpochs() throws {
        // Within the compute budget: 2 runs × 1 000 epochs × 10⁶ samples × 49 parameters ≈ 9.8·10¹⁰.
        let yaml = Self.train(samples: 1_000_000, epochs: 1_000)
        #expect(throws: DiagnosticList.self) { try ExperimentSpec.parse(yaml: yaml, at: Self.origin) }
        do {
            _ = try ExperimentSpec.parse(yaml: yaml, at: Self.origin)
        } catch {
            // 2 runs × 1 000 epochs × 250 000 test predictions × 4 bytes = 2 GB of series, the largest part;
            // 2 × 750 000 rows × 13 widths × 8 bytes of activations; 10⁶ × 5 × 24 bytes of data.
            #expect(error.diagnostics.map(\.description) == [
                "lesson.md:15:20: error: this experiment would need about 2.3 GB of memory (parameters and optimiser state 1.6 KB, activations 156.0 MB, recorded series 2.0 GB, data 120.0 MB), over the memory budget of 2.0 GB; reduce epochs or the test set",
            ])
        }
    }
}
