import Foundation
import TestSupport
@testable import SVGCharts

/// Deterministic stand-ins for the lesson's training curves (formulas plus seeded noise), used by the
/// reference-SVG and size tests. They only need to look like the lesson's data, not match it.
enum LessonCharts {
    /// Exponential decay from `start` toward `floor` with time constant `tau`, with multiplicative noise.
    static func decay(epochs: Int, start: Double, floor: Double, tau: Double, noise: Double, seed: UInt64) -> [Double] {
        var rng = SplitMix64(state: seed)
        return (1...epochs).map { e in
            let clean = floor + (start - floor) * exp(-Double(e) / tau)
            return clean * (1 + noise * rng.symmetric())
        }
    }

    static func lossCurves(epochs: Int = 150, optimisers: [String] = ["SGD", "SGD + momentum", "RMSprop", "Adam"]) -> LineChart {
        let params: [(Double, Double, Double)] = [(0.12, 60, 0.02), (0.05, 25, 0.03), (0.03, 12, 0.08), (0.02, 10, 0.05),
                                                  (0.08, 30, 0.04), (0.04, 18, 0.06)]
        let series = optimisers.enumerated().map { i, name in
            let (floor, tau, noise) = params[i % params.count]
            return Series(label: name, values: decay(epochs: epochs, start: 2.3, floor: floor, tau: tau,
                                                    noise: noise, seed: UInt64(i + 1)))
        }
        return LineChart(title: "Training loss of four optimisers", description: "Mean training loss per epoch.",
                         xLabel: "Epoch", yLabel: "Training loss", yScale: .log, series: series)
    }

    /// Six learning-rate schedules over 150 epochs × 25 steps.
    static func schedules() -> LineChart {
        let steps = 3750, peak = 1e-3, warmup = 250
        func cosine(_ t: Double) -> Double { 0.5 * peak * (1 + cos(Double.pi * t)) }
        let table: [(String, Series.Mark, (Int) -> Double)] = [
            ("Constant", .line, { _ in peak }),
            ("Step (×0.1 / 50 ep.)", .step, { peak * pow(0.1, Double($0 / 1250)) }),
            ("Exponential", .line, { peak * pow(0.97, Double($0) / 25) }),
            ("Cosine", .line, { cosine(Double($0) / Double(steps - 1)) }),
            ("Warmup + cosine", .line, { $0 < warmup ? peak * Double($0 + 1) / Double(warmup)
                                         : cosine(Double($0 - warmup) / Double(steps - 1 - warmup)) }),
            ("One-cycle", .line, { s in
                let up = 0.3 * Double(steps)
                return Double(s) < up ? peak / 25 + (peak - peak / 25) * (1 - cos(Double.pi * Double(s) / up)) / 2
                    : peak / 25e4 + (peak - peak / 25e4) * (1 + cos(Double.pi * (Double(s) - up) / (Double(steps) - up))) / 2
            }),
        ]
        let series = table.map { name, mark, f in
            Series(label: name, points: (0..<steps).map { (x: Double($0), y: f($0)) }, mark: mark)
        }
        return LineChart(title: "Learning-rate schedules", description: "Learning rate at every optimiser step.",
                         xLabel: "Step", yLabel: "Learning rate", series: series,
                         annotations: [.vertical(x: Double(warmup), label: "end of warmup")])
    }

    static func validationAccuracy() -> LineChart {
        let runs: [(String, Double, Double)] = [("SGD", 0.912, 30), ("SGD + momentum", 0.951, 14), ("Adam", 0.968, 8)]
        let series = runs.enumerated().map { i, run in
            var rng = SplitMix64(state: UInt64(100 + i))
            let values = (1...150).map { e in
                min(run.1 - (run.1 - 0.1) * exp(-Double(e) / run.2) + 0.006 * rng.symmetric(), 1)
            }
            return Series(label: run.0, values: values)
        }
        return LineChart(title: "Validation accuracy by epoch", description: "Share of validation images classified correctly.",
                         xLabel: "Epoch", yLabel: "Validation accuracy", series: series,
                         annotations: [.horizontal(y: 0.1, label: "chance (10 classes)")])
    }

    static func testMAE() -> BarChart {
        BarChart(title: "Test MAE by learning-rate schedule", description: "Mean absolute error on the test set after 150 epochs.",
                 categoryLabel: "Schedule", valueLabel: "Test MAE", bars: [("Constant", 0.0512), ("Step", 0.0431), ("Exponential", 0.0447),
                                                ("Cosine", 0.0398), ("Warmup + cosine", 0.0376), ("One-cycle", 0.0389)])
    }
}
