/// The `<desc>` text of a line chart: the author's description, then what the axes show and each series'
/// key values (last value, lowest and highest), so a screen-reader user gets the chart's point.
extension LineChart {
    func summary(_ layout: LineChartLayout) -> String {
        var sentences: [String] = []
        if !description.isEmpty { sentences.append(description.hasSuffix(".") ? description : description + ".") }
        let kind = series.allSatisfy { $0.mark == .step } && !series.isEmpty ? "Step chart"
            : series.allSatisfy { $0.mark == .points } && !series.isEmpty ? "Scatter plot" : "Line chart"
        sentences.append("\(kind) of \(series.count) series.")
        sentences.append(axisSentence("x", xLabel, layout.x))
        sentences.append(axisSentence("y", yLabel, layout.y))
        let xName = xLabel.isEmpty ? "x" : xLabel
        for s in series {
            let drawable = s.points.filter { layout.x.accepts($0.x) && layout.y.accepts($0.y) }
            let skipped = s.points.count - drawable.count
            guard let last = drawable.last, let low = drawable.min(by: { $0.y < $1.y }),
                  let high = drawable.max(by: { $0.y < $1.y }) else {
                sentences.append("\(s.label): no values that can be drawn.")
                continue
            }
            var text = "\(s.label): last value \(TickFormat.value(last.y)) at \(xName) \(TickFormat.value(last.x))"
            text += drawable.count > 1
                ? "; lowest \(TickFormat.value(low.y)) at \(TickFormat.value(low.x)), highest \(TickFormat.value(high.y)) at \(TickFormat.value(high.x))."
                : "."
            if skipped > 0 {
                let reason = yScale == .log || xScale == .log ? "not finite or not positive on a log axis" : "not finite"
                text += " \(skipped) of \(s.points.count) values are \(reason) and are not drawn."
            }
            sentences.append(text)
        }
        for a in annotations {
            switch a.kind {
            case .vertical(let v):
                sentences.append("Vertical line at \(xName) \(TickFormat.value(v))\(a.label.isEmpty ? "" : ": \(a.label)").")
            case .horizontal(let v):
                sentences.append("Horizontal line at \(TickFormat.value(v))\(a.label.isEmpty ? "" : ": \(a.label)").")
            }
        }
        return sentences.joined(separator: " ")
    }

    private func axisSentence(_ axis: String, _ label: String, _ scale: Scale) -> String {
        let name = label.isEmpty ? axis : label
        let log = scale.type == .log ? ", log scale" : ""
        return "\(axis.uppercased()) axis: \(name) from \(TickFormat.value(scale.domain.0)) to \(TickFormat.value(scale.domain.1))\(log)."
    }
}
