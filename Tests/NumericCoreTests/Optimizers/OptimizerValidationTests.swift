import Testing
@testable import NumericCore

/// Hyper-parameters torch.optim rejects throw typed errors; shapes that do not fit are reported, not trapped.
@Suite struct OptimizerValidationTests {
    @Test func sgdRejectsWhatTorchRejects() {
        #expect(throws: OptimizerError.invalidLearningRate(-0.1)) { try SGD(lr: -0.1) }
        #expect(throws: OptimizerError.invalidMomentum(-1)) { try SGD(lr: 0.1, momentum: -1) }
        #expect(throws: OptimizerError.invalidWeightDecay(-1e-4)) { try SGD(lr: 0.1, weightDecay: -1e-4) }
        #expect(throws: OptimizerError.nesterovRequiresMomentum(momentum: 0, dampening: 0)) {
            try SGD(lr: 0.1, nesterov: true)
        }
        #expect(throws: OptimizerError.nesterovRequiresMomentum(momentum: 0.9, dampening: 0.1)) {
            try SGD(lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true)
        }
    }

    @Test func adamFamilyRejectsWhatTorchRejects() {
        #expect(throws: OptimizerError.invalidEpsilon(-1e-8)) { try Adam(eps: -1e-8) }
        #expect(throws: OptimizerError.invalidBeta(index: 0, value: 1.0)) { try Adam(betas: (1.0, 0.999)) }
        #expect(throws: OptimizerError.invalidBeta(index: 1, value: -0.5)) { try AdamW(betas: (0.9, -0.5)) }
        #expect(throws: OptimizerError.invalidWeightDecay(-0.01)) { try AdamW(weightDecay: -0.01) }
        #expect(throws: OptimizerError.invalidLearningRate(-1)) { try AdamW(lr: -1) }
    }

    @Test func defaultsAreTorchs() throws {
        let adamW = try AdamW()
        #expect(adamW.lr == 1e-3 && adamW.weightDecay == 0.01 && adamW.beta1 == 0.9 && adamW.beta2 == 0.999)
        #expect(try Adam().weightDecay == 0)
        #expect(try SGD().lr == 1e-3)
    }

    @Test func messagesNameTheBadValue() {
        #expect(OptimizerError.invalidBeta(index: 0, value: 1.0).description
            == "invalid beta parameter at index 0: 1.0 is not in [0, 1)")
    }

    @Test func mismatchedLengthsThrow() throws {
        var sgd = try SGD(lr: 0.1, momentum: 0.9)
        var p: [Float] = [1, 2, 3]
        #expect(throws: OptimizerError.gradientCount(parameters: 3, gradients: 2)) {
            try sgd.step(parameters: &p, gradients: [1, 1])
        }
        try sgd.step(parameters: &p, gradients: [1, 1, 1])
        var q: [Float] = [1, 2]
        #expect(throws: OptimizerError.parameterCountChanged(expected: 3, got: 2)) {
            try sgd.step(parameters: &q, gradients: [1, 1])
        }
    }

    @Test func sgdMomentumBufferStartsAsACopyOfTheGradient() throws {
        var sgd = try SGD(lr: 0.5, momentum: 0.9, dampening: 0.5)
        var p: [Float] = [1]
        #expect(sgd.momentumBuffer == nil)
        try sgd.step(parameters: &p, gradients: [0.25])
        #expect(sgd.momentumBuffer == [0.25])                        // no dampening on the first step
        #expect(p == [0.875])
    }
}
