/// How a bar chart writes its value labels.
public enum ValueFormat: Sendable, Equatable {
    /// Three significant digits; SI units from 1,000 (`3.2k`), exponents below 0.001 (`2.5e-5`).
    case automatic
    /// A fixed number of decimals (`0.042` with 3).
    case fixed(decimals: Int)
    /// The value × 100 with a percent sign (`97.3%` for 0.973 with 1 decimal).
    case percent(decimals: Int)

    func text(_ value: Double) -> String {
        guard value.isFinite else { return NumberText.nonFinite(value) }
        switch self {
        case .automatic: return TickFormat.value(value)
        case .fixed(let d): return NumberText.fixed(value, decimals: min(max(d, 0), 12))
        case .percent(let d): return NumberText.fixed(value * 100, decimals: min(max(d, 0), 12)) + "%"
        }
    }
}
