import Foundation
import Testing
@testable import NumericCore

/// nn.L1Loss, nn.HuberLoss(delta) and nn.SmoothL1Loss(beta) against torch (loss_regression.json, from
/// scripts/reference/loss_next_fixtures.py): the loss value (ATen's cascade sum, then ⊘ N) and the gradient (vector
/// blocks of 16 and the scalar tail, which compares with the binary64 delta or beta), bitwise, for sizes on both
/// sides of every block edge, with exact ties and differences of exactly ±delta/beta.
@Suite struct RegressionLossTests {
    static let count = 117

    @Test("value and d/dx bitwise torch", arguments: 0..<count)
    func regressionCase(index: Int) throws {
        let c = try Fixture.testCase("loss_regression.json", index, of: Self.count)
        let (n, scale) = (try c.int("n"), try c.double("scale"))
        let option = try? c.double("option")
        // The script's inputs: two waves, and for n ≥ 8 a tie and two differences of exactly ±delta/beta.
        var xs = wave(count: n, 0.5 + Double(n) * 0.01, scale: scale), ys = wave(count: n, 2.0 + Double(n) * 0.02, scale: scale)
        if n >= 8 {
            ys[3] = xs[3]
            if let option, option != 0 {
                ys[5] = xs[5] - Float(option)
                ys[6] = xs[6] + Float(option)
            }
        }
        let x = Tensor(column: xs), y = Tensor(column: ys)
        let kind = c["loss"] as? String ?? ""
        let loss: Loss = switch kind {
        case "huber": .huber(delta: option ?? .nan)
        case "smooth-l1": .smoothL1(beta: option ?? .nan)
        default: .l1
        }
        let name = "\(kind) n=\(n) option=\(option.map { "\($0)" } ?? "-")"
        #expect(try loss.value(prediction: x, target: y).bitPattern == Float(try c.double("value")).bitPattern, "\(name)")
        #expect(try c.matches(try loss.gradient(prediction: x, target: y).scalars, "grad"), "\(name)")
    }

    @Test("SmoothL1Loss with beta 0 is L1Loss, as torch's F.smooth_l1_loss makes it")
    func smoothL1ZeroIsL1() throws {
        let x = Tensor(column: wave(count: 37, 1)), y = Tensor(column: wave(count: 37, 2))
        #expect(try Loss.smoothL1(beta: 0).value(prediction: x, target: y) == (try Loss.l1.value(prediction: x, target: y)))
        #expect(bits(try Loss.smoothL1(beta: 0).gradient(prediction: x, target: y).scalars) == bits(try Loss.l1.gradient(prediction: x, target: y).scalars))
    }
}
