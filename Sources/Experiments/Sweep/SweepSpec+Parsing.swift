import Diagnostics
import Yams

extension SweepSpec {
    /// Parses `sweep:` and the block at every point of it: each point is the block's YAML with that point's
    /// values written in where the option lives (each run's optimiser or scheduler, `training`, every dropout
    /// layer of the block's model and of each run's own), read by the ordinary parser, so a value the option
    /// refuses is reported at the value in the sweep.
    /// The default point is read with `reader` (its problems are reported as for any block); a problem only
    /// another point has is reported once. Returns the default point's body and the sweep.
    static func parse(_ node: Node, root: Node, _ reader: SpecReader) -> (TrainSpec, SweepSpec)? {
        let before = reader.diagnostics.count
        guard let entries = reader.entries(node, "sweep", allowed: nil) else { return nil }
        var axes: [(option: String, keyNode: Node, values: [SweepValue], nodes: [Node])] = []
        var defaultNode: Node?, chartNode: Node?
        for (key, keyNode, value) in entries {
            if key == "default" { defaultNode = value; continue }
            if key == "chart" { chartNode = value; continue }
            guard SweepTarget(option: key) != nil else {
                reader.error(keyNode, "'\(key)' is not an option a sweep can vary" + DidYouMean.hint(for: key, among: SweepTarget.all)
                    + "; sweepable: \(SweepTarget.all.joined(separator: ", ")) (and the keys default, chart)")
                continue
            }
            guard let items = reader.list(value, key) else { continue }
            guard items.count >= 2 else {
                reader.error(value, "sweep '\(key)' needs at least two values, such as \(key): [0.01, 0.1], got \(items.count)")
                continue
            }
            guard items.count <= limits.values else {
                reader.error(value, "sweep '\(key)' has \(items.count) values; at most \(limits.values) per option")
                continue
            }
            let values: [SweepValue] = items.compactMap { item in
                SweepTarget.flags.contains(key) ? reader.bool(item, key).map { .flag($0) } : reader.double(item, key).map { .number($0) }
            }
            guard values.count == items.count else { continue }
            if let repeated = values.indices.dropFirst().first(where: { i in values[..<i].contains(values[i]) }) {
                reader.error(items[repeated], "sweep '\(key)' lists \(values[repeated].text) twice")
                continue
            }
            if let i = values.indices.dropFirst().first(where: { (values[$0].number ?? 0) < (values[$0 - 1].number ?? 0) }) {
                reader.error(items[i], "sweep '\(key)' values must increase (the slider runs in their order): \(values[i].text) comes after \(values[i - 1].text)")
                continue
            }
            axes.append((key, keyNode, values, items))
        }
        if axes.isEmpty, reader.diagnostics.count == before {
            reader.error(node, "a sweep needs an option and its values, such as lr: [0.001, 0.01, 0.1]")
        }
        if axes.count > limits.axes {
            reader.error(axes[limits.axes].keyNode, "a sweep varies at most \(limits.axes) options, got \(axes.count)")
        }
        guard reader.diagnostics.count == before else { return nil }

        var defaults = axes.map { ($0.values.count - 1) / 2 }
        if let defaultNode, let f = Fields(defaultNode, "sweep.default", allowed: axes.map(\.option), reader: reader) {
            for (a, axis) in axes.enumerated() {
                guard let valueNode = f[axis.option] else { continue }
                let value: SweepValue? = SweepTarget.flags.contains(axis.option)
                    ? reader.bool(valueNode, axis.option).map { .flag($0) } : reader.double(valueNode, axis.option).map { .number($0) }
                guard let value else { continue }
                guard let index = axis.values.firstIndex(of: value) else {
                    reader.error(valueNode, "sweep.default \(axis.option)=\(value.text) is not one of the swept values ("
                        + axis.values.map(\.text).joined(separator: ", ") + ")")
                    continue
                }
                defaults[a] = index
            }
        }
        let grid = SweepGrid(options: axes.map(\.option), values: axes.map(\.values), defaultPoint: 0)
        var sweep = SweepSpec(grid: grid, bodies: [], chart: nil, location: reader.location(of: node))
        sweep.grid.defaultPoint = grid.point(indices: defaults)
        if grid.pointCount > limits.points {
            reader.error(node, "this sweep has \(grid.pointCount) points; at most \(limits.points) (fewer values per option)")
        }
        guard reader.diagnostics.count == before else { return nil }

        // The default point first, with the block's own reader.
        func body(at p: Int, _ pointReader: SpecReader) -> TrainSpec? {
            var pointRoot = root
            for (a, i) in grid.indices(of: p).enumerated() {
                pointRoot = substitute(axes[a].option, axes[a].nodes[i], in: pointRoot, keyNode: axes[a].keyNode, pointReader)
            }
            guard let f = Fields(pointRoot, "the experiment", allowed: nil, reader: pointReader) else { return nil }
            return TrainSpec.parse(f, pointReader)
        }
        guard let first = body(at: sweep.grid.defaultPoint, reader), reader.diagnostics.count == before else { return nil }
        var bodies: [TrainSpec] = []
        var reported = Set(reader.diagnostics)
        for p in 0..<grid.pointCount {
            if p == sweep.grid.defaultPoint { bodies.append(first); continue }
            let pointReader = SpecReader(origin: reader.origin)
            let spec = body(at: p, pointReader)
            for diagnostic in pointReader.diagnostics where !reported.contains(diagnostic) {
                reported.insert(diagnostic)
                reader.error(at: diagnostic.location ?? reader.origin, diagnostic.message + " (at sweep point \(grid.text(of: p)))")
            }
            if let spec { bodies.append(spec) }
        }
        guard reader.diagnostics.count == before else { return nil }
        sweep.bodies = bodies.map { .train($0) }
        checkBudget(bodies, node, reader)
        if let chartNode { sweep.chart = SweepChartSpec.parse(chartNode, metrics: first.metricNames, reader) }
        guard reader.diagnostics.count == before else { return nil }
        return (first, sweep)
    }

    /// Every point's runs are computed at build time (each once per seed) and kept: the block's compute and memory
    /// budgets hold for the sum over the points, the rows the figure embeds (points × runs) stay under
    /// `limits.runs`, and the trainings (points × runs × seeds) under `limits.trainings`.
    private static func checkBudget(_ bodies: [TrainSpec], _ node: Node, _ reader: SpecReader) {
        let runs = bodies.reduce(0) { $0 + $1.runs.count }
        let seeds = bodies.first?.seeds?.count
        // With seeds, what the budgets count says so.
        let over = "its \(bodies.count) points" + (seeds.map { " and \($0) seeds" } ?? "")
        let fewer = seeds == nil ? "fewer values" : "fewer values, seeds"
        let format = NumberFormat(style: .exponent, precision: 1)
        if runs > limits.runs {
            reader.error(node, "this sweep trains \(runs) runs (\(bodies.count) points × runs); at most \(limits.runs): fewer values or runs")
        } else if let seeds, runs * seeds > limits.trainings {
            reader.error(node, "this sweep trains \(runs * seeds) times (\(bodies.count) points × runs × \(seeds) seeds); at most "
                + "\(limits.trainings): fewer values, runs or seeds")
        }
        let cost = bodies.reduce(0.0) { $0 + $1.computeCost }
        if cost > TrainSpec.limits.budget {
            reader.error(node, "this sweep is too large to run at build time: over \(over), runs × \(seeds == nil ? "" : "seeds × ")epochs × "
                + "samples × parameters = \(format.format(cost)), over the budget of \(format.format(TrainSpec.limits.budget)); "
                + "\(fewer), epochs, samples or layer widths")
        }
        let memory = bodies.reduce(0.0) { $0 + $1.memoryEstimate.total }
        if memory > TrainSpec.memoryBudget {
            reader.error(node, "this sweep would need about \(TrainSpec.gigabytes(memory)) of memory over \(over), "
                + "over the memory budget of \(TrainSpec.gigabytes(TrainSpec.memoryBudget)); \(fewer), epochs or layer widths")
        }
    }

    /// The block's YAML with `option` set to `value` wherever that option lives.
    static func substitute(_ option: String, _ value: Node, in root: Node, keyNode: Node, _ reader: SpecReader) -> Node {
        guard let target = SweepTarget(option: option) else { return root }
        switch target {
        case .training:
            guard let training = root.mapping?["training"] else { return root }
            return root.setting("training", to: training.setting(option, to: value))
        case .optimizer, .scheduler:
            guard let runs = root.mapping?["runs"], case .sequence(let items) = runs else { return root }
            let section = target == .optimizer ? "optimizer" : "scheduler"
            var changed = 0
            let updated = items.enumerated().map { i, run -> Node in
                guard let part = run.mapping?[section], let name = part.mapping?["name"]?.scalar?.string else { return run }
                let options: [String]? = target == .optimizer
                    ? OptimizerSpec.Name(rawValue: name).map { $0 == .sgd ? OptimizerSpec.sgdKeys : OptimizerSpec.adamKeys }
                    : SchedulerSpec.Name(rawValue: name).flatMap { SchedulerSpec.keys[$0] }
                guard let options else { return run }  // a misspelt name is reported by the parser
                guard options.contains(option) else {
                    if target == .optimizer {
                        reader.error(keyNode, "run \(i + 1) uses \(name), which has no option '\(option)'; a sweep varies an option every run's optimiser has")
                    }
                    return run
                }
                changed += 1
                return run.setting(section, to: part.setting(option, to: value))
            }
            if changed == 0, target == .scheduler {
                reader.error(keyNode, "no run has a scheduler with the option '\(option)' to sweep")
            }
            return root.setting("runs", to: .sequence(Node.Sequence(updated, items.tag, items.style, items.mark)))
        case .dropout:
            // The block's model and every run's own model (`runs[i].model`): a run that sets its model still
            // follows the sweep, as its script's `nn.Dropout(p)` does.
            var found = 0
            var updated = root
            if let model = root.mapping?["model"], let changed = model.settingDropout(to: value) {
                updated = updated.setting("model", to: changed.model)
                found += changed.count
            }
            if let runs = root.mapping?["runs"], case .sequence(let items) = runs {
                let changedRuns = items.map { run -> Node in
                    guard let model = run.mapping?["model"], let changed = model.settingDropout(to: value) else { return run }
                    found += changed.count
                    return run.setting("model", to: changed.model)
                }
                updated = updated.setting("runs", to: .sequence(Node.Sequence(changedRuns, items.tag, items.style, items.mark)))
            }
            if found == 0 {
                reader.error(keyNode, "sweep 'dropout' varies the p of every {dropout: p} layer, but neither the block's model nor a "
                    + "run's own model has one; add {dropout: 0.5} to the layers, e.g. layers: [{linear: 64}, relu, {dropout: 0.5}, {linear: 1}]")
            }
            return updated
        }
    }
}

extension SweepChartSpec {
    static func parse(_ node: Node, metrics: [String], _ reader: SpecReader) -> SweepChartSpec? {
        guard let f = Fields(node, "sweep.chart", allowed: ["y", "x_scale", "y_scale", "title", "y_label"], reader: reader),
              let yNode = f.required("y", " (the metric whose final value is plotted, such as train_loss, or a list of them)")
        else { return nil }
        let names = yNode.scalar != nil ? reader.string(yNode, "y").map { [$0] } : reader.list(yNode, "y")?.compactMap { reader.string($0, "y") }
        guard let names else { return nil }
        guard !names.isEmpty else {
            reader.error(yNode, "sweep.chart y needs a metric, such as y: train_loss or y: [train_loss, test_loss]")
            return nil
        }
        var valid = true
        for (i, name) in names.enumerated() {
            if !metrics.contains(name) {
                reader.error(yNode, "sweep.chart y '\(name)' is not recorded in this block" + DidYouMean.hint(for: name, among: metrics)
                    + " (available: \(metrics.joined(separator: ", ")))")
                valid = false
            } else if names[..<i].contains(name) {
                reader.error(yNode, "sweep.chart y lists '\(name)' twice")
                valid = false
            }
        }
        guard valid else { return nil }
        return SweepChartSpec(y: names, xScale: f.choice("x_scale", "x scale") ?? .linear, yScale: f.choice("y_scale", "y scale") ?? .linear,
                              title: f.string("title"), yLabel: f.string("y_label"))
    }
}

private extension Node {
    /// A model mapping with the `p` of every `{dropout: p}` layer set to `value`, and how many there are; nil
    /// when this is not a model with a list of layers.
    func settingDropout(to value: Node) -> (model: Node, count: Int)? {
        guard let layers = mapping?["layers"], case .sequence(let items) = layers else { return nil }
        var found = 0
        let updated = items.map { layer -> Node in
            guard let mapping = layer.mapping, mapping.count == 1, mapping["dropout"] != nil else { return layer }
            found += 1
            return layer.setting("dropout", to: value)
        }
        return (setting("layers", to: .sequence(Node.Sequence(updated, items.tag, items.style, items.mark))), found)
    }

    /// A mapping with `key` set to `value` (replaced in place, or added at the end); other nodes unchanged.
    func setting(_ key: String, to value: Node) -> Node {
        guard case .mapping(let mapping) = self else { return self }
        var pairs = mapping.map { ($0.key, $0.value) }
        if let i = pairs.firstIndex(where: { $0.0.scalar?.string == key }) {
            pairs[i].1 = value
        } else {
            pairs.append((Node(key), value))
        }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    }
}
