import Foundation
import Testing
@testable import NumericCore

/// nn.CrossEntropyLoss(label_smoothing=ε) against torch (loss_label_smoothing.json, from
/// scripts/reference/loss_next_fixtures.py): the value (nll and the uniform term, each through torch's float32 sums)
/// and d loss / d logits, bitwise, for 2 to 40 classes and ε of 0.1, 0.3 and 1.
@Suite struct LabelSmoothingTests {
    static let count = 30

    @Test("value and d/dlogits bitwise torch", arguments: 0..<count)
    func smoothingCase(index: Int) throws {
        let c = try Fixture.testCase("loss_label_smoothing.json", index, of: Self.count)
        let (b, k, eps) = (try c.int("rows"), try c.int("classes"), try c.double("label_smoothing"))
        let logits = try Tensor(rows: b, cols: k, scalars: wave(count: b * k, 0.1 * Double(b) + Double(k) + eps,
                                                                 scale: try c.double("scale")))
        let targets = try c.ints("targets")
        let name = "B=\(b) C=\(k) ε=\(eps)"
        #expect(try CrossEntropyLoss.value(logits: logits, targets: targets, labelSmoothing: eps).bitPattern
                == Float(try c.double("loss")).bitPattern, "\(name)")
        #expect(try c.matches(try CrossEntropyLoss.gradient(logits: logits, targets: targets, labelSmoothing: eps).scalars,
                              "grad"), "\(name)")
    }

    @Test("label_smoothing 0 is the plain loss")
    func zeroIsPlain() throws {
        let logits = try Tensor(rows: 5, cols: 3, scalars: wave(count: 15, 0.4))
        #expect(try Loss.crossEntropy(labelSmoothing: 0).value(prediction: logits, target: Tensor(column: [0, 1, 2, 1, 0]))
                == (try CrossEntropyLoss.value(logits: logits, targets: [0, 1, 2, 1, 0])))
    }
}
