/// The element operations Adam's update uses, for one scalar or a SIMD vector of them: every operation
/// acts lane by lane with IEEE rounding, so a vectorised step gives the same bits as a scalar one.
protocol AdamLane {
    associatedtype Scalar: OptimizerScalar
    init(repeating value: Scalar)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    func addingProduct(_ a: Self, _ b: Self) -> Self
    func squareRoot() -> Self
    static func maximum(_ a: Self, _ b: Self) -> Self
    static func load(_ p: UnsafePointer<Scalar>) -> Self
    func store(_ p: UnsafeMutablePointer<Scalar>)
}

extension Float: AdamLane {
    init(repeating value: Float) { self = value }
    static func maximum(_ a: Float, _ b: Float) -> Float { Swift.max(a, b) }
    static func load(_ p: UnsafePointer<Float>) -> Float { p.pointee }
    func store(_ p: UnsafeMutablePointer<Float>) { p.pointee = self }
}

extension Double: AdamLane {
    init(repeating value: Double) { self = value }
    static func maximum(_ a: Double, _ b: Double) -> Double { Swift.max(a, b) }
    static func load(_ p: UnsafePointer<Double>) -> Double { p.pointee }
    func store(_ p: UnsafeMutablePointer<Double>) { p.pointee = self }
}

extension SIMD8: AdamLane where Scalar == Float {
    static func maximum(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { pointwiseMax(a, b) }
    static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
    func store(_ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: self, as: SIMD8<Float>.self) }
}
