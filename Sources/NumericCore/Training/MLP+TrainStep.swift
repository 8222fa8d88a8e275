/// One minibatch of training on the model's own buffers (no allocation once they are sized).
extension MLP {
    /// Forward, loss, d loss / d output, backward for `rows` rows at `x` with targets `y`; returns the
    /// minibatch loss (`loss.item()`). Fills `gradients`.
    mutating func trainStep(x: UnsafePointer<Float>, y: UnsafePointer<Float>, rows: Int, loss: Loss) -> Float {
        forward(x: x, rows: rows)
        let count = rows * sizes[layerCount]
        let (out, delta) = (outputOffsets[layerCount - 1], deltaOffsets[layerCount - 1])
        let value = work.withUnsafeMutableBufferPointer { w in
            let prediction = UnsafePointer(w.baseAddress! + out)
            loss.gradient(x: prediction, y: y, count: count, into: w.baseAddress! + delta)
            return loss.value(x: prediction, y: y, count: count)
        }
        backward(x: x, rows: rows)
        return value
    }

    /// Mean loss of the model on `rows` rows (forward only), reusing the buffers.
    mutating func evaluate(x: UnsafePointer<Float>, y: UnsafePointer<Float>, rows: Int, loss: Loss) -> Float {
        forward(x: x, rows: rows)
        let out = outputOffsets[layerCount - 1]
        return work.withUnsafeBufferPointer { loss.value(x: $0.baseAddress! + out, y: y, count: rows * sizes[layerCount]) }
    }
}
