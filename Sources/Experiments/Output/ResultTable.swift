import Diagnostics
import Escaping

/// Writes a block's `table` as HTML: a caption, column headers with scopes, right-aligned numbers
/// formatted as asked, the best cell of a highlighted column marked, and diverged runs said in words.
public struct ResultTable {
    let spec: ExperimentSpec
    let table: TableSpec
    let result: ExperimentResult
    let resolver: (ResultResolver.Row) -> ResultResolver

    /// One cell as shown, with the value behind it (nil for a diverged run's cells).
    public struct Cell: Sendable {
        public var text: String
        public var number: Double?
        public var isNumeric: Bool
        public var value: Value?
        /// In a block run with `seeds`: the sample standard deviation of the cell over the seeds (`value` is their mean).
        public var spread: Double? = nil
    }

    func html() throws(Diagnostic) -> String {
        let cells = try self.cells()
        return html(cells)
    }

    /// Every row's cells, evaluated and formatted.
    func cells() throws(Diagnostic) -> [[Cell]] {
        let rows: [(ResultResolver.Row, RunResult?)]
        switch table.rows {
        case .runs: rows = result.runs.map { (.run($0.label), $0) }
        case .epochs, .steps: rows = result.positions.indices.map { (.position($0), nil) }
        }
        var cells: [[Cell]] = []
        for (row, run) in rows {
            var line: [Cell] = []
            for column in table.columns {
                if let run, let divergence = run.divergence, column.source != "label" {
                    line.append(Cell(text: "diverged at epoch \(divergence.epoch)", number: nil, isNumeric: false, value: nil))
                    continue
                }
                let value: Value
                do {
                    value = try column.value.evaluate(using: resolver(row))
                    if let run, let seeded = try seededCell(column, value, resolver(.run(run.label))) {
                        line.append(seeded)
                        continue
                    }
                } catch {
                    throw Diagnostic.error(at: column.site.location(at: error.offset), "table column '\(column.header)': \(error.message)")
                }
                switch value {
                case .string(let s): line.append(Cell(text: s, number: nil, isNumeric: false, value: value))
                case .bool(let b): line.append(Cell(text: b ? "yes" : "no", number: nil, isNumeric: false, value: value))
                case .number(let x): line.append(Cell(text: value.formatted(with: column.format), number: x, isNumeric: true, value: value))
                case .series(let s): line.append(Cell(text: value.formatted(with: column.format), number: s.values.last, isNumeric: true, value: value))
                case .vector: line.append(Cell(text: value.formatted(with: column.format), number: nil, isNumeric: true, value: value))
                }
            }
            cells.append(line)
        }
        return cells
    }

    /// A run's numeric cell in a block with seeds: the column evaluated per seed, shown as "mean ± std".
    private func seededCell(_ column: TableSpec.Column, _ value: Value, _ resolver: ResultResolver)
        throws(ExpressionError) -> Cell? {
        guard let seeds = result.seedResults?.count, seeds > 1 else { return nil }
        switch value {
        case .number, .series: break
        default: return nil
        }
        var values: [Double] = []
        for index in 0..<seeds { values.append(try column.value.number(using: resolver.pinned(toSeed: index))) }
        let mean = try Expression.reduce(values, .seedMean, at: 0)
        let spread = try Expression.reduce(values, .seedStd, at: 0)
        let text = Value.number(mean).formatted(with: column.format) + " ± " + Value.number(spread).formatted(with: column.format)
        return Cell(text: text, number: mean, isNumeric: true, value: .number(mean), spread: spread)
    }

    func html(_ cells: [[Cell]]) -> String {
        var best: [Int: Int] = [:]   // column → row
        for (c, column) in table.columns.enumerated() {
            guard let highlight = column.highlight else { continue }
            var bestRow: Int?
            for r in cells.indices {
                guard let x = cells[r][c].number, x.isFinite else { continue }
                if let b = bestRow, let current = cells[b][c].number {
                    if highlight == .min ? x < current : x > current { bestRow = r }
                } else {
                    bestRow = r
                }
            }
            best[c] = bestRow
        }
        // A wide table scrolls sideways: its box is focusable (and named) so keyboard users can scroll it.
        let name = spec.title.map { "Table: " + $0 } ?? "Results table"
        var html = "<div class=\"table-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"\(HTMLEscape.escape(name))\"><table class=\"results\">\n"
        if let title = spec.title { html += "<caption>\(HTMLEscape.escape(title))</caption>\n" }
        html += "<thead>\n<tr>"
        for (c, column) in table.columns.enumerated() {
            let numeric = cells.first.map { $0[c].isNumeric } ?? false
            html += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")>\(HTMLEscape.escape(column.header))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        let rowHeader = table.rows == .runs
        for (r, line) in cells.enumerated() {
            html += "<tr>"
            for (c, cell) in line.enumerated() {
                var classes: [String] = []
                if cell.isNumeric { classes.append("num") }
                if cell.number == nil && !cell.isNumeric && cell.text.hasPrefix("diverged") { classes.append("diverged") }
                let isBest = best[c] == r
                if isBest { classes.append("best") }
                let cls = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                let text = isBest ? "<strong>\(HTMLEscape.escape(cell.text))</strong><span class=\"visually-hidden\"> (best)</span>" : HTMLEscape.escape(cell.text)
                if c == 0 && rowHeader {
                    html += "<th scope=\"row\"\(cls)>\(text)</th>"
                } else {
                    html += "<td\(cls)>\(text)</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }
}
