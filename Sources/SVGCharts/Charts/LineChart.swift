/// A multi-series line, step or point chart with nice axes, direct labels and reference lines, as SVG.
///
/// ```swift
/// let chart = LineChart(title: "Training loss", xLabel: "Epoch", yLabel: "Loss", yScale: .log,
///                       series: [Series(label: "Adam", values: losses)])
/// let svg = chart.svg()        // self-contained <svg>, width 100%, themable through CSS custom properties
/// let table = chart.table()    // the same data for a <table>
/// ```
/// Series are labelled at their line ends (nudged apart when close, with leader lines) or, when the labels
/// cannot fit, in a legend above the plot; a series that stops early (a diverged run) is labelled next to
/// its last point. Points that cannot be drawn (NaN, ±∞, and values ≤ 0 on a log axis) are skipped
/// and the line breaks there; long series are downsampled in pixel space, keeping their extremes.
public struct LineChart: Sendable, Equatable {
    public var title: String
    public var description: String
    public var xLabel: String
    public var yLabel: String
    public var xScale: ScaleType
    public var yScale: ScaleType
    public var series: [Series]
    public var annotations: [Annotation]
    /// Fixed axis extents; nil computes them from the data (y is rounded outward to nice values, x is not).
    public var xDomain: ClosedRange<Double>?
    public var yDomain: ClosedRange<Double>?
    public var size: ChartSize
    /// Also draw the title as visible text above the plot (it is always the SVG's accessible name).
    public var showsTitle: Bool
    /// Element id prefix for `<title>`/`<desc>`; nil derives one from the content.
    public var id: String?

    public init(title: String, description: String = "", xLabel: String = "", yLabel: String = "",
                xScale: ScaleType = .linear, yScale: ScaleType = .linear, series: [Series],
                annotations: [Annotation] = [], xDomain: ClosedRange<Double>? = nil,
                yDomain: ClosedRange<Double>? = nil, size: ChartSize = .standard, showsTitle: Bool = false,
                id: String? = nil) {
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.series = series
        self.annotations = annotations
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.size = size
        self.showsTitle = showsTitle
        self.id = id
    }

    /// The chart as a self-contained SVG string (byte-identical for equal charts).
    public func svg() -> String {
        let layout = LineChartLayout(self)
        let cleanID = id.map { $0.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
            ?? SVGDocument.identifier([title, description, xLabel, yLabel] + series.map(\.label))
        let elementID = cleanID.isEmpty ? "sgc" : cleanID
        let body = LineChartRenderer(chart: self, layout: layout, id: elementID).body()
        return SVGDocument.wrap(size: layout.size, title: title, description: summary(layout),
                                id: elementID, seriesCount: series.count, body: body)
    }

    /// The plotted data as a table: one row per distinct x (ascending), one column per series.
    ///
    /// `maxRows` keeps that many evenly spaced rows (always the first and the last) for very long series.
    public func table(maxRows: Int? = nil) -> ChartTable {
        var xs = Set<Double>()
        var lookup: [[Double: Double]] = []
        for s in series {
            var values: [Double: Double] = [:]
            for p in s.points where p.x.isFinite {
                values[p.x] = p.y
                xs.insert(p.x)
            }
            lookup.append(values)
        }
        let sortedX = xs.sorted()
        let rows = ChartTable.sampledIndices(count: sortedX.count, limit: maxRows).map { i -> [String] in
            let x = sortedX[i]
            return [ChartTable.cell(x)] + lookup.map { $0[x].map(ChartTable.cell) ?? "" }
        }
        return ChartTable(caption: title, columns: [xLabel.isEmpty ? "x" : xLabel] + series.map(\.label), rows: rows)
    }
}
