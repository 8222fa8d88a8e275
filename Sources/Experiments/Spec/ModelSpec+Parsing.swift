import Yams

extension ModelSpec {
    static let maxWidth = 100_000

    static func parse(_ node: Node, _ reader: SpecReader) -> ModelSpec? {
        guard let f = Fields(node, "model", allowed: ["layers", "activation", "seed"], reader: reader),
              let layersNode = f.required("layers", " (e.g. layers: [4, 64, 32, 1])"),
              let layers = reader.ints(layersNode, "layers") else { return nil }
        if layers.count < 2 {
            reader.error(layersNode, "'layers' needs at least an input and an output width, such as [4, 1]")
        }
        if let bad = layers.first(where: { $0 < 1 || $0 > maxWidth }) {
            reader.error(layersNode, "layer widths must be from 1 to \(maxWidth), got \(bad)")
        }
        let activation: Activation = f.choice("activation", "activation") ?? .relu
        if activation != .relu {
            // The spec names torch's activations; the numeric core implements ReLU so far.
            reader.error(f["activation"], "activation '\(activation.rawValue)' is not available in the numeric core yet; use relu")
        }
        let seed = f.int("seed", default: 42, Rule.nonNegative) { $0 >= 0 }
        return ModelSpec(layers: layers, activation: activation, seed: seed)
    }

    var canonical: Canonical {
        .object(["layers": .array(layers.map { .int($0) }), "activation": .string(activation.rawValue), "seed": .int(seed)])
    }
}
