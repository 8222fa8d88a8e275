import Testing
@testable import Site
import TestSupport

/// Hostile validation splits, validation metrics and plateau monitors on the experiments fixture's training block
/// (its `split:` is line 57, its runs' optimisers lines 64 and 66, its `metrics:` line 67); each fails at its key and
/// leaves the previous site alone, or builds with its hostile part made harmless.
extension HostileInput {
    static let split = "split: {test_size: 0.25, random_state: 0}"

    static func validation(_ name: String, split newSplit: String? = nil, edits: [(String, String)] = [],
                           _ expected: Expected) -> HostileInput {
        experiment(name, replacing: (newSplit.map { [(split, $0)] } ?? []) + edits, expected)
    }

    static let validationSplits: [HostileInput] = [
        validation("validation: a size of zero", split: "split: {test_size: 0.25, validation_size: 0, random_state: 0}", .fails([
            "content/lab/results.md:57:45: error: 'validation_size' must be between 0 and 1 (exclusive), got 0",
        ])),
        validation("validation: test and validation take every row", split: "split: {test_size: 0.75, validation_size: 0.25, random_state: 0}", .fails([
            "content/lab/results.md:57:45: error: test_size (0.75) + validation_size (0.25) must be below 1, or nothing is left to train on; e.g. test_size: 0.2, validation_size: 0.2",
        ])),
        validation("validation: a size beyond binary64", split: "split: {test_size: 0.25, validation_size: 1e400, random_state: 0}", .fails([
            "content/lab/results.md:57:45: error: 'validation_size' is 1e400, beyond the largest 64-bit float (about 1.8e308)",
        ])),
        validation("validation: a validation metric without a validation part",
                   edits: [("metrics: [train_loss, test_mae]", "metrics: [train_loss, test_mae, val_loss]")], .fails([
            "content/lab/results.md:67:33: error: 'val_loss' needs a validation part: add validation_size to data.split (e.g. split: {test_size: 0.2, validation_size: 0.2, random_state: 42})",
        ])),
        validation("validation: a plateau watching a validation loss that does not exist",
                   edits: [("{name: Adam, lr: 1e-3}", "{name: Adam, lr: 1e-3}\n    scheduler: {name: ReduceLROnPlateau, monitor: val_loss}")], .fails([
            "content/lab/results.md:67:51: error: 'val_loss' needs a validation part: add validation_size to data.split (e.g. split: {test_size: 0.2, validation_size: 0.2, random_state: 42})",
        ])),
        validation("validation: a plateau watching a misspelt metric", split: "split: {test_size: 0.25, validation_size: 0.25, random_state: 0}",
                   edits: [("{name: Adam, lr: 1e-3}", "{name: Adam, lr: 1e-3}\n    scheduler: {name: ReduceLROnPlateau, monitor: val_los}")], .fails([
            "content/lab/results.md:67:51: error: unknown metric 'val_los' (did you mean 'val_loss'?)",
        ])),
        validation("validation: a part of one row from a size of 1e-300 builds and is recorded",
                   split: "split: {test_size: 0.25, validation_size: 1e-300, random_state: 0}",
                   edits: [("metrics: [train_loss, test_mae]", "metrics: [train_loss, test_mae, val_loss]")], .builds({ site in
            let csv = try site.output("lab/results/tiny-train.csv")
            #expect(csv.hasPrefix("run,epoch,test_mae,train_loss,val_loss\n"))
        })),
    ]
}
