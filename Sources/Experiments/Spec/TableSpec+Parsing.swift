import Diagnostics
import Yams

extension TableSpec {
    static func parse(_ node: Node, kind: ExperimentSpec.Kind, scopes: (Rows) -> NameScope, _ reader: SpecReader) -> TableSpec? {
        guard let f = Fields(node, "table", allowed: ["columns", "rows"], reader: reader) else { return nil }
        let allowedRows: [Rows] = switch kind {
        case .train: [.runs, .epochs]
        case .trace: [.steps, .runs]
        case .schedule: [.steps]
        case .landscape: [.steps, .runs]
        }
        var rows = allowedRows[0]
        if let rowsNode = f["rows"], let chosen: Rows = reader.choice(rowsNode, "row kind") {
            if allowedRows.contains(chosen) { rows = chosen } else {
                reader.error(rowsNode, "a \(kind.rawValue) table has rows: \(allowedRows.map(\.rawValue).joined(separator: " or "))")
            }
        }
        guard let columnsNode = f.required("columns"), let items = reader.list(columnsNode, "columns") else { return nil }
        var columns: [Column] = []
        for (i, item) in items.enumerated() {
            let context = "table.columns[\(i + 1)]"
            guard let c = Fields(item, context, allowed: ["header", "value", "format", "highlight"], reader: reader),
                  let header = c.required("header").flatMap({ reader.string($0, "header") }),
                  let valueNode = c.required("value"), let source = reader.string(valueNode, "value"),
                  let value = reader.expression(valueNode, "value") else { continue }
            scopes(rows).check(value, in: valueNode, "value", reader)
            var format: NumberFormat?
            if let formatNode = c["format"], let text = reader.string(formatNode, "format") {
                do { format = try NumberFormat.parse(text) } catch { reader.error(formatNode, error.description) }
            }
            columns.append(Column(header: header, value: value, source: source, format: format,
                                  highlight: c.choice("highlight", "highlight"), site: reader.site(of: valueNode)))
        }
        return TableSpec(columns: columns, rows: rows)
    }

    var canonical: Canonical {
        .object(["rows": .string(rows.rawValue), "columns": .array(columns.map {
            .object(["header": .string($0.header), "value": .string($0.value.description),
                     "format": $0.format.map { .string($0.description) } ?? .null,
                     "highlight": $0.highlight.map { .string($0.rawValue) } ?? .null])
        })])
    }
}
