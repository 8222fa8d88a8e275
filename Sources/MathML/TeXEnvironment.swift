/// The `\begin{…}` environments the converter lays out as an `<mtable>`.
enum TeXEnvironment: String, CaseIterable {
    case aligned, align, alignStar = "align*", split, gathered, gather, gatherStar = "gather*"
    case equation, equationStar = "equation*", cases, matrix, pmatrix, bmatrix, Bmatrix, vmatrix, Vmatrix

    /// Lays out parsed rows of cells (each cell's markup already joined).
    func render(_ rows: [[String]]) -> String {
        switch self {
        case .aligned, .align, .alignStar, .split:
            // Columns pair up as right-aligned | left-aligned around the & (typically before a relation).
            return table(rows, displaystyle: true) { column in
                column % 2 == 0
                    ? ("right", "padding-left:\(column == 0 ? "0" : "1em");padding-right:0")
                    : ("left", "padding-left:0;padding-right:0")
            }
        case .gathered, .gather, .gatherStar, .equation, .equationStar:
            return table(rows, displaystyle: true) { _ in ("center", nil) }
        case .cases:
            let body = table(rows, displaystyle: false) { column in
                ("left", column == 0 ? "padding-left:0" : "padding-left:1em")
            }
            return "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo>\(body)</mrow>"
        case .matrix, .pmatrix, .bmatrix, .Bmatrix, .vmatrix, .Vmatrix:
            let body = table(rows, displaystyle: false) { _ in ("center", nil) }
            guard let (open, close) = fences else { return body }
            return "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">\(open)</mo>\(body)"
                + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">\(close)</mo></mrow>"
        }
    }

    private var fences: (String, String)? {
        switch self {
        case .pmatrix: ("(", ")")
        case .bmatrix: ("[", "]")
        case .Bmatrix: ("{", "}")
        case .vmatrix: ("|", "|")
        case .Vmatrix: ("‖", "‖")
        default: nil
        }
    }

    /// An `<mtable>`; alignment goes both in `columnalign` and in CSS, which MathML Core browsers read.
    private func table(
        _ rows: [[String]], displaystyle: Bool, cell: (Int) -> (align: String, padding: String?)
    ) -> String {
        var out = displaystyle ? "<mtable displaystyle=\"true\">" : "<mtable>"
        for row in rows {
            out += "<mtr>"
            for (column, content) in row.enumerated() {
                let (align, padding) = cell(column)
                if align == "center" {
                    out += "<mtd>\(content)</mtd>"
                } else {
                    let style = "text-align:\(align)" + (padding.map { ";" + $0 } ?? "")
                    out += "<mtd columnalign=\"\(align)\" style=\"\(style)\">\(content)</mtd>"
                }
            }
            out += "</mtr>"
        }
        return out + "</mtable>"
    }
}

extension TeXParser {
    /// Parses `\begin{name} cell & cell \\ … \end{name}` (the cursor is after `\begin`).
    mutating func parseEnvironment(at start: Int) throws(TeXError) -> String {
        let name = try readEnvironmentName(command: "\\begin", at: start)
        guard let environment = TeXEnvironment(rawValue: name) else {
            let known = TeXEnvironment.allCases.map(\.rawValue)
            let hint = CommandSuggestion.closest(to: name, among: known).map { " (did you mean \($0)?)" } ?? ""
            throw TeXError("unknown environment \(name)\(hint)", at: start)
        }
        let savedLeftDepth = leftDepth
        leftDepth = 0
        defer { leftDepth = savedLeftDepth }
        var rows: [[String]] = []
        var cells: [String] = []
        while true {
            let (items, end) = try parseSequence()
            cells.append(items.joined())
            switch end {
            case .cellBreak: continue
            case .rowBreak:
                rows.append(cells)
                cells = []
            case .endEnvironment(let endName, let offset):
                guard endName == name else {
                    throw TeXError("\\end{\(endName)} does not match \\begin{\(name)}", at: offset)
                }
                rows.append(cells)
                // A final \\ before \end leaves an empty row, which TeX does not typeset either.
                if rows.count > 1, rows.last == [""] { rows.removeLast() }
                return environment.render(rows)
            case .endOfInput, .closeBrace:
                throw TeXError("\\begin{\(name)} has no matching \\end{\(name)}", at: start)
            case .right(let offset):
                throw .unbalancedRight(at: offset)
            }
        }
    }
}
