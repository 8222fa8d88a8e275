extension ExperimentSpec {
    /// The labels of the block's runs (train, trace) or schedulers (schedule).
    public var runLabels: [String] {
        switch body {
        case .train(let t): return t.runs.map(\.label)
        case .trace(let t): return t.runs.map(\.label)
        case .schedule(let s): return s.schedulers.map(\.label)
        case .landscape(let l): return l.runs.map(\.label)
        }
    }

    /// What a chart's `y` may name.
    var plottable: [String] {
        switch body {
        case .train(let t): return t.metricNames
        case .trace(let t): return t.record.map(\.rawValue)
        case .schedule(let s): return s.columns.map(\.name) + s.schedulers.map(\.label)
        case .landscape: return LandscapeSpec.quantities
        }
    }

    /// Names usable in table values (`rows` given) or checks (`rows` nil). A bare metric means the current
    /// row's run in run rows, and needs a single run in checks.
    func scope(rows: TableSpec.Rows?) -> NameScope {
        switch body {
        case .train(let t):
            let metrics = t.metricNames, constants = t.constants.keys.sorted()
            let single = t.runs.count == 1 && (sweep == nil || rows != nil)
            let bare: [String] = switch rows {
            case .runs: ["label"] + metrics + constants
            case .epochs: ["epoch"] + (single ? metrics : []) + constants
            case .steps, nil: (single ? metrics : []) + constants
            }
            return NameScope(bare: bare, runLabels: runLabels, qualified: metrics + ["diverged"], blockID: id, sweep: sweep?.grid,
                             needsPoint: rows == nil, otherLessons: rows == nil)
        case .trace(let t):
            let quantities = t.record.map(\.rawValue)
            let bare: [String] = switch rows {
            case .runs: ["label"] + quantities
            case .steps, .epochs: ["step"] + (t.runs.count == 1 ? quantities : [])
            case nil: t.runs.count == 1 ? quantities : []
            }
            return NameScope(bare: bare, runLabels: runLabels, qualified: quantities, blockID: id, otherLessons: rows == nil)
        case .schedule(let s):
            let bare = (rows == nil ? [] : ["t", "step"]) + s.constants.keys.sorted() + s.columns.map(\.name)
            return NameScope(bare: bare, runLabels: runLabels, qualified: ["lr"], blockID: id, otherLessons: rows == nil)
        case .landscape(let l):
            let quantities = LandscapeSpec.quantities
            let bare: [String] = switch rows {
            case .runs: ["label"] + quantities
            case .steps, .epochs: ["step"] + (l.runs.count == 1 ? quantities : [])
            case nil: l.runs.count == 1 ? quantities : []
            }
            return NameScope(bare: bare, runLabels: runLabels, qualified: quantities, blockID: id, otherLessons: rows == nil)
        }
    }

    /// Canonical JSON of everything that determines the computed results (the body, with defaults filled
    /// in), so equivalent specs give the same text; hash it for the cache key. Presentation (title,
    /// caption, table, chart, checks) is left out; `presentationKeyMaterial` covers it.
    public var cacheKeyMaterial: String {
        let body: Canonical = switch self.body {
        case .train(let t): t.canonical
        case .trace(let t): t.canonical
        case .schedule(let s): s.canonical
        case .landscape(let l): l.canonical
        }
        var fields: [String: Canonical] = ["format": .int(1), "kind": .string(kind.rawValue), "body": body]
        if let sweep {
            // Every point's computation, and the grid that names them (blocks without a sweep keep their keys).
            fields["sweep"] = .object([
                "options": .array(sweep.grid.options.map { .string($0) }),
                "values": .array(sweep.grid.values.map { .array($0.map { .string($0.text) }) }),
                "default": .int(sweep.grid.defaultPoint),
                "points": .array(sweep.bodies.map { body in
                    if case .train(let t) = body { return t.canonical }
                    return .null
                }),
            ])
        }
        return Canonical.object(fields).json
    }

    /// Canonical JSON of the presentation keys (title, caption, table, chart, checks, source).
    public var presentationKeyMaterial: String {
        Canonical.object([
            "id": .string(id), "title": title.map { .string($0) } ?? .null, "caption": caption.map { .string($0) } ?? .null,
            "source": source.map { .string($0) } ?? .null, "table": table?.canonical ?? .null,
            "chart": chart?.canonical ?? .null, "checks": .array(checks.map { .string($0.expression.description) }),
        ].merging(sweepPresentation) { a, _ in a }).json
    }

    /// The sweep chart, for the presentation key (nothing for other blocks, which keep their keys).
    private var sweepPresentation: [String: Canonical] {
        guard let chart = sweep?.chart else { return [:] }
        // One metric keeps the key it had before `y` took a list.
        let y: Canonical = chart.y.count == 1 ? .string(chart.y[0]) : .array(chart.y.map { .string($0) })
        return ["sweep_chart": .object(["y": y, "x_scale": .string(chart.xScale.rawValue),
                                        "y_scale": .string(chart.yScale.rawValue), "title": chart.title.map { .string($0) } ?? .null,
                                        "y_label": chart.yLabel.map { .string($0) } ?? .null])]
    }
}
