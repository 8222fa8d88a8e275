import Foundation

/// Where everything of a line chart goes: margins, scales, ticks, series labels or legend, annotation rows.
///
/// Layout runs top-down: legend (if needed), y-axis title, annotation label rows, plot; then the y ticks fix
/// the left margin, the series labels the right margin, and only then are the x ticks chosen.
struct LineChartLayout {
    static let fontSize = 15.0
    static let noteSize = 14.0
    static let labelPitch = fontSize * 1.2

    /// A placed label of a vertical rule, above the plot.
    struct RuleLabel {
        var annotation: Int
        var x: Double
        var row: Int
        var anchorEnd: Bool
    }

    let size: ChartSize
    var plot = PlotRect(left: 0, top: 0, right: 0, bottom: 0)
    var x = Scale(type: .linear, domain: (0, 1), range: (0, 1))
    var y = Scale(type: .linear, domain: (0, 1), range: (0, 1))
    var xTicks: [AxisTick] = []
    var yTicks: [AxisTick] = []
    var titleBaseline: Double?
    var yTitleBaseline: Double?
    var legend: Legend?
    /// Series index → (anchor y at the line end, label centre y), when labels are drawn directly.
    var directLabels: [(series: Int, anchor: Double, y: Double)] = []
    /// Labels of series that end well before the right edge (a diverged run): next to their last point.
    var endLabels: [(series: Int, x: Double, y: Double)] = []
    var ruleLabels: [RuleLabel] = []
    var ruleRowTop = 0.0
    var hasData = false

    init(_ chart: LineChart) {
        let size = chart.size.clamped
        var rows = chart.annotations.contains(where: \.isLabelledVertical) ? 1 : 0
        var attempt = LineChartLayout(chart, size: size, useLegend: false, ruleRows: rows)
        if attempt == nil { attempt = LineChartLayout(chart, size: size, useLegend: true, ruleRows: rows) }
        // Vertical-rule labels may need more rows than first assumed; lay out again with that many.
        if let first = attempt, first.neededRuleRows != rows {
            rows = first.neededRuleRows
            attempt = LineChartLayout(chart, size: size, useLegend: first.legend != nil, ruleRows: rows)
                ?? LineChartLayout(chart, size: size, useLegend: true, ruleRows: rows)
        }
        self = attempt ?? LineChartLayout(empty: size)
    }

    private init(empty size: ChartSize) {
        self.size = size
    }

    /// Distance from the plot's right edge to the series labels: wider when leaders are needed.
    static func labelOffset(_ labels: [(series: Int, anchor: Double, y: Double)]) -> Double {
        labels.contains { abs($0.y - $0.anchor) > 1 } ? 22 : 10
    }

    var neededRuleRows: Int { (ruleLabels.map(\.row).max() ?? -1) + 1 }

    /// One layout attempt; nil when direct labels were requested but cannot fit.
    private init?(_ chart: LineChart, size: ChartSize, useLegend: Bool, ruleRows: Int) {
        self.size = size
        let fs = Self.fontSize
        let W = size.width, H = size.height
        let (xDomain, yValues) = Self.dataExtents(chart)
        hasData = !yValues.isEmpty

        var top = 6.0
        if chart.showsTitle && !chart.title.isEmpty {
            titleBaseline = top + fs * 0.9
            top += fs * 1.6
        }
        if useLegend {
            let labels = chart.series.enumerated().map { ($0.offset, $0.element.label) }
            let l = Legend(labels: labels, left: 6, top: top, width: W - 12, fontSize: fs)
            legend = l
            top += l.height + 4
        }
        if !chart.yLabel.isEmpty {
            yTitleBaseline = top + fs * 0.85
            top += fs * 1.3
        }
        ruleRowTop = top
        top += Double(ruleRows) * Self.noteSize * 1.3
        plot.top = top + fs * 0.6
        plot.bottom = H - (7 + fs + (chart.xLabel.isEmpty ? 0 : fs * 1.4) + 4)

        let yDomain = Self.validated(chart.yDomain, chart.yScale)
            ?? Scale.niceDomain(chart.yScale, values: yValues, count: max(plot.height / AxisTicks.ySpacing, 2))
        y = Scale(type: chart.yScale, domain: yDomain, range: (plot.bottom, plot.top))
        yTicks = AxisTicks.make(y, .vertical, fontSize: fs)
        plot.left = max(8 + AxisDrawing.maxLabelWidth(yTicks, fontSize: fs) + 8, 28)

        var right = 12.0
        if !useLegend {
            // Where along the x axis (0…1) each series ends decides where its label goes.
            let unit = Scale(type: chart.xScale, domain: xDomain, range: (0, 1))
            let ends = chart.series.enumerated().compactMap { i, s -> (series: Int, x: Double, y: Double, label: String)? in
                guard let p = s.lastDrawable({ unit.accepts($0.x) && y.accepts($0.y) && Self.inside($0.x, xDomain) }),
                      let py = y(p.y) else { return nil }
                return (i, p.x, py, s.label)
            }
            let early = ends.filter { (unit($0.x) ?? 1) < 0.9 }
            let margin = ends.filter { (unit($0.x) ?? 1) >= 0.9 }
            let widest = margin.map { TextWidth.width($0.label, fontSize: fs) }.max() ?? 0
            guard widest <= 0.3 * W else { return nil }
            guard let centres = DirectLabels.place(margin.map(\.y), pitch: Self.labelPitch, top: plot.top, bottom: plot.bottom),
                  let earlyCentres = DirectLabels.place(early.map(\.y), pitch: Self.labelPitch, top: plot.top, bottom: plot.bottom)
            else { return nil }
            directLabels = zip(margin, centres).map { ($0.series, $0.y, $1) }
            endLabels = zip(early, earlyCentres).map { ($0.series, $0.x, $1) }
            if !margin.isEmpty { right = Self.labelOffset(directLabels) + widest + 4 }
        }
        x = Scale(type: chart.xScale, domain: xDomain, range: (plot.left, W - right))
        xTicks = AxisTicks.make(x, .horizontal, fontSize: fs)
        // Keep the last x tick label inside the viewBox.
        if let last = xTicks.last(where: { $0.label != nil }), let text = last.label {
            let overflow = last.position + TextWidth.width(text, fontSize: fs) / 2 - (W - 3)
            if overflow > 0 {
                right += overflow
                x = Scale(type: chart.xScale, domain: xDomain, range: (plot.left, W - right))
                xTicks = AxisTicks.make(x, .horizontal, fontSize: fs)
            }
        }
        plot.right = W - right
        placeRuleLabels(chart)
    }

    /// Vertical-rule labels go in rows above the plot; a label moves down a row when it would collide.
    private mutating func placeRuleLabels(_ chart: LineChart) {
        var rows: [[ClosedRange<Double>]] = []
        for (i, a) in chart.annotations.enumerated() {
            guard case .vertical(let value) = a.kind, !a.label.isEmpty, let px = x(value),
                  px >= plot.left - 0.5, px <= plot.right + 0.5 else { continue }
            let w = TextWidth.width(a.label, fontSize: Self.noteSize)
            let anchorEnd = px + 4 + w > size.width - 2
            let span = anchorEnd ? (px - 4 - w)...(px - 4) : (px + 4)...(px + 4 + w)
            var row = 0
            while row < rows.count, rows[row].contains(where: { $0.overlaps((span.lowerBound - 8)...(span.upperBound + 8)) }) {
                row += 1
            }
            if row == rows.count { rows.append([]) }
            rows[row].append(span)
            ruleLabels.append(RuleLabel(annotation: i, x: px, row: row, anchorEnd: anchorEnd))
        }
    }

    /// x domain and the y values to fit, from drawable points and annotations.
    private static func dataExtents(_ chart: LineChart) -> ((Double, Double), [Double]) {
        let xOK: (Double) -> Bool = { $0.isFinite && (chart.xScale == .linear || $0 > 0) }
        let yOK: (Double) -> Bool = { $0.isFinite && (chart.yScale == .linear || $0 > 0) }
        var xs: [Double] = [], ys: [Double] = []
        for s in chart.series {
            for p in s.points where xOK(p.x) && yOK(p.y) {
                xs.append(p.x)
                ys.append(p.y)
            }
            for b in s.band where xOK(b.x) { ys += [b.low, b.high].filter(yOK) }
        }
        for a in chart.annotations {
            switch a.kind {
            case .vertical(let v): if xOK(v) { xs.append(v) }
            case .horizontal(let v): if yOK(v) { ys.append(v) }
            }
        }
        if let d = validated(chart.xDomain, chart.xScale) { return (d, ys.isEmpty ? [] : ys) }
        guard var lo = xs.min(), var hi = xs.max() else {
            return (chart.xScale == .log ? (1, 10) : (0, 1), ys)
        }
        if lo == hi {
            if chart.xScale == .log { lo /= 2; hi *= 2 } else { lo -= 1; hi += 1 }
        }
        return ((lo, hi), ys)
    }

    static func validated(_ domain: ClosedRange<Double>?, _ type: ScaleType) -> (Double, Double)? {
        guard let d = domain, d.lowerBound.isFinite, d.upperBound.isFinite, d.lowerBound < d.upperBound,
              type == .linear || d.lowerBound > 0 else { return nil }
        return (d.lowerBound, d.upperBound)
    }

    private static func inside(_ v: Double, _ d: (Double, Double)) -> Bool {
        v >= d.0 && v <= d.1
    }
}
