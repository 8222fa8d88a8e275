/// Optimiser paths over the contour lines of a function of two variables, as SVG: labelled contour levels
/// (marching squares over a sampled grid; log-spaced when the function spans decades), one path per run
/// from the common start with a marker at every step (thinned on long paths), the final point marked with
/// the run's shape, and a legend.
///
/// ```swift
/// let chart = LandscapeChart(title: "Rosenbrock", xDomain: -2...2, yDomain: -1...3, values: grid,
///                            paths: [.init(label: "Adam", points: points, losses: losses)])
/// chart.svg()          // self-contained <svg>
/// chart.stepsJSON()    // what a page script needs to move a marker along every path at once
/// ```
public struct LandscapeChart: Sendable, Equatable {
    /// One run's path: its points (step 0 is the start) and the function's value at each.
    public struct Path: Sendable, Equatable {
        public var label: String
        public var points: [Series.Point]
        public var losses: [Double]

        public init(label: String, points: [(x: Double, y: Double)], losses: [Double]) {
            self.label = label
            self.points = points.map { Series.Point(x: $0.x, y: $0.y) }
            self.losses = losses
        }
    }

    public var title: String
    public var description: String
    public var xDomain: ClosedRange<Double>
    public var yDomain: ClosedRange<Double>
    /// The function on a regular grid over the domains: `values[j][i]` at x = lower + i·Δx, y = lower + j·Δy.
    public var values: [[Double]]
    public var levelCount: Int
    public var spacing: ContourSpacing
    public var paths: [Path]
    public var size: ChartSize
    /// Element id prefix for `<title>`/`<desc>` and the clip path.
    public var id: String

    public init(title: String, description: String = "", xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>,
                values: [[Double]], levelCount: Int = 10, spacing: ContourSpacing = .auto, paths: [Path],
                size: ChartSize = ChartSize(width: 560, height: 440), id: String) {
        self.title = title
        self.description = description
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.values = values
        self.levelCount = levelCount
        self.spacing = spacing
        self.paths = paths
        self.size = size.clamped
        self.id = id.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// The contour levels drawn, and whether they are log-spaced.
    public var levels: (values: [Double], isLog: Bool) {
        let chosen = ContourLevels.levels(values.flatMap { $0 }, count: levelCount, spacing: spacing)
        return (chosen.levels, chosen.isLog)
    }

    /// The chart as a self-contained SVG string (byte-identical for equal charts).
    public func svg() -> String {
        let renderer = LandscapeChartRenderer(chart: self)
        let levels = self.levels
        let summary = "Contour lines of the function at \(levels.values.count) \(levels.isLog ? "log-spaced" : "evenly spaced") levels"
            + " over x from \(ChartTable.cell(xDomain.lowerBound)) to \(ChartTable.cell(xDomain.upperBound)) and y from "
            + "\(ChartTable.cell(yDomain.lowerBound)) to \(ChartTable.cell(yDomain.upperBound)), with the paths of "
            + paths.map { p in
                let last = p.points.last.map { "(\(ChartTable.cell($0.x)), \(ChartTable.cell($0.y)))" } ?? "nowhere"
                return "\(p.label) (\(max(p.points.count - 1, 0)) steps, ending at \(last))"
            }.joined(separator: ", ") + ". " + description
        return SVGDocument.wrap(size: size, title: title, description: summary, id: id.isEmpty ? "sgc" : id,
                                seriesCount: paths.count, body: renderer.body(levels: levels.values))
    }

    /// The steps a page script can show, as compact JSON for a `<script type="application/json">`:
    /// `{"x":{scale},"y":{scale},"at":[0,1,…],"series":[{"label":"SGD","x":[…],"y":[…],"loss":[…]},…]}`.
    /// `at` lists every step, or for paths longer than 1,000 steps 1,000 evenly spaced ones (first and last
    /// included); the numbers are the data table's (six significant digits).
    public func stepsJSON() -> String {
        let layout = LandscapeChartRenderer(chart: self).layout
        let count = paths.map(\.points.count).max() ?? 0
        let at = ChartTable.sampledIndices(count: count, limit: 1_000)
        func number(_ v: Double) -> String {
            let text = ChartTable.cell(v)
            return v.isFinite ? text.replacingOccurrences(of: NumberText.minus, with: "-") : text.jsonQuoted
        }
        func list(_ values: [Double]) -> String {
            "[" + at.map { $0 < values.count ? number(values[$0]) : "null" }.joined(separator: ",") + "]"
        }
        let scale = { (s: Scale) in
            "{\"scale\":\"linear\",\"domain\":[\(s.domain.0),\(s.domain.1)],\"range\":[\(NumberText.fixed(s.range.0, decimals: 2, minus: "-", trim: true)),\(NumberText.fixed(s.range.1, decimals: 2, minus: "-", trim: true))]}"
        }
        var json = "{\"x\":" + scale(layout.x) + ",\"y\":" + scale(layout.y)
        json += ",\"at\":[" + at.map(String.init).joined(separator: ",") + "],\"series\":["
        json += paths.map { p in
            "{\"label\":" + p.label.jsonQuoted + ",\"x\":" + list(p.points.map(\.x)) + ",\"y\":" + list(p.points.map(\.y))
                + ",\"loss\":" + list(p.losses) + "}"
        }.joined(separator: ",")
        return json + "]}"
    }

    /// What the step control says at `step`, as the page script writes it:
    /// "Step 50: SGD (0.123, −0.0456), loss 0.00789; Adam (…, …), loss …" (numbers as in the data table).
    public func readout(step: Int) -> String {
        "Step \(step): " + paths.map { p in
            guard step < p.points.count else { return "\(p.label) stopped" }
            let loss = step < p.losses.count ? ChartTable.cell(p.losses[step]) : "no value"
            return "\(p.label) (\(ChartTable.cell(p.points[step].x)), \(ChartTable.cell(p.points[step].y))), loss \(loss)"
        }.joined(separator: "; ")
    }

    /// The paths as a table: one row per step (at most `maxRows`, evenly spaced), x, y and loss per run.
    public func table(maxRows: Int? = nil) -> ChartTable {
        let count = paths.map(\.points.count).max() ?? 0
        let rows = ChartTable.sampledIndices(count: count, limit: maxRows).map { k -> [String] in
            [String(k)] + paths.flatMap { p -> [String] in
                guard k < p.points.count else { return ["", "", ""] }
                return [ChartTable.cell(p.points[k].x), ChartTable.cell(p.points[k].y),
                        k < p.losses.count ? ChartTable.cell(p.losses[k]) : ""]
            }
        }
        return ChartTable(caption: title, columns: ["Step"] + paths.flatMap { ["\($0.label) x", "\($0.label) y", "\($0.label) loss"] },
                          rows: rows)
    }
}
