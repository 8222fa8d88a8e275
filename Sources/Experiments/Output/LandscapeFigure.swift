import Escaping
import SVGCharts

/// A landscape block's picture: the objective sampled on a grid over the view, its contour lines, every
/// run's path, and the step control (a range input that the page script enables to move a marker along
/// every path at once; without the script it is hidden and its text states the final step).
struct LandscapeFigure {
    let spec: ExperimentSpec
    let landscape: LandscapeSpec
    let result: ExperimentResult

    var chart: LandscapeChart {
        let paths = result.runs.map { run in
            let xs = run.scalars("x") ?? [], ys = run.scalars("y") ?? []
            return LandscapeChart.Path(label: run.label, points: Array(zip(xs, ys)), losses: run.scalars("loss") ?? [])
        }
        let view = landscape.view ?? Self.fit(paths.flatMap(\.points) + [.init(x: landscape.start[0], y: landscape.start[1])])
        let n = landscape.grid
        let values: [[Double]] = (0...n).map { j in
            let y = view.y.lowerBound + (view.y.upperBound - view.y.lowerBound) * Double(j) / Double(n)
            return (0...n).map { i in
                let x = view.x.lowerBound + (view.x.upperBound - view.x.lowerBound) * Double(i) / Double(n)
                return landscape.objective.expression.value(at: ["x": x, "y": y])
            }
        }
        let spacing: ContourSpacing = switch landscape.levelSpacing {
        case .auto: .auto
        case .linear: .linear
        case .log: .log
        }
        return LandscapeChart(title: spec.title ?? spec.id, description: spec.caption ?? "", xDomain: view.x, yDomain: view.y,
                              values: values, levelCount: landscape.levels, spacing: spacing, paths: paths, id: "chart-\(spec.id)")
    }

    /// The figure's body: the chart box, the step control with its readout, the steps' data, the data table.
    func html() -> String {
        let chart = self.chart
        let name = HTMLEscape.escape(chart.title)
        let inputID = "experiment-\(spec.id)-step"
        let last = landscape.steps
        // Focusable: on a phone the chart box scrolls sideways.
        var html = "<div class=\"chart landscape\" role=\"group\" tabindex=\"0\" aria-label=\"\(name)\">\n\(chart.svg())</div>\n"
        html += "<div class=\"landscape-steps\"><label for=\"\(inputID)\">Step</label> "
        html += "<input type=\"range\" id=\"\(inputID)\" min=\"0\" max=\"\(last)\" step=\"1\" value=\"\(last)\" disabled> "
        html += "<output for=\"\(inputID)\">\(HTMLEscape.escape(chart.readout(step: last)))</output>"
        html += "<script type=\"application/json\" class=\"landscape-data\">\(chart.stepsJSON())</script></div>\n"
        html += "<details class=\"chart-data\"><summary>The data behind the chart</summary>\n"
        html += "<div class=\"table-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"Data: \(name)\">\(chart.table(maxRows: 60).html())</div>\n</details>\n"
        return html
    }

    /// The paths' bounding box with a margin of a tenth on every side (and a unit square around a single point).
    static func fit(_ points: [SVGCharts.Series.Point]) -> LandscapeSpec.View {
        let xs = points.map(\.x).filter(\.isFinite), ys = points.map(\.y).filter(\.isFinite)
        func padded(_ values: [Double]) -> ClosedRange<Double> {
            guard let lo = values.min(), let hi = values.max() else { return -1...1 }
            let pad = hi > lo ? (hi - lo) * 0.1 : max(abs(lo) * 0.1, 0.5)
            return (lo - pad)...(hi + pad)
        }
        return LandscapeSpec.View(x: padded(xs), y: padded(ys))
    }
}
