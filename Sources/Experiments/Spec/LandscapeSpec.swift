/// A `kind: landscape` block: optimisers and textbook rules started from one point on a function of two
/// variables, `f(x, y)`, each stepping down its exact gradient; drawn as paths over the function's contour lines.
public struct LandscapeSpec: Sendable, Hashable {
    /// How contour levels are spaced.
    public enum LevelSpacing: String, Sendable, Hashable, CaseIterable {
        /// Logarithmic when the function is positive over the view and spans more than two decades, else linear.
        case auto
        case linear
        case log
    }

    public var objective: Objective
    public var start: [Double]
    public var steps: Int
    public var precision: TraceSpec.Precision
    public var runs: [TraceRun]
    /// The drawn region; nil fits the paths (and the start) with a margin.
    public var view: View?
    /// How many contour levels are drawn.
    public var levels: Int
    public var levelSpacing: LevelSpacing
    /// Grid cells along each axis for the contour lines.
    public var grid: Int

    /// The quantities every run records per step (step 0 is the start).
    public static let quantities = ["x", "y", "loss", "dx", "dy"]

    /// A rectangle of the (x, y) plane.
    public struct View: Sendable, Hashable {
        public var x: ClosedRange<Double>
        public var y: ClosedRange<Double>
    }
}

/// The function a landscape block descends: a formula in `x` and `y`, and its exact gradient.
public struct Objective: Sendable, Hashable {
    /// The classic's name when the block named one.
    public var classic: ClassicObjective?
    /// The formula as written (or the classic's formula).
    public var source: String
    public var expression: Expression
    /// [∂f/∂x, ∂f/∂y], built by `Expression.gradient`.
    public var gradient: [Expression]

    public static let variables = ["x", "y"]
}

/// The textbook test functions a landscape block can name instead of writing a formula.
public enum ClassicObjective: String, Sendable, Hashable, CaseIterable {
    /// 0.1x² + 2y²: a ravine 20 times steeper across than along.
    case illConditioned = "ill-conditioned"
    /// (1 − x)² + 100(y − x²)²: a curved valley with its minimum at (1, 1).
    case rosenbrock
    /// Beale's function: flat plateaus and a minimum at (3, 0.5).
    case beale
    /// x² − y²: a saddle at the origin.
    case saddle

    public var formula: String {
        switch self {
        case .illConditioned: "0.1*x^2 + 2*y^2"
        case .rosenbrock: "(1 - x)^2 + 100*(y - x^2)^2"
        case .beale: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"
        case .saddle: "x^2 - y^2"
        }
    }

    /// Where runs start when the block gives no `start`.
    public var start: [Double] {
        switch self {
        case .illConditioned: [-4.5, 1]
        case .rosenbrock: [-1.5, 2]
        case .beale: [1, 1.5]
        case .saddle: [-1.5, 0.01]
        }
    }

    /// The drawn region when the block gives no `view`.
    public var view: LandscapeSpec.View {
        switch self {
        case .illConditioned: .init(x: -5...5, y: -2...2)
        case .rosenbrock: .init(x: -2...2, y: -1...3)
        case .beale: .init(x: -4.5...4.5, y: -4.5...4.5)
        case .saddle: .init(x: -2...2, y: -2...2)
        }
    }
}
