import Diagnostics

/// Evaluates a block's `checks`: a claim that is false fails the build at the check's line, with the
/// values on both sides of the comparison, so the author sees what the numbers actually say.
enum CheckEvaluation {
    static func run(_ spec: ExperimentSpec, resolver: ResultResolver) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for check in spec.checks {
            do {
                if try check.expression.bool(using: resolver) { continue }
                problems.append(.error(at: check.site.start, "check failed: \(check.source)\(actualValues(check.expression, resolver))"))
            } catch {
                problems.append(.error(at: check.site.location(at: error.offset), "check cannot be evaluated: \(error.message)"))
            }
        }
        return problems
    }

    /// `; left side = 0.0724, right side = 0.0854` for a comparison, else nothing.
    static func actualValues(_ expression: Expression, _ resolver: ResultResolver) -> String {
        guard case .binary(_, let a, let b) = expression.node,
              let left = try? a.evaluate(using: resolver), let right = try? b.evaluate(using: resolver) else { return "" }
        return "; left side = \(left.formatted()), right side = \(right.formatted())"
    }
}
