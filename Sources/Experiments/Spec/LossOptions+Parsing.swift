import Yams

extension LossOptions {
    /// The keys each loss takes besides `name`.
    static let keys: [LossFunction: [String]] = [.huber: ["delta"], .smoothL1: ["beta"], .crossEntropy: ["label_smoothing"]]

    /// Parses `loss: huber` or `loss: {name: huber, delta: 0.5}`; nil after reporting problems.
    static func parse(_ node: Node, _ reader: SpecReader) -> (LossFunction, LossOptions)? {
        guard node.mapping != nil else {
            guard let loss: LossFunction = reader.choice(node, "loss") else { return nil }
            return (loss, LossOptions())
        }
        guard let nameNode = node.mapping?["name"] else {
            reader.error(node, "missing required key 'name' in loss (one of \(LossFunction.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        guard let loss: LossFunction = reader.choice(nameNode, "loss"),
              let f = Fields(node, "loss", allowed: ["name"] + (keys[loss] ?? []), reader: reader) else { return nil }
        var options = LossOptions()
        options.delta = f.double("delta", default: 1, Rule.positive) { $0 > 0 && $0.isFinite }
        options.beta = f.double("beta", default: 1, Rule.nonNegative) { $0 >= 0 && $0.isFinite }
        options.labelSmoothing = f.double("label_smoothing", default: 0, "must be from 0 to 1") { $0 >= 0 && $0 <= 1 }
        return (loss, options)
    }
}
