import Escaping

/// Scanning helpers: numbers, letters, function application and row spacing.
extension TeXParser {
    /// Reads digits with an optional decimal part and exponent (`0.999`, `1e-8`), mapped into the font.
    mutating func readNumber(single: Bool) -> String {
        var text = ""
        func take(_ p: inout TeXParser) {
            if let c = p.source.peek() { text.unicodeScalars.append(p.font?.map(c) ?? c) }
            p.source.advance()
        }
        if single { take(&self); return text }
        while source.peek()?.isASCIIDigit == true { take(&self) }
        if source.peek() == ".", source.peek(1)?.isASCIIDigit == true {
            take(&self)
            while source.peek()?.isASCIIDigit == true { take(&self) }
        }
        if let e = source.peek(), e == "e" || e == "E", !text.isEmpty, font == nil {
            let sign = source.peek(1) == "-" || source.peek(1) == "+" ? 1 : 0
            if source.peek(1 + sign)?.isASCIIDigit == true {
                take(&self)
                if sign == 1 {
                    // A minus sign in an exponent is typeset as a true minus.
                    text += source.peek() == "-" ? "−" : "+"
                    source.advance()
                }
                while source.peek()?.isASCIIDigit == true { take(&self) }
            }
        }
        return text
    }

    /// Reads a letter as `<mi>`; inside `\mathrm` a run of letters becomes one upright identifier.
    mutating func readLetters(single: Bool) -> String {
        guard let first = source.peek() else { return "" }
        source.advance()
        guard font == .roman else {
            let mapped = font?.map(first) ?? first
            return "<mi>\(HTMLEscape.escape(String(mapped)))</mi>"
        }
        var word = String(first)
        while !single, let c = source.peek(), c.isASCIILetter {
            word.unicodeScalars.append(c)
            source.advance()
        }
        return word.unicodeScalars.count == 1
            ? "<mi mathvariant=\"normal\">\(word)</mi>" : "<mi>\(word)</mi>"
    }

    /// The invisible function-application operator after `\sin`, `\log`, with TeX's thin space unless a
    /// bracket follows.
    mutating func functionApplication() -> String {
        source.skipSpace()
        guard let c = source.peek(), c != "}", c != "&" else { return "" }
        if c == "(" || c == "[" || source.peekCommand() == "left" { return "<mo>\u{2061}</mo>" }
        if let name = source.peekCommand(), ["right", "end", "\\"].contains(name) { return "" }
        return "<mo rspace=\"0.1667em\">\u{2061}</mo>"
    }

    /// Skips the optional spacing argument of a row break, as in `\\[4pt]`.
    mutating func skipRowSpacing() {
        let saved = source.index
        source.skipSpace()
        guard source.peek() == "[" else { source.index = saved; return }
        var i = 1
        while let c = source.peek(i), c != "]", c != "\\", c != "{" { i += 1 }
        if source.peek(i) == "]" { source.advance(i + 1) } else { source.index = saved }
    }
}
