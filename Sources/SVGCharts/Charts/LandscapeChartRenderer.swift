import Escaping

/// Lays out and draws a `LandscapeChart`: legend, axes, contour lines with their labels, paths, markers.
struct LandscapeChartRenderer {
    let chart: LandscapeChart
    let layout: Layout
    private let c = NumberText.coordinate
    static let fontSize = 15.0

    struct Layout {
        var plot: PlotRect
        var x: Scale
        var y: Scale
        var legend: Legend?
    }

    init(chart: LandscapeChart) {
        self.chart = chart
        let fs = Self.fontSize
        let legend = chart.paths.isEmpty ? nil
            : Legend(labels: chart.paths.enumerated().map { ($0.offset, $0.element.label) }, left: 6, top: 4,
                     width: chart.size.width - 12, fontSize: fs)
        let top = 4 + (legend?.height ?? 0) + fs * 1.6
        let plot = PlotRect(left: 58, top: top, right: chart.size.width - 14, bottom: chart.size.height - 44)
        layout = Layout(plot: plot,
                        x: Scale(type: .linear, domain: (chart.xDomain.lowerBound, chart.xDomain.upperBound), range: (plot.left, plot.right)),
                        y: Scale(type: .linear, domain: (chart.yDomain.lowerBound, chart.yDomain.upperBound), range: (plot.bottom, plot.top)),
                        legend: legend)
    }

    func body(levels: [Double]) -> [String] {
        let plot = layout.plot, fs = Self.fontSize
        let xAxis = AxisDrawing.bottom(AxisTicks.make(layout.x, .horizontal, fontSize: fs), plot: plot, fontSize: fs)
        let yAxis = AxisDrawing.left(AxisTicks.make(layout.y, .vertical, fontSize: fs), plot: plot, fontSize: fs)
        var parts = ["<style>\(Theme.landscapeStylesheet)</style>", layout.legend?.svg(fontSize: fs) ?? ""]
        parts.append("<text aria-label=\"y-axis title\" x=\"6\" y=\"\(c(plot.top - fs * 0.7))\">↑ y</text>")
        parts.append("<text aria-label=\"x-axis title\" x=\"\(c(plot.right))\" y=\"\(c(chart.size.height - 7))\" text-anchor=\"end\">x →</text>")
        parts += [xAxis.axis, yAxis.axis]
        parts.append("<clipPath id=\"\(chart.id)-clip\"><rect x=\"\(c(plot.left))\" y=\"\(c(plot.top))\" width=\"\(c(plot.width))\" height=\"\(c(plot.height))\"/></clipPath>")
        parts.append(contours(levels))
        for (k, path) in chart.paths.enumerated() { parts.append(self.path(path, index: k)) }
        parts.append(startMark())
        return parts
    }

    /// Contour lines (one path per level) and a label on the longest line of each level where it fits.
    private func contours(_ levels: [Double]) -> String {
        let rows = chart.values.count, columns = chart.values.first?.count ?? 0
        guard rows >= 2, columns >= 2 else { return "" }
        let plot = layout.plot
        func point(_ p: MarchingSquares.Point) -> (Double, Double) {
            (plot.left + p.i / Double(columns - 1) * plot.width, plot.bottom - p.j / Double(rows - 1) * plot.height)
        }
        var lines = "", labels = ""
        var taken: [(x: Double, y: Double, w: Double)] = []
        for level in levels {
            let polylines = MarchingSquares.lines(chart.values, level: level).map { $0.map(point) }
            guard !polylines.isEmpty else { continue }
            let d = polylines.map { line in
                line.enumerated().map { ($0.offset == 0 ? "M" : "L") + c($0.element.0) + "," + c($0.element.1) }.joined()
            }.joined()
            lines += "<path d=\"\(d)\"/>"
            // The label sits at the middle of the level's longest line, unless it would cover another label.
            guard let longest = polylines.max(by: { $0.count < $1.count }), longest.count >= 6 else { continue }
            let (lx, ly) = longest[longest.count / 2]
            let text = ChartTable.cell(level)
            let w = TextWidth.width(text, fontSize: 14) + 6
            guard lx - w / 2 > plot.left, lx + w / 2 < plot.right, ly - 8 > plot.top, ly + 8 < plot.bottom,
                  !taken.contains(where: { abs($0.x - lx) < ($0.w + w) / 2 && abs($0.y - ly) < 16 }) else { continue }
            taken.append((lx, ly, w))
            labels += "<text class=\"sgc-halo\" x=\"\(c(lx))\" y=\"\(c(ly))\" dy=\"0.32em\" text-anchor=\"middle\">\(HTMLEscape.xml(text))</text>"
        }
        return "<g role=\"group\" aria-label=\"contour lines\" clip-path=\"url(#\(chart.id)-clip)\"><g class=\"sgc-contour\">" + lines
            + "</g><g class=\"sgc-contour-label\">" + labels + "</g></g>"
    }

    /// A run's path, a small dot at each step (every k-th on long paths) and its shape at the final point.
    private func path(_ path: LandscapeChart.Path, index: Int) -> String {
        let points = path.points.compactMap { p -> (Double, Double)? in
            guard let px = layout.x(p.x), let py = layout.y(p.y) else { return nil }
            return (px, py)
        }
        var out = "<g class=\"sgc-series \(Theme.seriesClass(index))\" role=\"group\" aria-label=\"path of \(HTMLEscape.xml(path.label))\" data-series=\"\(index)\" clip-path=\"url(#\(chart.id)-clip)\">"
        guard let last = points.last else { return out + "</g>" }
        out += "<path class=\"sgc-line\" d=\"" + points.enumerated().map { ($0.offset == 0 ? "M" : "L") + c($0.element.0) + "," + c($0.element.1) }.joined() + "\"/>"
        let every = max(1, points.count / 60)
        out += "<g class=\"sgc-step\">"
        for (k, p) in points.enumerated() where k > 0 && k < points.count - 1 && k % every == 0 {
            out += "<circle cx=\"\(c(p.0))\" cy=\"\(c(p.1))\" r=\"1.6\"/>"
        }
        out += "</g>"
        let shape = MarkerShape.forSeries(index)
        out += "<g class=\"sgc-mark\(shape.isOpen ? " sgc-open" : "")\">" + shape.element(x: last.0, y: last.1, r: 4.5) + "</g>"
        return out + "</g>"
    }

    /// The common start: a ring and the word "start".
    private func startMark() -> String {
        guard let start = chart.paths.first?.points.first, let px = layout.x(start.x), let py = layout.y(start.y),
              px >= layout.plot.left, px <= layout.plot.right, py >= layout.plot.top, py <= layout.plot.bottom else { return "" }
        let right = px < layout.plot.right - 50
        return "<g role=\"group\" aria-label=\"start\"><circle class=\"sgc-start\" cx=\"\(c(px))\" cy=\"\(c(py))\" r=\"6\"/>"
            + "<text class=\"sgc-note sgc-halo\" x=\"\(c(right ? px + 10 : px - 10))\" y=\"\(c(py - 10))\"\(right ? "" : " text-anchor=\"end\"")>start</text></g>"
    }
}
