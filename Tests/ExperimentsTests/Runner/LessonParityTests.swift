import Diagnostics
import Foundation
import Testing
@testable import Experiments

/// The optimisers lesson's experiment blocks, run once through `ExperimentRunner` (no cache), against the
/// numbers the real PyTorch / numpy / scikit-learn give for the lesson's scripts (lesson_outputs.json).
/// Tolerances follow docs/parity.md §7.2: epoch-10 figures 1e-6 relative (printed digits equal),
/// final figures 0.2 % relative (ex4 onecycle 0.5 %), accuracies and their epochs exact, float64 traces
/// bitwise. Each test prints its largest relative deviation so the log shows how close the core is.
@Suite struct LessonParityTests {
    /// The lesson run, shared by every test here (about 5 s of CPU; a `static let` runs once).
    struct LessonRun: Sendable {
        let specs: [String: ExperimentSpec]
        let results: [String: ExperimentResult]
    }

    static let lesson: Result<LessonRun, any Error> = Result {
        let specs = try LessonBlocks.specs()
        let results = try ExperimentRunner(cache: nil, useCache: false).run(specs)
        return LessonRun(specs: Dictionary(uniqueKeysWithValues: specs.map { ($0.id, $0) }), results: results)
    }

    /// A block with `seeds` is compared at its first seed, 42, the seed the scripts use without `--seeds`.
    static func run(_ block: String, _ label: String) throws -> RunResult {
        let results = try lesson.get().results
        var result = try #require(results[block], "no result for block \(block)")
        if let seeds = result.seeds, let first = result.seedResults?.first {
            try #require(seeds.first == 42, "\(block) starts its seeds with \(seeds[0]), the fixture was made with 42")
            result = first
        }
        return try #require(result.run(label), "no run '\(label)' in \(block)")
    }

    static func scalars(_ block: String, _ label: String, _ name: String) throws -> [Double] {
        try #require(try run(block, label).scalars(name), "no series \(name) in \(block) › \(label)")
    }

    static func vectors(_ block: String, _ label: String, _ name: String) throws -> [[Double]] {
        try #require(try run(block, label).series[name], "no series \(name) in \(block) › \(label)")
    }

    /// Nil when equal, else the first differing position (1-based) and both values.
    static func firstDifference(_ ours: [Double], _ theirs: [Double]) -> String? {
        if ours.count != theirs.count { return "\(ours.count) values, expected \(theirs.count)" }
        guard let i = ours.indices.first(where: { ours[$0] != theirs[$0] }) else { return nil }
        return "first difference at \(i + 1): \(ours[i]) vs \(theirs[i])"
    }

    static func format(_ x: Double, _ spec: String) throws -> String {
        Value.number(x).formatted(with: try NumberFormat.parse(spec))
    }

    @Test func theLessonHasTheBlocksTheFixtureCovers() throws {
        let specs = try Self.lesson.get().specs
        let outputs = try LessonOutputs.load()
        for block in ["sgd-variants", "momentum-by-hand", "adam-scratch", "bias-correction", "adam-vs-adamw",
                      "lr-schedules", "warmup-effect", "classification"] {
            #expect(specs[block] != nil, "the lesson has no block \(block)")
            guard outputs.root[block] != nil else { Issue.record("the fixture has no block \(block)"); continue }
            if block == "bias-correction" || block == "warmup-effect" { continue }
            let result = try #require(try Self.lesson.get().results[block])
            #expect(result.runs.map(\.label).sorted() == (try outputs.runLabels(block)), "run labels of \(block)")
        }
    }

    /// ex1 (sgd_variants.py): the full-train MSE after epoch 10 and 150, and the test MAE.
    @Test func sgdVariants() throws {
        let outputs = try LessonOutputs.load()
        var epoch10 = 0.0, final = 0.0, finalAt = ""
        for label in try outputs.runLabels("sgd-variants") {
            let path = ["sgd-variants", "runs", label]
            let losses = try Self.scalars("sgd-variants", label, "train_loss")
            let torchLosses = try outputs.numbers(path, "train_loss")
            try #require(losses.count == 150 && torchLosses.count == 150, "150 epochs in \(label)")
            let torch10 = try outputs.number(path, "epoch10_loss")
            #expect(torchLosses[9] == torch10)
            let d10 = relativeDeviation(losses[9], torch10)
            #expect(d10 <= 1e-6, "\(label): epoch-10 loss \(losses[9]) vs torch \(torch10)")
            #expect(try Self.format(losses[9], ".6f") == Self.format(torch10, ".6f"), "\(label): printed epoch-10 loss")
            let dFinal = relativeDeviation(losses[149], try outputs.number(path, "final_loss"))
            #expect(dFinal <= 2e-3, "\(label): final loss \(losses[149])")
            let mae = try #require(try Self.scalars("sgd-variants", label, "test_mae").last)
            let dMAE = relativeDeviation(mae, try outputs.number(path, "test_mae"))
            #expect(dMAE <= 2e-3, "\(label): test MAE \(mae)")
            epoch10 = max(epoch10, d10)
            if max(dFinal, dMAE) > final { (final, finalAt) = (max(dFinal, dMAE), label) }
        }
        print("parity ex1 sgd-variants: largest relative deviation epoch 10 \(epoch10), final loss / MAE \(final) (\(finalAt))")
    }

    /// ex2 (adam_from_scratch.py): torch's float64 Adam and the textbook rule, step by step, bitwise.
    @Test func adamFromScratch() throws {
        let outputs = try LessonOutputs.load()
        let grads = try outputs.vectors(["adam-scratch"], "grad")
        #expect(try Self.vectors("adam-scratch", "torch Adam", "grad") == grads, "np.random.randn(4) * 0.5 after seed 0")
        let torchPath = ["adam-scratch", "runs", "torch Adam"]
        var largest = 0.0
        for (name, key) in [("param", "param"), ("m", "m"), ("v", "v")] {
            let ours = try Self.vectors("adam-scratch", "torch Adam", name)
            let theirs = try outputs.vectors(torchPath, key)
            #expect(ours == theirs, "torch Adam \(name) per step")
            for (a, b) in zip(ours.joined(), theirs.joined()) { largest = max(largest, relativeDeviation(a, b)) }
        }
        let textbook = try Self.vectors("adam-scratch", "textbook Adam", "param")
        let numpyParams = try outputs.vectors(["adam-scratch", "runs", "textbook Adam"], "param")
        #expect(textbook == numpyParams, "textbook Adam param per step against the script's numpy class")
        for (a, b) in zip(textbook.joined(), numpyParams.joined()) { largest = max(largest, relativeDeviation(a, b)) }
        let diffs = try Self.scalars("adam-scratch", "textbook Adam", "max_abs_diff")
        #expect(diffs == (try outputs.numbers(["adam-scratch", "runs", "textbook Adam"], "max_abs_diff")))
        print("parity ex2 adam-scratch: largest relative deviation \(largest)")
    }

    /// sgd_variants.py's momentum by hand next to torch.optim.SGD, float64, bitwise.
    @Test func momentumByHand() throws {
        let outputs = try LessonOutputs.load()
        #expect(try Self.vectors("momentum-by-hand", "by hand", "grad") == (try outputs.vectors(["momentum-by-hand"], "grad")))
        for label in ["by hand", "torch SGD"] {
            for name in ["param", "velocity"] {
                #expect(try Self.vectors("momentum-by-hand", label, name)
                        == (try outputs.vectors(["momentum-by-hand", "runs", label], name)), "\(label) \(name)")
            }
        }
    }

    /// adam_from_scratch.py's bias-correction table (the script's scalar loop in numpy).
    @Test func biasCorrectionTable() throws {
        let outputs = try LessonOutputs.load()
        let table = try outputs.object(["bias-correction"])
        func column(_ key: String) throws -> [Double] { try outputs.numbers(["bias-correction"], key) }
        #expect(table["grad"] != nil)
        for name in ["grad", "m", "m_hat", "v", "v_hat"] {
            #expect(try Self.scalars("bias-correction", "corrected", name) == (try column(name)), "corrected \(name)")
        }
        // step_ratio is (W before − W after) / lr, the script's ratio is m̂ / (√v̂ + ε): equal up to the
        // rounding of the weight update (W ≈ 1, step ≈ 1e-3: ≤ 1e-12 relative), and equal when printed.
        var largest = 0.0
        for (label, key) in [("corrected", "corrected"), ("uncorrected", "uncorrected")] {
            let ours = try Self.scalars("bias-correction", label, "step_ratio")
            let numpy = try column(key)
            try #require(ours.count == 5 && numpy.count == 5)
            for (a, b) in zip(ours, numpy) {
                largest = max(largest, relativeDeviation(a, b))
                #expect(relativeDeviation(a, b) <= 1e-12, "\(label) step ratio \(a) vs numpy \(b)")
                #expect(try Self.format(a, ".4f") == Self.format(b, ".4f"))
            }
        }
        print("parity bias-correction: largest relative deviation of the step ratios \(largest)")
    }

    /// lr_schedules.py's warmup table, computed with Python floats: bitwise.
    @Test func warmupTable() throws {
        let outputs = try LessonOutputs.load()
        let steps = try outputs.object(["warmup-effect"])["steps"] as? [Int]
        let result = try #require(try Self.lesson.get().results["warmup-effect"])
        #expect(result.positions == steps)
        for name in ["no_warmup", "with_warmup"] {
            #expect(try Self.scalars("warmup-effect", name, "value") == (try outputs.numbers(["warmup-effect"], name)), "\(name)")
        }
    }

    /// ex3 (adam_vs_adamw.py): test MAE and the sum of the parameter norms after 150 epochs.
    @Test func adamVsAdamW() throws {
        let outputs = try LessonOutputs.load()
        var largest = 0.0, largestAt = ""
        for label in try outputs.runLabels("adam-vs-adamw") {
            for metric in ["test_mae", "weight_norm"] {
                let ours = try #require(try Self.scalars("adam-vs-adamw", label, metric).last)
                let torch = try outputs.number(["adam-vs-adamw", "runs", label], metric)
                let d = relativeDeviation(ours, torch)
                #expect(d <= 2e-3, "\(label) \(metric): \(ours) vs torch \(torch)")
                if d > largest { (largest, largestAt) = (d, "\(label) \(metric)") }
            }
        }
        print("parity ex3 adam-vs-adamw: largest relative deviation \(largest) (\(largestAt))")
    }

    /// ex4 (lr_schedules.py): test MAE per schedule; the lr of every epoch.
    @Test func lrSchedules() throws {
        let outputs = try LessonOutputs.load()
        var largest = 0.0, largestAt = "", others = 0.0
        for label in try outputs.runLabels("lr-schedules") {
            let path = ["lr-schedules", "runs", label]
            let mae = try #require(try Self.scalars("lr-schedules", label, "test_mae").last)
            let torch = try outputs.number(path, "test_mae")
            let d = relativeDeviation(mae, torch)
            #expect(d <= (label == "onecycle" ? 5e-3 : 2e-3), "\(label): test MAE \(mae) vs torch \(torch)")
            if d > largest { (largest, largestAt) = (d, label) }
            if label != "onecycle" { others = max(others, d) }
            // The metric `lr` is the learning rate of the epoch's first optimiser step
            // (docs/experiment-format.md); with an epoch interval every step of an epoch has it.
            let lrs = try Self.scalars("lr-schedules", label, "lr")
            #expect(Self.firstDifference(lrs, try outputs.numbers(path, "lr_first_step")) == nil, "\(label): lr per epoch")
            if ["none", "cosine", "step", "plateau"].contains(label) {
                #expect(Self.firstDifference(lrs, try outputs.numbers(path, "lr_last_step")) == nil, "\(label): one lr per epoch")
            }
        }
        print("parity ex4 lr-schedules: largest relative deviation \(largest) (\(largestAt)); without onecycle \(others)")
    }

    /// ex5 (sgd_vs_adam_classification.py): the best validation accuracy, its epoch and the test accuracy at that
    /// epoch, through the lesson's own table expressions; per-epoch accuracies within a few rows.
    @Test func classification() throws {
        let outputs = try LessonOutputs.load()
        let lesson = try Self.lesson.get()
        let spec = try #require(lesson.specs["classification"])
        #expect(spec.table?.columns.map(\.source)
                == ["label", "best(val_accuracy)", "argbest(val_accuracy)", "test_accuracy[argbest(val_accuracy)]"])
        var largest = 0.0, rows = 0.0
        for label in try outputs.runLabels("classification") {
            let path = ["classification", "runs", label]
            let resolver = ResultResolver(results: lesson.results, specs: lesson.specs, current: "classification", row: .run(label))
            func value(_ text: String) throws -> Double { try Expression.parse(text).number(using: resolver) }
            #expect(try value("best(val_accuracy)") == (try outputs.number(path, "best_val_accuracy")), "\(label): best validation accuracy")
            #expect(Int(try value("argbest(val_accuracy)")) == (try outputs.integer(path, "best_epoch")), "\(label): its epoch")
            #expect(try value("test_accuracy[argbest(val_accuracy)]") == (try outputs.number(path, "test_accuracy_at_best")),
                    "\(label): test accuracy at that epoch")
            for metric in ["val_accuracy", "test_accuracy"] {
                let ours = try Self.scalars("classification", label, metric)
                let torch = try outputs.numbers(path, metric)
                try #require(ours.count == 200 && torch.count == 200)
                for (a, b) in zip(ours, torch) {
                    largest = max(largest, relativeDeviation(a, b))
                    rows = max(rows, (abs(a - b) * 600).rounded())
                }
            }
        }
        #expect(rows <= 3, "single-epoch accuracies within 3 of 600 rows (docs/parity.md §7.2)")
        print("parity ex5 classification: best validation accuracy, its epoch and the test accuracy there exact; per-epoch accuracy at most \(Int(rows)) of 600 rows apart (relative \(largest))")
    }

    /// Every claim the lesson makes holds, and every block renders, on these results.
    @Test func everyCheckHoldsAndEveryFigureRenders() throws {
        let lesson = try Self.lesson.get()
        for spec in lesson.specs.values.sorted(by: { $0.location < $1.location }) {
            let resolver = ResultResolver(results: lesson.results, specs: lesson.specs, current: spec.id)
            #expect(CheckEvaluation.run(spec, resolver: resolver).map(\.description) == [], "checks of \(spec.id)")
            do {
                let figure = try ExperimentFigure.render(spec, results: lesson.results, specs: lesson.specs)
                #expect(figure.checksPassed == spec.checks.count)
                #expect(figure.csvName == "\(spec.id).csv")
            } catch {
                Issue.record("\(spec.id) does not render: \(error)")
            }
        }
    }
}
