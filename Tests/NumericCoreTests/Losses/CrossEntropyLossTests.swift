import Foundation
import Testing
@testable import NumericCore

@Suite("CrossEntropyLoss: value, d/dlogits and log_softmax against torch (loss_crossentropy.json)")
struct CrossEntropyLossTests {
    @Test("bitwise torch, AVX2 lanes, any number of classes", arguments: 0..<37)
    func crossEntropyCase(index: Int) throws {
        let c = try Fixture.testCase("loss_crossentropy.json", index, of: 37)
        let (b, k) = (try c.int("rows"), try c.int("classes"))
        let logits = try Tensor(rows: b, cols: k, scalars: wave(count: b * k, 0.1 * Double(b) + Double(k),
                                                                 scale: try c.double("scale")))
        let targets = try c.ints("targets")
        #expect(try CrossEntropyLoss.value(logits: logits, targets: targets).bitPattern == Float(try c.double("loss")).bitPattern)
        #expect(bits(try CrossEntropyLoss.gradient(logits: logits, targets: targets).scalars) == bits(try c.packedFloats("grad")))
        #expect(FixtureDigest.hex(CrossEntropyLoss.logSoftmax(logits).scalars) == c["log_softmax_fnv1a64"] as? String)
    }

    @Test("targets outside the classes are refused")
    func badTarget() throws {
        let logits = try Tensor(rows: 2, cols: 3, scalars: [1, 2, 3, 4, 5, 6])
        #expect(throws: LossError.classOutOfRange(target: 3, classes: 3)) { try CrossEntropyLoss.value(logits: logits, targets: [0, 3]) }
        #expect(throws: LossError.countMismatch(predictions: 2, targets: 1)) { try CrossEntropyLoss.value(logits: logits, targets: [0]) }
    }
}
