/// One minibatch of training on the model's own buffers (no allocation once they are sized).
extension MLP {
    /// Forward (training mode), loss, d loss / d output, backward for `rows` rows at `x` with targets `y`;
    /// returns the minibatch loss (`loss.item()`). Fills `gradients`.
    mutating func trainStep(x: UnsafePointer<Float>, y: UnsafePointer<Float>, rows: Int, loss: Loss) -> Float {
        forward(x: x, rows: rows, mode: .train)
        let outputs = outputWidth
        let (out, delta) = (outputOffsets[stages.count - 1], deltaOffsets[stages.count - 1])
        let value = work.withUnsafeMutableBufferPointer { w in
            let prediction = UnsafePointer(w.baseAddress! + out)
            // The value first: cross-entropy uses the gradient block as scratch.
            let value = loss.value(x: prediction, y: y, rows: rows, outputs: outputs, scratch: w.baseAddress! + delta)
            loss.gradient(x: prediction, y: y, rows: rows, outputs: outputs, into: w.baseAddress! + delta)
            return value
        }
        backward(x: x, rows: rows)
        return value
    }

    /// Mean loss of the model on `rows` rows (forward only, in `mode`), reusing the buffers; the outputs stay in
    /// the last stage's block (`output(rows:)`).
    mutating func evaluate(x: UnsafePointer<Float>, y: UnsafePointer<Float>, rows: Int, loss: Loss, mode: Mode) -> Float {
        forward(x: x, rows: rows, mode: mode)
        let outputs = outputWidth
        let (out, delta) = (outputOffsets[stages.count - 1], deltaOffsets[stages.count - 1])
        return work.withUnsafeMutableBufferPointer {
            loss.value(x: $0.baseAddress! + out, y: y, rows: rows, outputs: outputs, scratch: $0.baseAddress! + delta)
        }
    }
}
