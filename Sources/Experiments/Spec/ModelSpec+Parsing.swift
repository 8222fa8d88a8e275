import Yams

extension ModelSpec {
    static let maxWidth = 100_000
    static let maxLayers = 200

    static func parse(_ node: Node, _ reader: SpecReader) -> ModelSpec? {
        guard let f = Fields(node, "model", allowed: ["layers", "activation", "seed", "init"], reader: reader),
              let layersNode = f.required("layers", " (e.g. layers: [4, 64, 32, 1])"),
              let items = reader.list(layersNode, "layers") else { return nil }
        let seed = f.int("seed", default: 42, Rule.nonNegative) { $0 >= 0 }
        let initialisation = f["init"].flatMap { InitSpec.parse($0, reader) }
        let byLayer = items.contains { item in
            if case .scalar(let s) = item { return Int(s.string) == nil && Double(s.string) == nil }
            return true
        }
        if byLayer {
            if let node = f["activation"] {
                reader.error(node, "'activation' belongs to the layers: [widths] form; list the activation as a layer (e.g. relu)")
            }
            if items.count > maxLayers { reader.error(layersNode, "at most \(maxLayers) layers, got \(items.count)") }
            let stack = items.enumerated().compactMap { LayerSpec.parse($1, "layers[\($0 + 1)]", reader) }
            guard stack.count == items.count else { return nil }
            let widths = stack.compactMap { if case .linear(let w) = $0 { w } else { nil } }
            if widths.isEmpty { reader.error(layersNode, "the model needs at least one {linear: width} layer") }
            // The input width is the dataset's; TrainSpec fills it in.
            return ModelSpec(layers: [0] + widths, stack: stack, activation: .relu, seed: seed,
                             initialisation: initialisation)
        }
        guard let layers = reader.ints(layersNode, "layers") else { return nil }
        if layers.count < 2 {
            reader.error(layersNode, "'layers' needs at least an input and an output width, such as [4, 1]")
        }
        if let bad = layers.first(where: { $0 < 1 || $0 > maxWidth }) {
            reader.error(layersNode, "layer widths must be from 1 to \(maxWidth), got \(bad)")
        }
        let activation: Activation = f.choice("activation", "activation") ?? .relu
        return ModelSpec(layers: layers, stack: nil, activation: activation, seed: seed, initialisation: initialisation)
    }

    var canonical: Canonical {
        var object: [String: Canonical] = ["seed": .int(seed)]
        if let stack {
            object["layers"] = .array(stack.map(\.canonical))
        } else {
            object["layers"] = .array(layers.map { .int($0) })
            object["activation"] = .string(activation.rawValue)
        }
        if let initialisation { object["init"] = initialisation.canonical }   // absent: the keys of old caches
        return .object(object)
    }
}
