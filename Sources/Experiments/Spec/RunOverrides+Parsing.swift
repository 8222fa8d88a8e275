import Yams

extension RunOverrides {
    static let keys = ["model", "batch_size", "evaluation"]

    /// A run's `model`, `batch_size` and `evaluation` (each optional), checked as the block's own are: the model
    /// against the dataset and loss, batch norm against a one-row training batch, and an evaluation in train
    /// mode against a one-row evaluation batch. Nil after reporting a problem.
    static func parse(_ r: Fields, _ spec: TrainSpec, _ reader: SpecReader) -> RunOverrides? {
        var overrides = RunOverrides()
        var valid = true
        if let node = r["model"] {
            if var model = ModelSpec.parse(node, reader) {
                if model.stack != nil { model.layers[0] = spec.data.dataset.featureCount }
                TrainSpec.checkShapes(spec.data, model, spec.loss, node.mapping?["layers"], reader)
                // The block's per-layer metrics are read from every run's model.
                let linears = model.layers.count - 1
                for metric in spec.layerMetrics where metric.layer > linears {
                    reader.error(node, "metric '\(metric.name)' names Linear layer \(metric.layer), but this run's model has \(linears)")
                }
                overrides.model = model
            } else {
                valid = false
            }
        }
        if let node = r["batch_size"] {
            if let b = reader.int(node, "batch_size") {
                if b >= 1 { overrides.batchSize = b } else { reader.error(node, "'batch_size' \(Rule.atLeastOne), got \(b)") }
            }
            valid = valid && overrides.batchSize != nil
        }
        let model = overrides.model ?? spec.model
        let batchSize = overrides.batchSize ?? spec.training.batchSize
        if overrides.model != nil || overrides.batchSize != nil {
            TrainSpec.checkBatchNorm(spec.data, model, batchSize, r["batch_size"] ?? r["model"], reader)
        }
        if let node = r["evaluation"] {
            if let evaluation = RunEvaluation.parse(node, "\(r.context).evaluation", spec.training.evaluationMode, reader) {
                checkEvaluation(evaluation, model, spec, node, reader)
                overrides.evaluation = evaluation
            } else {
                valid = false
            }
        }
        return valid ? overrides : nil
    }

    /// torch's batch norm refuses one row in train mode ("Expected more than 1 value per channel when
    /// training"), so an evaluation in train mode may not leave a batch of one row in a set it evaluates.
    private static func checkEvaluation(_ evaluation: RunEvaluation, _ model: ModelSpec, _ spec: TrainSpec, _ node: Node,
                                        _ reader: SpecReader) {
        guard evaluation.mode == .train, model.hasBatchNorm else { return }
        var sets: [(String, Int)] = []
        if spec.metrics.contains(where: { $0 == .trainLoss || $0 == .trainAccuracy || $0 == .genGap || $0 == .accuracyGap }) { sets.append(("training", spec.data.trainCount)) }
        if spec.metrics.contains(where: \.needsValidation) { sets.append(("validation", spec.data.validationCount)) }
        if spec.metrics.contains(where: { ![.trainLoss, .trainAccuracy, .weightNorm, .lr, .gradNorm].contains($0) && !$0.needsValidation }) {
            sets.append(("test", spec.data.testCount))
        }
        for (name, n) in sets {
            let b = min(evaluation.batchSize ?? n, n)
            if TrainSpec.leavesSingleRow(n, inBatchesOf: b) {
                reader.error(node.mapping?["batch_size"] ?? node,
                             "batch norm in train mode cannot normalise a batch of one row (torch: 'Expected more than 1 "
                             + "value per channel when training'), but \(n) \(name) rows in batches of \(b) leave one; "
                             + "choose another batch_size, or evaluate in eval mode")
                return
            }
        }
    }

    /// The overrides in a block's cache key; absent ones add nothing, so blocks without them keep their keys.
    var canonical: [String: Canonical] {
        var fields: [String: Canonical] = [:]
        if let model { fields["model"] = model.canonical }
        if let batchSize { fields["batch_size"] = .int(batchSize) }
        if let evaluation {
            var e: [String: Canonical] = ["mode": .string(evaluation.mode.rawValue)]
            if let b = evaluation.batchSize { e["batch_size"] = .int(b) }
            fields["evaluation"] = .object(e)
        }
        return fields
    }
}

extension RunEvaluation {
    /// `{mode: eval|train, batch_size: N}`; the mode defaults to the block's `evaluation_mode`, the batch to a
    /// whole set.
    static func parse(_ node: Node, _ context: String, _ blockMode: EvaluationMode, _ reader: SpecReader) -> RunEvaluation? {
        guard let f = Fields(node, context, allowed: ["mode", "batch_size"], reader: reader) else { return nil }
        let chosen: EvaluationMode? = f.choice("mode", "evaluation mode")
        if f.has("mode"), chosen == nil { return nil }
        let mode = chosen ?? blockMode
        guard f.has("batch_size") else { return RunEvaluation(mode: mode) }
        guard let b = f.int("batch_size") else { return nil }
        guard b >= 1 else {
            reader.error(f["batch_size"], "'batch_size' \(Rule.atLeastOne), got \(b)")
            return nil
        }
        return RunEvaluation(mode: mode, batchSize: b)
    }
}
