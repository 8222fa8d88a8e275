import NumericCore

extension CoreFactory {
    /// RMSprop, Adagrad, NAdam, RAdam or Adamax from its options.
    static func adaptive(_ name: OptimizerSpec.Name, _ o: AdaptiveOptions) throws(OptimizerError) -> any Optimizer {
        switch name {
        case .rmsprop:
            return try RMSprop(lr: o.lr, alpha: o.alpha, eps: o.eps, weightDecay: o.weightDecay, momentum: o.momentum,
                               centered: o.centered)
        case .adagrad:
            return try Adagrad(lr: o.lr, lrDecay: o.lrDecay, weightDecay: o.weightDecay,
                               initialAccumulatorValue: o.initialAccumulatorValue, eps: o.eps)
        case .nadam:
            return try NAdam(lr: o.lr, betas: (o.beta1, o.beta2), eps: o.eps, weightDecay: o.weightDecay,
                             momentumDecay: o.momentumDecay, decoupledWeightDecay: o.decoupledWeightDecay)
        case .radam:
            return try RAdam(lr: o.lr, betas: (o.beta1, o.beta2), eps: o.eps, weightDecay: o.weightDecay,
                             decoupledWeightDecay: o.decoupledWeightDecay)
        case .adamax, .sgd, .adam, .adamW:
            return try Adamax(lr: o.lr, betas: (o.beta1, o.beta2), eps: o.eps, weightDecay: o.weightDecay)
        }
    }
}
