/// What an expression evaluates to.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case string(String)
    /// Values per epoch or step (index 1 is the first); a bare series reads as its final value.
    case series(Series)
    /// Several numbers at one point, such as a trace's parameter vector.
    case vector([Double])

    /// How the value's type reads in an error message.
    var typeName: String {
        switch self {
        case .number: return "a number"
        case .bool: return "true/false"
        case .string: return "a string"
        case .series: return "a series"
        case .vector: return "a vector"
        }
    }

    /// The value as text: numbers with `format` (or shortest round-trip form, whole numbers without
    /// `.0`), vectors as `[a, b]`, series by their final value.
    public func formatted(with format: NumberFormat? = nil) -> String {
        func number(_ x: Double) -> String {
            if let format { return format.format(x) }
            if x.isFinite, x.rounded() == x, abs(x) < 1e15 { return String(Int(x)) }
            return "\(x)"
        }
        switch self {
        case .number(let x): return number(x)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return s
        case .series(let s): return s.values.last.map(number) ?? ""
        case .vector(let v): return "[" + v.map(number).joined(separator: ", ") + "]"
        }
    }

    public var description: String { formatted() }
}

/// A recorded series and which direction is better, for `best` and `argbest`.
public struct Series: Sendable, Hashable {
    public var values: [Double]
    /// True for accuracy; false for losses, errors, and by default.
    public var higherIsBetter: Bool

    public init(_ values: [Double], higherIsBetter: Bool = false) {
        self.values = values
        self.higherIsBetter = higherIsBetter
    }
}

/// Supplies the values of names and references while an expression is evaluated; the experiment runner
/// implements it over its results, tests with a dictionary.
public protocol ExpressionResolver {
    /// The value of a bare name (`reference.block == nil && reference.run == nil`) or a qualified reference.
    /// `pi` and `e` never reach the resolver.
    func resolve(_ reference: Reference) throws(ReferenceError) -> Value
    /// How many seeds the blocks `expression` refers to were run with (nil when none has `seeds`); an error when
    /// they differ. The default (Evaluator+Seeds.swift) knows no seeds.
    func seedCount(of expression: Expression) throws(ReferenceError) -> Int?
    /// The resolver that reads every block with seeds as its `index`-th seed's result.
    func pinned(toSeed index: Int) -> Self
}

/// A resolver over a fixed table of bare names (schedule columns, `lr_lambda`, tests).
public struct VariableResolver: ExpressionResolver, Sendable {
    public var variables: [String: Value]

    public init(_ variables: [String: Value]) {
        self.variables = variables
    }

    public func resolve(_ reference: Reference) throws(ReferenceError) -> Value {
        guard reference.block == nil, reference.run == nil else {
            throw ReferenceError("'\(reference)' cannot be used here; only plain names are available")
        }
        guard let value = variables[reference.name] else {
            throw ReferenceError.unknownName(reference.name, among: variables.keys.sorted())
        }
        return value
    }
}
