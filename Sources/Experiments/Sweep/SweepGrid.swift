/// The points of a sweep: one or two run options (axes), each with its values, combined as a grid in
/// reading order (the first axis changes slowest). Stored with the results, so tables, charts and
/// references find a point by its coordinates without the spec.
public struct SweepGrid: Codable, Sendable, Hashable {
    /// The swept options, as written in `sweep:` (`lr`, `weight_decay`, `dropout`, …).
    public var options: [String]
    /// Each option's values, in the order written.
    public var values: [[SweepValue]]
    /// The point shown first, and without JavaScript.
    public var defaultPoint: Int

    public init(options: [String], values: [[SweepValue]], defaultPoint: Int) {
        self.options = options
        self.values = values
        self.defaultPoint = defaultPoint
    }

    public var pointCount: Int { values.reduce(1) { $0 * $1.count } }

    /// Each axis' value index at point `p`.
    public func indices(of p: Int) -> [Int] {
        var rest = p
        var result = [Int](repeating: 0, count: values.count)
        for axis in values.indices.reversed() {
            result[axis] = rest % values[axis].count
            rest /= values[axis].count
        }
        return result
    }

    public func coordinates(of p: Int) -> [SweepValue] {
        zip(values, indices(of: p)).map { $0[$1] }
    }

    /// The point with these value indices (one per axis).
    public func point(indices: [Int]) -> Int {
        zip(values, indices).reduce(0) { $0 * $1.0.count + $1.1 }
    }

    /// The point at the given option values, matched exactly; nil when a value is not one of the axis'.
    public func point(at coordinates: [String: SweepValue]) -> Int? {
        var indices: [Int] = []
        for (option, axisValues) in zip(options, values) {
            guard let value = coordinates[option], let i = axisValues.firstIndex(of: value) else { return nil }
            indices.append(i)
        }
        return point(indices: indices)
    }

    /// `lr=0.01` or `lr=0.01, momentum=0.9`: how prose, tables, verify keys and the CSV name a point
    /// (numbers as Python's `{:g}` prints them).
    public func text(of p: Int) -> String {
        zip(options, coordinates(of: p)).map { "\($0)=\($1.text)" }.joined(separator: ", ")
    }
}

/// One value of a swept option: a number (a slider) or a flag such as `nesterov` (a select).
public enum SweepValue: Codable, Sendable, Hashable {
    case number(Double)
    case flag(Bool)

    /// As Python's `{:g}` prints a number, `true`/`false` for flags.
    public var text: String {
        switch self {
        case .number(let x): return NumberFormat(style: .general).format(x)
        case .flag(let b): return b ? "true" : "false"
        }
    }

    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }
}

extension SweepGrid {
    /// The point a reference names (`[lr=0.1]`), or why it names none: every swept option once, each at one of
    /// its values.
    public func point(named coordinates: [SweepCoordinate]) -> Result<Int, SweepPointError> {
        var given: [String: SweepValue] = [:]
        for coordinate in coordinates {
            guard let axis = options.firstIndex(of: coordinate.option) else {
                return .failure(SweepPointError("'\(coordinate.option)' is not swept here (the sweep varies \(optionList))"))
            }
            guard values[axis].contains(coordinate.value) else {
                return .failure(SweepPointError("\(coordinate) is not a point of the sweep; \(coordinate.option) takes "
                    + values[axis].map(\.text).joined(separator: ", ")))
            }
            given[coordinate.option] = coordinate.value
        }
        guard let point = point(at: given) else {
            return .failure(SweepPointError("name every swept option: the sweep varies \(optionList), as in [\(text(of: defaultPoint))]"))
        }
        return .success(point)
    }

    var optionList: String { options.joined(separator: " and ") }
}

/// Why a reference names no point of a sweep.
public struct SweepPointError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
