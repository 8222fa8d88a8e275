/// A torch optimiser and its options, defaults filled in (torch 2.x defaults).
public enum OptimizerSpec: Sendable, Hashable {
    case sgd(SGDOptions)
    case adam(AdamOptions)
    case adamW(AdamOptions)
    /// RMSprop, Adagrad, NAdam, RAdam or Adamax (`name`) with the options that optimiser has.
    case adaptive(Name, AdaptiveOptions)

    /// The torch class name.
    public enum Name: String, Sendable, CaseIterable {
        case sgd = "SGD", adam = "Adam", adamW = "AdamW"
        case rmsprop = "RMSprop", adagrad = "Adagrad", nadam = "NAdam", radam = "RAdam", adamax = "Adamax"
    }

    public var name: Name {
        switch self {
        case .sgd: return .sgd
        case .adam: return .adam
        case .adamW: return .adamW
        case .adaptive(let name, _): return name
        }
    }

    /// The base learning rate.
    public var lr: Double {
        switch self {
        case .sgd(let o): return o.lr
        case .adam(let o), .adamW(let o): return o.lr
        case .adaptive(_, let o): return o.lr
        }
    }
}

/// `torch.optim.SGD` options.
public struct SGDOptions: Sendable, Hashable {
    public var lr: Double
    public var momentum = 0.0
    public var dampening = 0.0
    public var weightDecay = 0.0
    public var nesterov = false
}

/// `torch.optim.Adam` / `AdamW` options (AdamW's weight decay defaults to 0.01, Adam's to 0).
public struct AdamOptions: Sendable, Hashable {
    public var lr = 1e-3
    public var beta1 = 0.9
    public var beta2 = 0.999
    public var eps = 1e-8
    public var weightDecay: Double
    public var amsgrad = false
}
