import Diagnostics
import NumericCore

/// Why an experiment could not run; the stage attaches the block's location, unless the error has its own
/// (an `lr_lambda` that cannot be evaluated is reported at its column).
public struct RunError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// Where in the block the problem is written; nil for the block as a whole.
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    /// A core error while running, after `context` ("run 'Adam': "); a located cause (a `LambdaLR` formula that
    /// failed) keeps its place.
    init(_ context: String, _ error: any Error) {
        let scheduler: SchedulerError? = switch error {
        case let e as SchedulerError: e
        case TrainingError.scheduler(let e): e
        default: nil
        }
        if case .lambdaFailed(_, let cause as Diagnostic)? = scheduler {
            self.init(context + cause.message, at: cause.location)
        } else {
            self.init(context + "\(error)")
        }
    }

    public var description: String { message }
}
