/// The text of `\text{…}` and `\operatorname{…}`: read as plain text, not as math.
extension TeXParser {
    /// Reads the braced argument of the `\text`-like command at `start` as plain text (braces nest; `\{`,
    /// `\%`… are literal).
    mutating func readText(at start: Int) throws(TeXError) -> String {
        source.skipSpace()
        guard source.next(is: "{") else {
            let command = source.commandText(at: start)
            throw TeXError("\(command) needs its text in braces, e.g. \(command){eff}", at: start)
        }
        let open = source.offset
        source.advance()
        var text = ""
        var braces = 0
        while let c = source.peek() {
            let at = source.offset
            source.advance()
            switch c {
            case "{": braces += 1
            case "}":
                if braces == 0 { return Self.collapsingSpaces(text) }
                braces -= 1
            case "\\":
                guard let e = source.peek() else { throw .missingClosingBrace(at: open) }
                if "{}%$&#_ ".unicodeScalars.contains(e) {
                    text.unicodeScalars.append(e)
                } else if e == "," || e == ";" || e == ":" {
                    text += " "
                } else {
                    throw TeXError("\\\(e)… is not supported inside \(source.commandText(at: start)){…}", at: at)
                }
                source.advance()
            case "$": throw TeXError("math inside \(source.commandText(at: start)){…} is not supported", at: at)
            default: text.unicodeScalars.append(c)
            }
        }
        throw .missingClosingBrace(at: open)
    }

    private static func collapsingSpaces(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for c in text.unicodeScalars {
            let isSpace = c.isTeXWhitespace
            if isSpace && lastWasSpace { continue }
            out.unicodeScalars.append(isSpace ? " " : c)
            lastWasSpace = isSpace
        }
        return out
    }

    /// Browsers trim spaces at the edges of `<mtext>`, so `\text{ if }` keeps them as no-break spaces.
    static func protectingEdgeSpaces(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == " " { scalars[0] = "\u{A0}" }
        if scalars.count > 0, scalars[scalars.count - 1] == " " { scalars[scalars.count - 1] = "\u{A0}" }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }

    static func mapped(_ text: String, _ font: MathFont) -> String {
        var out = ""
        for c in text.unicodeScalars { out.unicodeScalars.append(font.map(c)) }
        return out
    }
}
