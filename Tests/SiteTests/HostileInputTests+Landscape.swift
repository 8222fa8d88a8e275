import Testing
@testable import Site

/// Hostile landscape blocks: an objective without a derivative everywhere, a step count far past the limit,
/// a contour grid far past its limit; each fails at its key and leaves the previous site alone.
extension HostileInput {
    /// A landscape block as first.md's body (its YAML starts on line 5), with `line` replacing one of its lines.
    static func landscape(_ name: String, _ lines: [String], _ expected: Expected) -> HostileInput {
        lessonBody(name, "```experiment\n" + (["id: l", "kind: landscape"] + lines
            + ["runs:", "  - label: SGD", "    optimizer: {name: SGD, lr: 0.1}"]).joined(separator: "\n") + "\n```\n", expected)
    }

    static let landscapes: [HostileInput] = [
        landscape("landscape: non-differentiable objective", ["objective: \"abs(x) + y^2\"", "start: [1, 1]"], .fails([
            "content/intro/first.md:7:13: error: in 'objective': abs has no derivative everywhere, so the gradient cannot be exact; write the objective with + - * / ^, exp, log, sqrt, sin and cos",
        ])),
        landscape("landscape: a million steps", ["objective: rosenbrock", "steps: 1000000"], .fails([
            "content/intro/first.md:8:8: error: 'steps' must be from 1 to 10000, got 1000000",
        ])),
        landscape("landscape: a grid of 10 000 cells a side", ["objective: saddle", "grid: 10000"], .fails([
            "content/intro/first.md:8:7: error: 'grid' must be from 8 to 200, got 10000",
        ])),
    ]
}
