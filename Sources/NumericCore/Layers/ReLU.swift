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
        for i in 0..<count where x[i] < 0 { x[i] = 0 }
    }

    /// g ← output > 0 ? g : 0 (torch's threshold_backward on the ReLU output).
    static func backward(_ g: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int) {
        for i in 0..<count where !(output[i] > 0) { g[i] = 0 }
    }
}
