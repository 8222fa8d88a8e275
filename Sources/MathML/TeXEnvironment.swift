/// The `\begin{…}` environments the converter lays out as an `<mtable>`.
enum TeXEnvironment: String, CaseIterable {
    case aligned, align, alignStar = "align*", split, gathered, gather, gatherStar = "gather*"
    case equation, equationStar = "equation*", cases, matrix, pmatrix, bmatrix, Bmatrix, vmatrix, Vmatrix

    /// The markup before the first row: the table, and for `cases` and the fenced matrices the opening fence.
    var opening: StaticString {
        switch self {
        case .aligned, .align, .alignStar, .split, .gathered, .gather, .gatherStar, .equation, .equationStar:
            "<mtable displaystyle=\"true\">"
        case .cases: "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo><mtable>"
        case .matrix: "<mtable>"
        case .pmatrix: "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mtable>"
        case .bmatrix: "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">[</mo><mtable>"
        case .Bmatrix: "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo><mtable>"
        case .vmatrix: "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">|</mo><mtable>"
        case .Vmatrix: "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">‖</mo><mtable>"
        }
    }

    /// The markup after the last row.
    var closing: StaticString {
        switch self {
        case .aligned, .align, .alignStar, .split, .gathered, .gather, .gatherStar, .equation, .equationStar, .matrix:
            "</mtable>"
        case .cases: "</mtable></mrow>"
        case .pmatrix: "</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
        case .bmatrix: "</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">]</mo></mrow>"
        case .Bmatrix: "</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">}</mo></mrow>"
        case .vmatrix: "</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">|</mo></mrow>"
        case .Vmatrix: "</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">‖</mo></mrow>"
        }
    }

    /// The start tag of a cell in `column`; alignment goes both in `columnalign` and in CSS, which MathML Core
    /// browsers read.
    func cellStart(column: Int) -> StaticString {
        switch self {
        case .aligned, .align, .alignStar, .split:
            // Columns pair up as right-aligned | left-aligned around the & (typically before a relation).
            if column == 0 { return "<mtd columnalign=\"right\" style=\"text-align:right;padding-left:0;padding-right:0\">" }
            return column % 2 == 0
                ? "<mtd columnalign=\"right\" style=\"text-align:right;padding-left:1em;padding-right:0\">"
                : "<mtd columnalign=\"left\" style=\"text-align:left;padding-left:0;padding-right:0\">"
        case .cases:
            return column == 0
                ? "<mtd columnalign=\"left\" style=\"text-align:left;padding-left:0\">"
                : "<mtd columnalign=\"left\" style=\"text-align:left;padding-left:1em\">"
        case .gathered, .gather, .gatherStar, .equation, .equationStar,
             .matrix, .pmatrix, .bmatrix, .Bmatrix, .vmatrix, .Vmatrix:
            return "<mtd>"
        }
    }
}

extension TeXParser {
    /// Parses `\begin{name} cell & cell \\ … \end{name}` (the cursor is after `\begin`), writing the table row by
    /// row.
    mutating func parseEnvironment(at start: Int) throws(TeXError) {
        let name = try readEnvironmentName(command: "\\begin", at: start)
        guard let environment = TeXEnvironment(rawValue: name) else {
            let known = TeXEnvironment.allCases.map(\.rawValue)
            let hint = CommandSuggestion.closest(to: name, among: known).map { " (did you mean \($0)?)" } ?? ""
            throw TeXError("unknown environment \(name)\(hint)", at: start)
        }
        let savedLeftDepth = leftDepth
        leftDepth = 0
        defer { leftDepth = savedLeftDepth }
        markup.append(environment.opening)
        var rows = 1
        var rowStart = markup.count
        var column = 0
        markup.append("<mtr>")
        while true {
            markup.append(environment.cellStart(column: column))
            let contentStart = markup.count
            let (_, end) = try parseSequence()
            let cellIsEmpty = markup.count == contentStart
            markup.append("</mtd>")
            switch end {
            case .cellBreak:
                column += 1
            case .rowBreak:
                markup.append("</mtr>")
                rows += 1
                rowStart = markup.count
                column = 0
                markup.append("<mtr>")
            case .endEnvironment(let endName, let offset):
                guard endName == name else {
                    throw TeXError("\\end{\(endName)} does not match \\begin{\(name)}", at: offset)
                }
                markup.append("</mtr>")
                // A final \\ before \end leaves an empty row, which TeX does not typeset either.
                if rows > 1, column == 0, cellIsEmpty { markup.removeSubrange(rowStart..<markup.count) }
                markup.append(environment.closing)
                return
            case .endOfInput, .closeBrace:
                throw TeXError("\\begin{\(name)} has no matching \\end{\(name)}", at: start)
            case .right(let offset):
                throw .unbalancedRight(at: offset)
            }
        }
    }
}
