import Escaping

/// Lays out and draws a horizontal bar chart: category labels left, value axis below, values at bar ends.
struct BarChartRenderer {
    static let fontSize = 15.0
    static let rowPitch = 30.0
    static let maxLabelShare = 0.4

    let chart: BarChart
    let size: ChartSize
    let plot: PlotRect
    let x: Scale
    /// Right edge of the category labels.
    let labelRight: Double
    let ticks: [AxisTick]
    /// Category labels, shortened with "…" when wider than 40% of the chart.
    let labels: [String]
    private let c = NumberText.coordinate

    init(chart: BarChart) {
        self.chart = chart
        let fs = Self.fontSize
        let width = ChartSize(width: chart.width, height: 150).clamped.width
        let values = chart.bars.map(\.value).filter(\.isFinite)
        let maxLabel = width * Self.maxLabelShare
        labels = chart.bars.map { Self.shortened($0.label, to: maxLabel, fontSize: fs) }
        let labelWidth = labels.map { TextWidth.width($0, fontSize: fs) }.max() ?? 0
        let valueTexts = chart.bars.map { chart.valueFormat.text($0.value) }
        let positiveText = zip(chart.bars, valueTexts).filter { !($0.0.value < 0) }.map { TextWidth.width($0.1, fontSize: fs) }.max() ?? 0
        let negativeText = zip(chart.bars, valueTexts).filter { $0.0.value < 0 }.map { TextWidth.width($0.1, fontSize: fs) }.max() ?? 0

        var top = 6.0
        if chart.showsTitle && !chart.title.isEmpty { top += fs * 1.6 }
        let bottomBand = 7 + fs + (chart.valueLabel.isEmpty ? 0 : fs * 1.4) + 4
        let height = top + Double(max(chart.bars.count, 1)) * Self.rowPitch + bottomBand
        size = ChartSize(width: width, height: height)
        labelRight = 8 + labelWidth
        let right = width - max(12, positiveText + 10)
        func fit(_ left: Double) -> (PlotRect, Scale) {
            let plot = PlotRect(left: left, top: top, right: max(right, left + 40), bottom: height - bottomBand)
            let count = max(plot.width / AxisTicks.xSpacing, 1)
            let domain = Scale.niceDomain(.linear, values: values, count: count, includeZero: true)
            return (plot, Scale(type: .linear, domain: domain, range: (plot.left, plot.right)))
        }
        var (plot, x) = fit(labelRight + 10)
        // Value labels of negative bars sit left of the bar end: make room if they would reach the categories.
        if let lowest = values.min(), lowest < 0, let end = x(lowest), end - 5 - negativeText < labelRight + 8 {
            (plot, x) = fit(labelRight + 10 + negativeText + 6)
        }
        self.plot = plot
        self.x = x
        var ticks = AxisTicks.make(x, .horizontal, fontSize: fs)
        // Percent values get percent ticks (0.02 → 2%), so the axis reads like the bar labels.
        if case .percent = chart.valueFormat, ticks.count > 1 {
            let step = (ticks[1].value - ticks[0].value) * 100
            let labels = TickFormat.linear(ticks.map { $0.value * 100 }, step: step)
            for i in ticks.indices { ticks[i].label = labels[i] + "%" }
        }
        self.ticks = ticks
    }

    func body() -> [String] {
        let fs = Self.fontSize
        var parts: [String] = []
        if chart.showsTitle && !chart.title.isEmpty {
            parts.append("<text class=\"sgc-title\" x=\"6\" y=\"\(c(6 + fs * 0.9))\">\(HTMLEscape.xml(chart.title))</text>")
        }
        let axis = AxisDrawing.bottom(ticks, plot: plot, fontSize: fs)
        parts.append(axis.grid)
        parts.append(axis.axis)
        if !chart.valueLabel.isEmpty {
            parts.append("<text aria-label=\"x-axis title\" x=\"\(c(plot.right))\" y=\"\(c(size.height - 7))\" text-anchor=\"end\">\(HTMLEscape.xml(chart.valueLabel)) →</text>")
        }
        let zero = x(0) ?? plot.left
        var bars = "<g class=\"sgc-series sgc-s1\" role=\"group\" aria-label=\"bars\">"
        var texts = "<g role=\"group\" aria-label=\"bar labels\">"
        for (i, bar) in chart.bars.enumerated() {
            let centre = plot.top + (Double(i) + 0.5) * Self.rowPitch
            let thickness = Self.rowPitch * 0.62
            let valueText = HTMLEscape.xml(chart.valueFormat.text(bar.value))
            texts += "<text x=\"\(c(labelRight))\" y=\"\(c(centre))\" dy=\"0.32em\" text-anchor=\"end\">\(HTMLEscape.xml(labels[i]))</text>"
            guard bar.value.isFinite, let end = x(bar.value) else {
                texts += "<text class=\"sgc-tick\" x=\"\(c(zero + 6))\" y=\"\(c(centre))\" dy=\"0.32em\">\(valueText)</text>"
                continue
            }
            let (x0, x1) = (min(zero, end), max(zero, end))
            bars += "<rect class=\"sgc-bar\" x=\"\(c(x0))\" y=\"\(c(centre - thickness / 2))\" width=\"\(c(max(x1 - x0, 0.5)))\" height=\"\(c(thickness))\"><title>\(HTMLEscape.xml(bar.label)): \(valueText)</title></rect>"
            let negative = bar.value < 0
            texts += "<text class=\"sgc-tick\" x=\"\(c(negative ? x0 - 5 : x1 + 5))\" y=\"\(c(centre))\" dy=\"0.32em\"\(negative ? " text-anchor=\"end\"" : "")>\(valueText)</text>"
        }
        parts.append(bars + "</g>")
        // The zero line sits over the bars so the baseline stays visible.
        parts.append("<path class=\"sgc-axis\" d=\"M\(c(zero)),\(c(plot.top))V\(c(plot.bottom))\"/>")
        parts.append(texts + "</g>")
        return parts
    }

    /// `text` cut at a word or character boundary and ended with "…" so it fits in `width`.
    static func shortened(_ text: String, to width: Double, fontSize: Double) -> String {
        guard TextWidth.width(text, fontSize: fontSize) > width else { return text }
        var cut = text
        while !cut.isEmpty && TextWidth.width(cut + "…", fontSize: fontSize) > width { cut.removeLast() }
        return cut.trimmingTrailingSpaces + "…"
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
