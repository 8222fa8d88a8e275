import Diagnostics
import Escaping

/// What an executed block becomes on the page: a figure holding its table and/or chart (with the
/// chart's data as a table for screen readers and the curious), its caption, and links to the raw
/// results as CSV and to the script it reproduces.
public struct ExperimentFigure: Sendable {
    public var html: String
    /// `<id>.csv`, published beside the page.
    public var csvName: String
    public var csv: String
    public var checksPassed: Int

    /// The cells of a block's table (rows as shown), for comparing them with what a script prints.
    public static func tableCells(_ spec: ExperimentSpec, results: [String: ExperimentResult],
                                  specs: [String: ExperimentSpec]) throws(Diagnostic) -> [[ResultTable.Cell]] {
        guard let table = spec.table, let result = results[spec.id] else { return [] }
        if let sweep = spec.sweep, let grid = result.sweep {
            return try SweepFigure(spec: spec, sweep: sweep, grid: grid, result: result, results: results, specs: specs).cells()
        }
        return try ResultTable(spec: spec, table: table, result: result) {
            ResultResolver(results: results, specs: specs, current: spec.id, row: $0)
        }.cells()
    }

    /// Renders one block; failed checks and unresolvable cells are returned as diagnostics. `label`
    /// (`Figure 2`) starts the caption; `otherLessons` answers checks that quote another lesson.
    public static func render(_ spec: ExperimentSpec, results: [String: ExperimentResult],
                              specs: [String: ExperimentSpec], label: String? = nil,
                              otherLessons: OtherLessonResults? = nil) throws(DiagnosticList) -> ExperimentFigure {
        guard let result = results[spec.id] else {
            throw DiagnosticList([.error(at: spec.location, "experiment '\(spec.id)' produced no results")])
        }
        let resolver = ResultResolver(results: results, specs: specs, current: spec.id, otherLessons: otherLessons)
        var problems = CheckEvaluation.run(spec, resolver: resolver)
        var body = ""
        if let sweep = spec.sweep, let grid = result.sweep {
            do {
                body += try SweepFigure(spec: spec, sweep: sweep, grid: grid, result: result, results: results, specs: specs).html()
            } catch {
                problems.append(error)
            }
        } else if let table = spec.table {
            do {
                body += try ResultTable(spec: spec, table: table, result: result) {
                    ResultResolver(results: results, specs: specs, current: spec.id, row: $0)
                }.html()
            } catch {
                problems.append(error)
            }
        }
        if case .landscape(let landscape) = spec.body {
            body += LandscapeFigure(spec: spec, landscape: landscape, result: result).html()
        }
        if spec.sweep == nil, let chart = spec.chart {
            body += chartBox(ResultChart(spec: spec, chart: chart, result: result).render())
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        // A sweep's diverged points are said in its table and readout, not listed in the caption.
        let diverged = spec.sweep != nil ? [] : result.runs.compactMap { run in run.divergence.map { "\(run.label) \($0)" } }
        let csvName = "\(spec.id).csv"
        var meta = ["<a href=\"\(HTMLEscape.escape(csvName))\" download>Results as CSV</a>"]
        if let source = spec.source {
            let name = source.split(separator: "/").last.map(String.init) ?? source
            meta.append("reproduces <a href=\"\(HTMLEscape.escape(name))\"><code>\(HTMLEscape.escape(name))</code></a>")
        }
        if !spec.checks.isEmpty {
            meta.append(spec.checks.count == 1 ? "1 claim checked" : "\(spec.checks.count) claims checked")
        }
        meta.append("computed when this page was built")
        var html = "<figure class=\"experiment\" id=\"experiment-\(HTMLEscape.escape(spec.id))\">\n"
        if spec.table == nil, let title = spec.title { html += "<p class=\"experiment-title\">\(HTMLEscape.escape(title))</p>\n" }
        html += body
        html += "<figcaption>"
        if let label { html += "<span class=\"figure-label\">\(HTMLEscape.escape(label)).</span> " }
        if let caption = spec.caption { html += HTMLEscape.escape(caption) + " " }
        if let seeds = result.seeds {
            let lineChart = spec.chart.map { $0.type != .bar } ?? false
            html += HTMLEscape.escape(SeedCaption.sentence(seeds, table: spec.table != nil, lineChart: lineChart,
                                                           sweepChart: spec.sweep?.chart != nil ? result.sweep?.options.first : nil)) + " "
        }
        if !diverged.isEmpty { html += "<span class=\"diverged\">\(HTMLEscape.escape(diverged.joined(separator: "; "))).</span> " }
        html += "<span class=\"experiment-meta\">\(meta.joined(separator: " · "))</span></figcaption>\n</figure>\n"
        return ExperimentFigure(html: html, csvName: csvName, csv: ResultCSV.text(result), checksPassed: spec.checks.count)
    }

    /// A drawn chart in its box, with the readout data for the page script and the data behind it as a table.
    static func chartBox(_ rendered: ResultChart.Rendered) -> String {
        // Focusable: on a phone the chart box scrolls sideways, and the page script reads values with the arrow keys.
        var html = "<div class=\"chart\" role=\"group\" tabindex=\"0\" aria-label=\"\(HTMLEscape.escape(rendered.title))\">\n\(rendered.svg)\n"
        if let readout = rendered.readout {
            html += "<script type=\"application/json\" class=\"chart-readout\">\(readout)</script>\n"
        }
        html += "</div>\n"
        html += "<details class=\"chart-data\"><summary>The data behind the chart</summary>\n\(rendered.table)\n</details>\n"
        return html
    }
}
