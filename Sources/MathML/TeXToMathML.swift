import Escaping

/// Converts a TeX math formula to presentation MathML at build time, so pages typeset it without a script.
public enum TeXToMathML {
    /// The MathML for `tex`: a `<math>` element (block when `display`, else inline) whose `<semantics>`
    /// holds the rendering and the TeX source as an `application/x-tex` annotation.
    ///
    /// Throws `TeXError` (message and UTF-8 offset into `tex`) for TeX it cannot read.
    public static func convert(_ tex: String, display: Bool) throws(TeXError) -> String {
        var parser = TeXParser(tex)
        let items = try parser.parseFormula()
        if display && items.isEmpty { throw TeXError("empty display formula", at: 0) }
        let mode = display ? "block" : "inline"
        let annotation = HTMLEscape.escape(tex.trimmingWhitespace)
        return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"\(mode)\"><semantics>"
            + TeXParser.row(items)
            + "<annotation encoding=\"application/x-tex\">\(annotation)</annotation></semantics></math>"
    }
}

private extension String {
    /// Without leading and trailing white space (Unicode's, scalar by scalar).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isTeXWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isTeXWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
