import Escaping

/// The data behind a chart as a plain table (caption, column headers, rows of text) for pages to show.
///
/// The first column holds row headers (the x value or the bar's label); empty cells mean that series
/// has no point at that x.
public struct ChartTable: Sendable, Equatable {
    public var caption: String
    public var columns: [String]
    public var rows: [[String]]

    public init(caption: String, columns: [String], rows: [[String]]) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }

    /// An HTML `<table>` with a `<caption>`, `scope="col"` headers and `scope="row"` first cells; all text escaped.
    public func html() -> String {
        var out = "<table class=\"chart-table\">\n<caption>\(HTMLEscape.xml(caption))</caption>\n<thead><tr>"
        for column in columns { out += "<th scope=\"col\">\(HTMLEscape.xml(column))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += i == 0 ? "<th scope=\"row\">\(HTMLEscape.xml(cell))</th>" : "<td>\(HTMLEscape.xml(cell))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Table text for a number: up to 6 significant digits, NaN and ∞ spelled out.
    static func cell(_ value: Double) -> String {
        guard value.isFinite else { return NumberText.nonFinite(value) }
        let a = abs(value)
        if a != 0 && (a < 1e-4 || a >= 1e15) { return NumberText.exponent(value, digits: 6) }
        return NumberText.significant(value, digits: 6)
    }

    /// Evenly spaced indices 0…count-1 keeping the first and the last, at most `limit` of them.
    static func sampledIndices(count: Int, limit: Int?) -> [Int] {
        guard let limit, limit >= 2, count > limit else { return Array(0..<count) }
        return (0..<limit).map { i in Int((Double(i) * Double(count - 1) / Double(limit - 1)).rounded()) }
    }
}
