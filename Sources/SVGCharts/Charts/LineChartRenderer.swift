import Escaping

/// Draws a laid-out line chart: grid, axes, titles, reference lines, series, labels — one `<g>` each.
struct LineChartRenderer {
    let chart: LineChart
    let layout: LineChartLayout
    /// Element id prefix (for the clip path).
    let id: String
    private let c = NumberText.coordinate
    private var fs: Double { LineChartLayout.fontSize }

    /// The SVG body parts, in painting order.
    func body() -> [String] {
        let plot = layout.plot
        // Without data the tick values would be made up: draw bare axes.
        let xAxis = AxisDrawing.bottom(layout.hasData ? layout.xTicks : [], plot: plot, fontSize: fs)
        let yAxis = AxisDrawing.left(layout.hasData ? layout.yTicks : [], plot: plot, fontSize: fs)
        var parts = [titles(), layout.legend?.svg(fontSize: fs) ?? "", xAxis.grid, yAxis.grid, xAxis.axis, yAxis.axis]
        parts.append(annotations())
        // Fixed domains may cut through the data: clip the series to the plot then.
        let clipped = chart.xDomain != nil || chart.yDomain != nil
        if clipped {
            parts.append("<clipPath id=\"\(id)-clip\"><rect x=\"\(c(plot.left))\" y=\"\(c(plot.top - 2))\" width=\"\(c(plot.width))\" height=\"\(c(plot.height + 4))\"/></clipPath>")
        }
        for (i, s) in chart.series.enumerated() { parts.append(series(s, index: i, clip: clipped)) }
        parts.append(directLabels())
        if !layout.hasData {
            parts.append("<text class=\"sgc-note\" x=\"\(c((plot.left + plot.right) / 2))\" y=\"\(c((plot.top + plot.bottom) / 2))\" text-anchor=\"middle\">No data to plot</text>")
        }
        return parts
    }

    private func titles() -> String {
        var out = ""
        if let b = layout.titleBaseline {
            out += "<text class=\"sgc-title\" x=\"6\" y=\"\(c(b))\">\(HTMLEscape.xml(chart.title))</text>"
        }
        if let b = layout.yTitleBaseline {
            out += "<text aria-label=\"y-axis title\" x=\"6\" y=\"\(c(b))\">↑ \(HTMLEscape.xml(chart.yLabel))\(chart.yScale == .log ? " (log scale)" : "")</text>"
        }
        if !chart.xLabel.isEmpty {
            out += "<text aria-label=\"x-axis title\" x=\"\(c(layout.plot.right))\" y=\"\(c(layout.size.height - 7))\" text-anchor=\"end\">\(HTMLEscape.xml(chart.xLabel))\(chart.xScale == .log ? " (log scale)" : "") →</text>"
        }
        return out
    }

    private func annotations() -> String {
        let plot = layout.plot
        var rules = ""
        var labels = ""
        for a in chart.annotations {
            switch a.kind {
            case .vertical(let v):
                guard let px = layout.x(v), px >= plot.left - 0.5, px <= plot.right + 0.5 else { continue }
                rules += "<line class=\"sgc-rule\" x1=\"\(c(px))\" x2=\"\(c(px))\" y1=\"\(c(plot.top))\" y2=\"\(c(plot.bottom))\"/>"
            case .horizontal(let v):
                guard let py = layout.y(v), py >= plot.top - 0.5, py <= plot.bottom + 0.5 else { continue }
                rules += "<line class=\"sgc-rule\" x1=\"\(c(plot.left))\" x2=\"\(c(plot.right))\" y1=\"\(c(py))\" y2=\"\(c(py))\"/>"
                if !a.label.isEmpty {
                    labels += "<text class=\"sgc-note sgc-halo\" x=\"\(c(plot.right - 4))\" y=\"\(c(py - 5))\" text-anchor=\"end\">\(HTMLEscape.xml(a.label))</text>"
                }
            }
        }
        for r in layout.ruleLabels {
            let a = chart.annotations[r.annotation]
            let baseline = layout.ruleRowTop + Double(r.row) * LineChartLayout.noteSize * 1.3 + LineChartLayout.noteSize
            let tx = r.anchorEnd ? r.x - 4 : r.x + 4
            labels += "<text class=\"sgc-note\" x=\"\(c(tx))\" y=\"\(c(baseline))\"\(r.anchorEnd ? " text-anchor=\"end\"" : "")>\(HTMLEscape.xml(a.label))</text>"
            // A short tick ties a label on a lower row to its rule.
            labels += "<line class=\"sgc-rule\" x1=\"\(c(r.x))\" x2=\"\(c(r.x))\" y1=\"\(c(baseline - LineChartLayout.noteSize * 0.8))\" y2=\"\(c(plot.top))\"/>"
        }
        guard !rules.isEmpty || !labels.isEmpty else { return "" }
        return "<g role=\"group\" aria-label=\"annotations\">" + rules + labels + "</g>"
    }

    private func series(_ s: Series, index: Int, clip: Bool) -> String {
        let path = LinePath(series: s, x: layout.x, y: layout.y)
        let shape = MarkerShape.forSeries(index)
        var out = "<g class=\"sgc-series \(Theme.seriesClass(index))\" role=\"group\" aria-label=\"series \(HTMLEscape.xml(s.label))\" data-series=\"\(index)\""
        out += clip ? " clip-path=\"url(#\(id)-clip)\">" : ">"
        out += band(s)
        var markers: [Downsample.Pixel] = []
        switch s.mark {
        case .line, .step:
            let drawn = (s.mark == .step ? path.stepped() : path).downsampled(plotWidth: layout.plot.width)
            let d = drawn.pathData
            if !d.isEmpty { out += "<path class=\"sgc-line\" d=\"\(d)\"/>" }
            markers = path.isolatedPoints + markerPositions(path, index: index)
        case .points:
            markers = Downsample.thinPoints(path.segments.flatMap { $0 }, plotWidth: layout.plot.width)
        case .connectedPoints:
            let d = path.pathData
            if !d.isEmpty { out += "<path class=\"sgc-line\" d=\"\(d)\"/>" }
            markers = path.segments.flatMap { $0 }
        }
        if !markers.isEmpty {
            out += "<g class=\"sgc-mark\(shape.isOpen ? " sgc-open" : "")\">"
            for m in markers { out += shape.element(x: m.x, y: m.y, r: 3.5) }
            out += "</g>"
        }
        return out + "</g>"
    }

    /// The series' band as one closed path, upper edge left to right and lower edge back, at most about one
    /// point per pixel; points a log scale cannot place are left out. Styled inline, so charts without a band
    /// keep their stylesheet.
    private func band(_ s: Series) -> String {
        let placed = s.band.compactMap { b -> (x: Double, low: Double, high: Double)? in
            guard let x = layout.x(b.x), let low = layout.y(b.low), let high = layout.y(b.high),
                  x.isFinite, low.isFinite, high.isFinite else { return nil }
            return (x, low, high)
        }
        guard placed.count > 1 else { return "" }
        let stride = max(1, Int((Double(placed.count) / max(layout.plot.width, 1)).rounded(.up)))
        var kept = Swift.stride(from: 0, to: placed.count, by: stride).map { placed[$0] }
        if let last = placed.last, kept.last?.x != last.x { kept.append(last) }
        let upper = kept.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(c($0.element.x)),\(c($0.element.high))" }
        let lower = kept.reversed().map { "L\(c($0.x)),\(c($0.low))" }
        return "<path class=\"sgc-band\" style=\"fill:var(--c);fill-opacity:.16;stroke:none\" d=\"\(upper.joined())\(lower.joined())Z\"/>"
    }

    /// A few markers along a line (staggered between series so they do not coincide) and one at its end,
    /// so a line can be told apart by shape in greyscale.
    private func markerPositions(_ path: LinePath, index: Int) -> [Downsample.Pixel] {
        let points = path.segments.flatMap { $0 }
        guard points.count > 1, let last = points.last else { return [] }
        let n = Double(max(chart.series.count, 1))
        let plot = layout.plot
        var chosen: [Int] = []
        for j in 0..<4 {
            let fraction = (Double(j) + (Double(index % 8) + 1) / (n + 1)) / 4
            let target = plot.left + fraction * plot.width
            // Nearest point in x (points are in data order; x is usually increasing).
            var best = 0, bestDistance = Double.infinity
            for (k, p) in points.enumerated() where abs(p.x - target) < bestDistance {
                best = k
                bestDistance = abs(p.x - target)
            }
            if bestDistance < plot.width / 16, best != points.count - 1, !chosen.contains(best) { chosen.append(best) }
        }
        return chosen.map { points[$0] } + [last]
    }

    private func directLabels() -> String {
        guard !layout.directLabels.isEmpty || !layout.endLabels.isEmpty else { return "" }
        let x0 = layout.plot.right
        let textX = x0 + LineChartLayout.labelOffset(layout.directLabels)
        var out = "<g role=\"group\" aria-label=\"series labels\">"
        for label in layout.endLabels {
            // Inside the plot, right of the series' last point (left of it when the text would leave the chart).
            guard let px = layout.x(label.x) else { continue }
            let text = chart.series[label.series].label
            let fits = px + 8 + TextWidth.width(text, fontSize: fs) <= layout.size.width - 2
            out += "<text class=\"sgc-key sgc-halo \(Theme.seriesClass(label.series))\" data-series=\"\(label.series)\" x=\"\(c(fits ? px + 8 : px - 8))\" y=\"\(c(label.y))\" dy=\"0.32em\"\(fits ? "" : " text-anchor=\"end\"")>\(HTMLEscape.xml(text))</text>"
        }
        for label in layout.directLabels {
            let cls = Theme.seriesClass(label.series)
            if textX - x0 > 12 {
                // Leader (drawn for every label once any label was nudged): level with the line end, then to the label.
                out += "<path class=\"sgc-leader \(cls)\" data-series=\"\(label.series)\" d=\"M\(c(x0 + 5)),\(c(label.anchor))H\(c(x0 + 8))L\(c(textX - 3)),\(c(label.y))\"/>"
            }
            out += "<text class=\"sgc-key \(cls)\" data-series=\"\(label.series)\" x=\"\(c(textX))\" y=\"\(c(label.y))\" dy=\"0.32em\">\(HTMLEscape.xml(chart.series[label.series].label))</text>"
        }
        return out + "</g>"
    }
}
