import Diagnostics

/// A training run whose loss stops being finite is almost always a mistake (a learning rate typed a thousand
/// times too large), so it fails the build at that run's learning rate, unless the author marked the run
/// `diverges: true` to show the blow-up on purpose. A marked run that finishes fails too: the page would
/// otherwise promise a divergence it does not show.
public enum DivergenceCheck {
    public static func diagnostics(_ spec: ExperimentSpec, result: ExperimentResult?) -> [Diagnostic] {
        // In a sweep a diverged point is a result (the learning rate too large is the lesson), shown as diverged.
        guard case .train(let train) = spec.body, spec.sweep == nil, let result else { return [] }
        var problems: [Diagnostic] = []
        for run in train.runs {
            guard let outcome = result.run(run.label) else { continue }
            switch (outcome.divergence, run.expectsDivergence) {
            case (let divergence?, false):
                problems.append(.error(at: run.location,
                    "run '\(run.label)' diverged: its loss became NaN or infinite at epoch \(divergence.epoch), "
                    + "step \(divergence.step) (\(rate(run))); lower the learning rate"
                    + (run.scheduler == nil ? "" : " or fix the schedule")
                    + ", or add 'diverges: true' to the run to show the divergence on purpose"))
            case (nil, true):
                problems.append(.error(at: run.location,
                    "run '\(run.label)' is marked 'diverges: true' but trained all \(train.training.epochs) epochs "
                    + "with a finite loss; remove the mark or raise the learning rate"))
            default:
                break
            }
        }
        return problems
    }

    /// "lr 0.001", or "lr 0.001 scheduled by LambdaLR" when a scheduler changes it.
    static func rate(_ run: TrainRun) -> String {
        let lr = "lr \(NumberFormat(style: .general).format(run.optimizer.lr))"
        guard let scheduler = run.scheduler else { return lr }
        return "\(lr) scheduled by \(scheduler.name.rawValue)"
    }
}
