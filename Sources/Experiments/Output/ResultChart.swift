import SVGCharts

/// Turns a block's `chart` spec and results into an SVG chart (and the table of its data).
struct ResultChart {
    let spec: ExperimentSpec
    let chart: ChartSpec
    let result: ExperimentResult
    /// The SVG's element id prefix.
    var id: String? = nil

    /// A drawn chart: its title, the SVG, the same data as an accessible HTML table and, for line charts, the
    /// JSON a page script reads to answer a pointer (`LineChart.readoutJSON()`).
    struct Rendered {
        var title: String
        var svg: String
        var table: String
        var readout: String?
    }

    func render() -> Rendered {
        let title = chart.title ?? spec.title ?? spec.id
        let description = spec.caption ?? ""
        if chart.type == .bar {
            let name = chart.y.first ?? ""
            let bars = result.runs.compactMap { run -> (label: String, value: Double)? in
                guard let last = run.scalars(name)?.last else { return nil }
                return (run.label, last)
            }
            let bar = BarChart(title: title, description: description, valueLabel: chart.xLabel ?? chart.yLabel ?? name,
                               bars: bars, id: id ?? "chart-\(spec.id)")
            return Rendered(title: title, svg: bar.svg(), table: bar.table().html(), readout: nil)
        }
        let names = chart.type == .schedule && chart.y.isEmpty ? ["lr"] : chart.y
        var series: [SVGCharts.Series] = []
        for run in result.runs {
            for name in names {
                // A schedule column is a run whose series is "value"; plot it under its own name.
                let key: String
                if run.series[name] != nil {
                    key = name
                } else if run.label == name, run.series["value"] != nil {
                    key = "value"
                } else {
                    continue
                }
                guard let values = run.series[key] else { continue }
                let width = values.map(\.count).max() ?? 1
                for component in 0..<width {
                    var label = run.label
                    if names.count > 1 && key != "value" && result.runs.count > 1 { label += " · \(name)" }
                    if width > 1 { label += " [\(component)]" }
                    if result.runs.count == 1 && key != "value" { label = width > 1 ? "\(name)[\(component)]" : name }
                    let points = zip(result.positions, values).compactMap { x, v -> (x: Double, y: Double)? in
                        component < v.count ? (Double(x), v[component]) : nil
                    }
                    var drawn = SVGCharts.Series(label: label.replacingOccurrences(of: "_", with: " "), points: points)
                    drawn.band = band(run: run.label, key: key, component: component)
                    series.append(drawn)
                }
            }
        }
        let line = LineChart(
            title: title, description: description,
            xLabel: chart.xLabel ?? (result.axis == "epoch" ? "Epoch" : "Step"),
            yLabel: chart.yLabel ?? names.joined(separator: ", "),
            yScale: chart.yScale == .log ? .log : .linear,
            series: series,
            annotations: chart.annotations.map { .vertical(x: $0.x, label: $0.label) },
            id: id ?? "chart-\(spec.id)")
        return Rendered(title: title, svg: line.svg(), table: line.table(maxRows: 60).html(), readout: line.readoutJSON())
    }

    /// For a block run with seeds: mean ± one sample standard deviation of the series over the seeds, per position.
    private func band(run label: String, key: String, component: Int) -> [SVGCharts.Series.BandPoint] {
        guard let perSeed = result.seedResults, perSeed.count > 1 else { return [] }
        let all = perSeed.compactMap { $0.run(label)?.series[key] }
        guard all.count == perSeed.count else { return [] }
        return Self.band(result.positions.indices.map { i in
            (x: Double(result.positions[i]), values: all.compactMap { i < $0.count && component < $0[i].count ? $0[i][component] : nil })
        }, seeds: perSeed.count)
    }

    /// The band of ± one sample standard deviation around the mean of each x's values over the seeds; an x where
    /// a seed has no value (it diverged before) is left out.
    static func band(_ samples: [(x: Double, values: [Double])], seeds: Int) -> [SVGCharts.Series.BandPoint] {
        let band = samples.compactMap { sample -> SVGCharts.Series.BandPoint? in
            guard sample.values.count == seeds, let mean = try? Expression.reduce(sample.values, .seedMean, at: 0),
                  let std = try? Expression.reduce(sample.values, .seedStd, at: 0) else { return nil }
            return .init(x: sample.x, low: mean - std, high: mean + std)
        }
        // A series every seed agrees on (a fixed learning rate) gets no band; its std is rounding noise at most.
        return band.allSatisfy { $0.high - $0.low <= 1e-9 * max(abs($0.low), abs($0.high)) } ? [] : band
    }
}
