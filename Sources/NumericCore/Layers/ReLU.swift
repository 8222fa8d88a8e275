/// The rectifier `max(x, 0)` (torch's `nn.ReLU`), applied in place between the MLP's linear layers.
public enum ReLU {
    /// `max(x, 0)` for every element of a tensor (NaN stays NaN, as in torch).
    public static func apply(_ x: Tensor) -> Tensor {
        var y = x
        y.scalars.withUnsafeMutableBufferPointer { ReLU.forward($0.baseAddress!, count: $0.count) }
        return y
    }

    /// x ← max(x, 0), element-wise over `count` scalars.
    static func forward(_ x: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i &+ 8 <= count {
            var v = load(x + i)
            v.replace(with: 0, where: v .< 0)
            store(v, x + i)
            i &+= 8
        }
        while i < count { if x[i] < 0 { x[i] = 0 }; i &+= 1 }
    }

    /// g ← output > 0 ? g : 0 (torch's threshold_backward on the ReLU output).
    static func backward(_ g: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int) {
        var i = 0
        while i &+ 8 <= count {
            var v = load(g + i)
            v.replace(with: 0, where: .!(load(output + i) .> 0))
            store(v, g + i)
            i &+= 8
        }
        while i < count { if !(output[i] > 0) { g[i] = 0 }; i &+= 1 }
    }

    // Whole registers, stored whether or not a lane changed: the compiler's own vectorisation of the conditional
    // loops above stores through a mask, which this machine kind runs in microcode (or, with other aliasing
    // facts, does not vectorise at all).
    @inline(__always) private static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always) private static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }
}
