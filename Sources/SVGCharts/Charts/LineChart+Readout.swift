/// The data a page script needs to answer a pointer over a line chart (readout, vertical rule, focus marks),
/// as compact JSON for a `<script type="application/json">` beside the SVG.
///
/// ```json
/// {"x":{"scale":"linear","domain":[1,150],"range":[52.5,470]},"y":{"scale":"log","domain":[0.01,5],"range":[300,40]},
///  "label":"Epoch","at":[1,2,…],"series":[{"label":"SGD","values":[2.31,1.87,…]},…]}
/// ```
/// `x` and `y` are the chart's scales (data domain → viewBox range, as the SVG was drawn). `at` holds the x
/// positions a reader can step through: every distinct x of the data, or, for series longer than the plot is
/// wide (whose lines are downsampled), evenly spaced ones, at most one per viewBox unit, always the first and
/// the last. `values[i]` is the series' value at `at[i]`, written as the data table writes it (six
/// significant digits, ASCII minus); null where the series has no point there; non-finite values as the
/// strings `"NaN"`, `"∞"`, `"−∞"`.
extension LineChart {
    public func readoutJSON() -> String? {
        let layout = LineChartLayout(self)
        guard layout.hasData else { return nil }
        let (lo, hi) = layout.x.domain
        var lookup: [[Double: Double]] = []
        var xs = Set<Double>()
        for s in series {
            var values: [Double: Double] = [:]
            for p in s.points where layout.x.accepts(p.x) && p.x >= lo && p.x <= hi {
                values[p.x] = p.y
                xs.insert(p.x)
            }
            lookup.append(values)
        }
        let sorted = xs.sorted()
        let at = ChartTable.sampledIndices(count: sorted.count, limit: max(2, Int(layout.plot.width))).map { sorted[$0] }
        var json = "{\"x\":" + Self.scaleJSON(layout.x) + ",\"y\":" + Self.scaleJSON(layout.y)
        json += ",\"label\":" + (xLabel.isEmpty ? "x" : xLabel).jsonQuoted
        json += ",\"at\":[" + at.map(Self.valueJSON).joined(separator: ",") + "],\"series\":["
        json += zip(series, lookup).map { s, values in
            "{\"label\":" + s.label.jsonQuoted + ",\"values\":["
                + at.map { x in values[x].map(Self.valueJSON) ?? "null" }.joined(separator: ",") + "]}"
        }.joined(separator: ",")
        return json + "]}"
    }

    /// A value as the data table shows it, as a JSON number (or a JSON string when it is not finite).
    private static func valueJSON(_ value: Double) -> String {
        let text = ChartTable.cell(value)
        return value.isFinite ? text.replacingOccurrences(of: NumberText.minus, with: "-") : text.jsonQuoted
    }

    private static func scaleJSON(_ scale: Scale) -> String {
        let number = { (v: Double) in NumberText.fixed(v, decimals: 2, minus: "-", trim: true) }
        return "{\"scale\":\"\(scale.type == .log ? "log" : "linear")\",\"domain\":[\(scale.domain.0),\(scale.domain.1)]"
            + ",\"range\":[\(number(scale.range.0)),\(number(scale.range.1))]}"
    }
}
