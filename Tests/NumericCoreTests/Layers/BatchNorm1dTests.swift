import Foundation
import Testing
@testable import NumericCore

@Suite("BatchNorm1d: train and eval forward, running statistics, backward, T threads (layers_batchnorm.json)")
struct BatchNorm1dTests {
    @Test("bitwise torch for every case and thread count", arguments: 0..<20)
    func batchNormCase(index: Int) throws {
        let c = try Fixture.testCase("layers_batchnorm.json", index, of: 20)
        let (n, f, i) = (try c.int("rows"), try c.int("features"), try c.int("case"))
        let options = try c.object("options"), scale = try c.double("scale")
        var bn = try BatchNorm1d(features: f, eps: options["eps"] as? Double ?? 1e-5,
                                 momentum: options["momentum"] as? Double ?? 0.1,
                                 affine: options["affine"] as? Bool ?? true, threads: try c.int("threads"))
        if bn.affine {
            bn.weight = try c.packedFloats("weight")
            bn.bias = try c.packedFloats("bias")
        }
        bn.runningMean = try c.packedFloats("running_mean_0")
        bn.runningVar = try c.packedFloats("running_var_0")
        let x = try Tensor(rows: n, cols: f, scalars: wave(count: n * f, 0.25 * Double(i), scale: scale))
        let x2 = try Tensor(rows: n, cols: f, scalars: wave(count: n * f, 3 + Double(i), scale: scale))
        let dy = try Tensor(rows: n, cols: f, scalars: wave(count: n * f, 7 - Double(i)))

        let (y, saved) = try bn.forwardTrain(x)
        #expect(bits(y.scalars) == bits(try c.packedFloats("y")))
        #expect(bits(bn.runningMean) == bits(try c.packedFloats("running_mean_1")))
        #expect(bits(bn.runningVar) == bits(try c.packedFloats("running_var_1")))
        let grads = try bn.backwardTrain(input: x, outputGradient: dy, saved: saved)
        #expect(bits(grads.input.scalars) == bits(try c.packedFloats("grad_input")))
        if bn.affine {
            #expect(bits(grads.weight) == bits(try c.packedFloats("grad_weight")))
            #expect(bits(grads.bias) == bits(try c.packedFloats("grad_bias")))
        }
        let y2 = try bn.forwardTrain(x2).output
        #expect(bits(y2.scalars) == bits(try c.packedFloats("y2")))
        #expect(bits(bn.runningMean) == bits(try c.packedFloats("running_mean_2")))
        #expect(bits(bn.runningVar) == bits(try c.packedFloats("running_var_2")))
        #expect(bits(try bn.forwardEval(x2).scalars) == bits(try c.packedFloats("y_eval")))
    }

    @Test("the thread count matters: T = 2 statistics differ from T = 1 on a 64-row batch")
    func threadDependence() throws {
        let x = try Tensor(rows: 64, cols: 32, scalars: wave(count: 64 * 32, 0, scale: 10))
        var one = try BatchNorm1d(features: 32, threads: 1), two = try BatchNorm1d(features: 32, threads: 2)
        #expect(try one.forwardTrain(x).output != two.forwardTrain(x).output)
        #expect(BatchNorm1d.chunks(rows: 5, threads: 2) == [0..<3, 3..<5])
        #expect(BatchNorm1d.chunks(rows: 2, threads: 4) == [0..<1, 1..<2])
    }

    @Test("a training batch of one row is refused, as torch refuses it")
    func singleRow() throws {
        var bn = try BatchNorm1d(features: 3)
        #expect(throws: ModelError.batchTooSmallForBatchNorm(rows: 1)) {
            try bn.forwardTrain(try Tensor(rows: 1, cols: 3, scalars: [1, 2, 3]))
        }
    }
}
