import Diagnostics
import Escaping
import SVGCharts

/// The body of a sweep's figure: controls (a slider per numeric option, a select per flag) that switch the
/// table and chart to a point, the point's numbers as text (a polite live region), every point's table and chart
/// in a `<template>` for the page script to swap in, the final metric against the swept value (`sweep.chart`), and
/// a table of every point. Without JavaScript the controls stay disabled at the default point, whose table and
/// chart are shown, and the table of every point holds the rest.
struct SweepFigure {
    let spec: ExperimentSpec
    let sweep: SweepSpec
    let grid: SweepGrid
    let result: ExperimentResult
    let results: [String: ExperimentResult]
    let specs: [String: ExperimentSpec]

    /// One point as shown: its table and chart markup, the sentence the live region reads, its table's cells.
    struct Point {
        var html: String
        var text: String
        var cells: [[ResultTable.Cell]]
    }

    func html() throws(Diagnostic) -> String {
        var points: [Point] = []
        for p in 0..<grid.pointCount { points.append(try point(p)) }
        let id = HTMLEscape.escape(spec.id)
        var html = "<div class=\"sweep-controls\">\n"
        let indices = grid.indices(of: grid.defaultPoint)
        for (a, option) in grid.options.enumerated() {
            let values = grid.values[a]
            let control = "sweep-\(id)-\(a)"
            html += "<label class=\"sweep-control\" for=\"\(control)\">\(HTMLEscape.escape(option))</label>"
            if case .flag = values[0] {
                html += "<select id=\"\(control)\" disabled>"
                for (i, value) in values.enumerated() {
                    html += "<option value=\"\(i)\"\(i == indices[a] ? " selected" : "")>\(value.text)</option>"
                }
                html += "</select>\n"
            } else {
                let texts = values.map(\.text)
                html += "<input type=\"range\" id=\"\(control)\" min=\"0\" max=\"\(values.count - 1)\" step=\"1\" value=\"\(indices[a])\" "
                    + "data-values=\"\(HTMLEscape.escape(texts.joined(separator: " ")))\" "
                    + "aria-valuetext=\"\(HTMLEscape.escape("\(option) = \(texts[indices[a]])"))\" disabled>"
                    + "<span class=\"sweep-value\" aria-hidden=\"true\">\(HTMLEscape.escape(texts[indices[a]]))</span>\n"
            }
        }
        html += "<output class=\"sweep-readout\" aria-live=\"polite\">\(HTMLEscape.escape(points[grid.defaultPoint].text))</output>\n</div>\n"
        // The view's copy of the default point gets ids of its own: its template holds the same chart.
        html += "<div class=\"sweep-view\">\n\(try point(grid.defaultPoint, chartID: "chart-\(spec.id)-view").html)</div>\n"
        for (p, point) in points.enumerated() {
            html += "<template class=\"sweep-point\" data-point=\"\(p)\" data-text=\"\(HTMLEscape.escape(point.text))\">\n\(point.html)</template>\n"
        }
        if let chart = sweep.chart { html += curve(chart) }
        html += everyPoint(points)
        return html
    }

    /// The cells of every point's table, each row's first cell prefixed by its point (`lr=0.01 SGD`): what
    /// `sitegen verify` finds in the script's output.
    func cells() throws(Diagnostic) -> [[ResultTable.Cell]] {
        var rows: [[ResultTable.Cell]] = []
        for p in 0..<grid.pointCount {
            for row in try point(p).cells {
                guard var first = row.first else { continue }
                first.text = "\(grid.text(of: p)) \(first.text)"
                rows.append([first] + row.dropFirst())
            }
        }
        return rows
    }

    private func point(_ p: Int, chartID: String? = nil) throws(Diagnostic) -> Point {
        let pointResult = result.at(point: p)
        var pointResults = results
        pointResults[spec.id] = pointResult
        var pointSpec = spec
        if sweep.bodies.indices.contains(p) { pointSpec.body = sweep.bodies[p] }
        let at = grid.text(of: p)
        var html = ""
        var cells: [[ResultTable.Cell]] = []
        if let table = spec.table {
            let resultTable = ResultTable(spec: pointSpec, table: table, result: pointResult) {
                ResultResolver(results: pointResults, specs: specs, current: spec.id, row: $0)
            }
            cells = try resultTable.cells()
            html += resultTable.html(cells)
        } else {
            cells = pointResult.runs.map { run in [ResultTable.Cell(text: run.label, number: nil, isNumeric: false, value: .string(run.label))] }
        }
        if let chart = spec.chart {
            var titled = chart
            titled.title = "\(chart.title ?? spec.title ?? spec.id) (\(at))"
            let rendered = ResultChart(spec: pointSpec, chart: titled, result: pointResult, id: chartID ?? "chart-\(spec.id)-p\(p)").render()
            html += ExperimentFigure.chartBox(rendered)
        }
        return Point(html: html, text: "\(at): " + summary(cells, pointResult), cells: cells)
    }

    /// "SGD: Final loss 0.0123, Test MAE 3.21" per run, from the table's cells (or each run's state when there is
    /// no table): the numbers the live region reads when the point changes.
    private func summary(_ cells: [[ResultTable.Cell]], _ pointResult: ExperimentResult) -> String {
        guard let table = spec.table else {
            return pointResult.runs.map { run in
                run.divergence.map { "\(run.label) \($0)" } ?? run.label
            }.joined(separator: "; ")
        }
        return cells.map { row in
            zip(table.columns, row).enumerated().map { c, pair in
                c == 0 ? pair.1.text : "\(pair.0.header) \(pair.1.text)"
            }.joined(separator: c0Separator)
        }.joined(separator: "; ")
    }

    private var c0Separator: String { ", " }

    /// The final value of each of `chart.y` against the first swept option, one line per run and metric (named as the
    /// block's line chart names them: the run, the metric, or both); diverged points are left out and named under the chart.
    /// With seeds a line joins the points' means (a mean run's final value is the mean of the seeds' final values),
    /// in a band of ± one standard deviation of those final values, as a line chart of a block with seeds draws.
    private func curve(_ chart: SweepChartSpec) -> String {
        let axis = 0
        var series: [SVGCharts.Series] = []
        var diverged: [String] = []
        let labels = result.runs.filter { $0.point == 0 }.map(\.label)
        let others = grid.options.count > 1 ? grid.values[1].indices.map { [$0] } : [[]]
        for label in labels {
            for other in others {
                for metric in chart.y {
                    var points: [(x: Double, y: Double)] = []
                    var samples: [(x: Double, values: [Double])] = []
                    for (i, value) in grid.values[axis].enumerated() {
                        let p = grid.point(indices: [i] + other)
                        guard let x = value.number, let run = result.runs.first(where: { $0.point == p && $0.label == label }) else { continue }
                        if run.divergence != nil {
                            if metric == chart.y[0] { diverged.append("\(label) at \(grid.text(of: p))") }
                            continue
                        }
                        if let y = run.scalars(metric)?.last { points.append((x, y)) }
                        let finals = result.seedResults?.compactMap { seed in
                            seed.runs.first { $0.point == p && $0.label == label }?.scalars(metric)?.last
                        }
                        if let finals { samples.append((x, finals)) }
                    }
                    let metricName = metric.replacingOccurrences(of: "_", with: " ")
                    var name = chart.y.count == 1 ? label : labels.count == 1 ? metricName : "\(label) · \(metricName)"
                    if !other.isEmpty { name += ", \(grid.options[1])=\(grid.values[1][other[0]].text)" }
                    var drawn = SVGCharts.Series(label: name, points: points, mark: .connectedPoints)
                    if let seeds = result.seedResults?.count, seeds > 1 { drawn.band = ResultChart.band(samples, seeds: seeds) }
                    series.append(drawn)
                }
            }
        }
        let metrics = chart.y.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: " and ")
        let title = chart.title ?? "Final \(metrics) against \(grid.options[axis])"
        let line = LineChart(title: title, description: diverged.isEmpty ? "" : "Diverged: " + diverged.joined(separator: "; ") + ".",
                             xLabel: grid.options[axis], yLabel: chart.yLabel ?? "final \(chart.y.joined(separator: ", "))",
                             xScale: chart.xScale == .log ? .log : .linear, yScale: chart.yScale == .log ? .log : .linear,
                             series: series, id: "chart-\(spec.id)-curve")
        let rendered = ResultChart.Rendered(title: title, svg: line.svg(), table: line.table().html(), readout: line.readoutJSON())
        var html = ExperimentFigure.chartBox(rendered)
        if !diverged.isEmpty {
            html += "<p class=\"sweep-diverged diverged\">Diverged (no final value): \(HTMLEscape.escape(diverged.joined(separator: "; "))).</p>\n"
        }
        return html
    }

    /// Every point's rows in one table: the swept options, then the block's table columns (or the run label).
    private func everyPoint(_ points: [Point]) -> String {
        let headers = grid.options + (spec.table?.columns.map(\.header) ?? ["Run"])
        var html = "<details class=\"sweep-every\"><summary>Every point of the sweep (\(grid.pointCount))</summary>\n"
        html += "<div class=\"table-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"\(HTMLEscape.escape("Every point of " + (spec.title ?? spec.id)))\">"
        html += "<table class=\"results\">\n<thead>\n<tr>"
        for (c, header) in headers.enumerated() {
            let numeric = c < grid.options.count || (points.first?.cells.first.map { row in
                row.indices.contains(c - grid.options.count) && row[c - grid.options.count].isNumeric } ?? false)
            html += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")>\(HTMLEscape.escape(header))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for (p, point) in points.enumerated() {
            let coordinates = grid.coordinates(of: p)
            for row in point.cells {
                html += "<tr>" + coordinates.map { "<td class=\"num\">\(HTMLEscape.escape($0.text))</td>" }.joined()
                for cell in row {
                    let cls = cell.isNumeric ? " class=\"num\"" : cell.text.hasPrefix("diverged") ? " class=\"diverged\"" : ""
                    html += "<td\(cls)>\(HTMLEscape.escape(cell.text))</td>"
                }
                html += "</tr>\n"
            }
        }
        return html + "</tbody>\n</table></div>\n</details>\n"
    }
}
