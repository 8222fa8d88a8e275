import Foundation
import NumericCore

/// The floating-point types an objective is evaluated in: float64 or float32, as the landscape's runs.
public protocol ObjectiveScalar: BinaryFloatingPoint & Sendable {
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self
}

extension Double: ObjectiveScalar {
    public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    public static func log(_ x: Double) -> Double { Foundation.log(x) }
    public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
    public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
    public static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
}

extension Float: ObjectiveScalar {
    public static func exp(_ x: Float) -> Float { Foundation.exp(x) }
    public static func log(_ x: Float) -> Float { Foundation.log(x) }
    public static func sin(_ x: Float) -> Float { Foundation.sin(x) }
    public static func cos(_ x: Float) -> Float { Foundation.cos(x) }
    public static func pow(_ x: Float, _ y: Float) -> Float { Foundation.pow(x, y) }
}

/// Evaluates a smooth formula (an objective or one of its derivatives) at a point, in float64 or float32,
/// with the operations PyTorch's kernels perform on 0-dimensional tensors: every operation rounds to the
/// type, a Python number meeting a tensor is first rounded to it, `t ** n` for n in {0, 1, 2, 3, ½, −½,
/// −1, −2} is computed as torch's `pow` specialises it (`t*t`, `t*t*t`, `sqrt`, `1/sqrt`, `1/t`,
/// `1/(t*t)`), and `c / t` with a number `c` is Python's `t.reciprocal() * c`. Unlike `evaluate`, nothing
/// is refused: a division by zero gives ±∞ and a log of a negative number NaN, as in torch; the landscape
/// runner turns a non-finite loss or gradient into an error at the run.
extension Expression {
    /// The value at the point `variables` (names → values); names other than those, `pi` and `e` are NaN.
    public func value<T: ObjectiveScalar>(at variables: [String: T]) -> T {
        switch node {
        case .number(let c): return T(c)
        case .name("pi"): return T(Double.pi)
        case .name("e"): return T(M_E)
        case .name(let name): return variables[name] ?? .nan
        case .negate(let a): return -a.value(at: variables)
        case .binary(.add, let a, let b): return a.value(at: variables) + b.value(at: variables)
        case .binary(.subtract, let a, let b): return a.value(at: variables) - b.value(at: variables)
        case .binary(.multiply, let a, let b): return a.value(at: variables) * b.value(at: variables)
        case .binary(.divide, let a, let b):
            if case .number(let c) = a.node { return (1 / b.value(at: variables)) * T(c) }
            return a.value(at: variables) / b.value(at: variables)
        case .binary(.power, let a, let b): return Self.power(a, b, variables)
        case .call(let function, let arguments):
            let a = arguments[0]
            switch function {
            case .pow where arguments.count == 2: return Self.power(a, arguments[1], variables)
            case .exp: return T.exp(a.value(at: variables))
            case .log: return T.log(a.value(at: variables))
            case .sin: return T.sin(a.value(at: variables))
            case .cos: return T.cos(a.value(at: variables))
            case .sqrt: return a.value(at: variables).tensorSquareRoot()             // MKL's, as torch.sqrt
            default: return .nan   // refused by `gradient` before an objective is ever evaluated
            }
        default: return .nan
        }
    }

    /// torch's `pow_tensor_scalar_optimized_kernel` for the exponents it special-cases, `std::pow` otherwise.
    private static func power<T: ObjectiveScalar>(_ a: Expression, _ b: Expression, _ variables: [String: T]) -> T {
        let base = a.value(at: variables)
        let exponent = b.value(at: variables)
        if case .number = b.node {} else if b.uses(Array(variables.keys)) { return T.pow(base, exponent) }
        switch exponent {
        case 0: return 1
        case 1: return base
        case 2: return base * base
        case 3: return base * base * base
        case 0.5: return base.tensorSquareRoot()                                  // torch.sqrt (MKL's); −0.5 is rsqrt: IEEE
        case -0.5: return 1 / base.squareRoot()
        case -1: return 1 / base
        case -2: return 1 / (base * base)
        default: return T.pow(base, exponent)
        }
    }
}
