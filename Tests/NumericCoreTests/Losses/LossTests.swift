import Testing
@testable import NumericCore

/// MSELoss and BCEWithLogitsLoss against real torch (Fixtures/optim_losses.json).
@Suite struct LossTests {
    static func load(_ name: String) throws -> (x: Tensor, y: Tensor, loss: Float, grad: [Float]) {
        let c = try Fixture.load("optim_losses.json").object("cases").object(name)
        return (Tensor(column: try c.floats("x")), Tensor(column: try c.floats("y")), Float(try c.double("loss")),
                try c.floats("grad"))
    }

    @Test(arguments: ["mse_64", "mse_48", "mse_7"])
    func mseGradientIsBitwiseAndValueWithinAnUlp(name: String) throws {
        let c = try Self.load(name)
        #expect(bits(try Loss.mse.gradient(prediction: c.x, target: c.y).scalars) == bits(c.grad))
        let value = try Loss.mse.value(prediction: c.x, target: c.y)
        #expect(abs(value - c.loss) <= c.loss.ulp)                  // torch's float32 reduction order differs
    }

    @Test(arguments: ["bce_64", "bce_7"])
    func bceMatchesTorchWithinItsSigmoidApproximation(name: String) throws {
        let c = try Self.load(name)
        let grad = try Loss.bceWithLogits.gradient(prediction: c.x, target: c.y).scalars
        for (ours, torch) in zip(grad, c.grad) {
            #expect(abs(ours - torch) <= 4 * max(abs(torch).ulp, Float.leastNormalMagnitude))
        }
        let value = try Loss.bceWithLogits.value(prediction: c.x, target: c.y)
        #expect(abs(value - c.loss) / c.loss < 1e-6)
    }

    @Test func mismatchedCountsThrow() {
        #expect(throws: LossError.countMismatch(predictions: 2, targets: 3)) {
            try Loss.mse.value(prediction: Tensor(column: [1, 2]), target: Tensor(column: [1, 2, 3]))
        }
    }
}
