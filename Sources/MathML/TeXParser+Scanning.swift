/// Scanning helpers: numbers, letters, function application and row spacing.
extension TeXParser {
    /// Writes digits with an optional decimal part and exponent (`0.999`, `1e-8`), mapped into the font.
    mutating func appendNumber(single: Bool) {
        let start = source.index
        func take(_ p: inout TeXParser) {
            if let c = p.source.peek() { p.markup.append(scalar: p.font?.map(c) ?? c) }
            p.source.advance()
        }
        if single { take(&self); return }
        while source.peekByte()?.isASCIIDigit == true { take(&self) }
        if source.next(is: "."), source.peekByte(1)?.isASCIIDigit == true {
            take(&self)
            while source.peekByte()?.isASCIIDigit == true { take(&self) }
        }
        if let e = source.peekByte(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E"), source.index > start, font == nil {
            let sign = source.peekByte(1) == UInt8(ascii: "-") || source.peekByte(1) == UInt8(ascii: "+") ? 1 : 0
            if source.peekByte(1 + sign)?.isASCIIDigit == true {
                take(&self)
                if sign == 1 {
                    // A minus sign in an exponent is typeset as a true minus.
                    markup.append(source.next(is: "-") ? "−" : "+" as StaticString)
                    source.advance()
                }
                while source.peekByte()?.isASCIIDigit == true { take(&self) }
            }
        }
    }

    /// Writes a letter as `<mi>`; inside `\mathrm` a run of letters becomes one upright identifier.
    mutating func appendLetters(single: Bool) {
        guard let first = source.peek() else { return }
        guard font == .roman else {
            source.advance()
            markup.append("<mi>")
            markup.append(scalar: font?.map(first) ?? first)
            markup.append("</mi>")
            return
        }
        let start = source.index
        source.advance()
        while !single, let c = source.peekByte(), c.isASCIILetter { source.advance() }
        markup.append(source.index - start == 1 ? "<mi mathvariant=\"normal\">" : "<mi>")
        markup.append(source.bytes[start..<source.index])
        markup.append("</mi>")
    }

    /// Writes the invisible function-application operator after `\sin`, `\log`, with TeX's thin space unless a
    /// bracket follows.
    mutating func appendFunctionApplication() {
        source.skipSpace()
        guard let c = source.peekByte(), c != UInt8(ascii: "}"), c != UInt8(ascii: "&") else { return }
        if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") {
            markup.append("<mo>\u{2061}</mo>")
            return
        }
        switch source.peekCommand().map(TeXCommand.lookup) {
        case .left?: markup.append("<mo>\u{2061}</mo>")
        case .right?, .end?, .rowBreak?: return
        default: markup.append("<mo rspace=\"0.1667em\">\u{2061}</mo>")
        }
    }

    /// Skips the optional spacing argument of a row break, as in `\\[4pt]`.
    mutating func skipRowSpacing() {
        let saved = source.index
        source.skipSpace()
        guard source.next(is: "[") else { source.index = saved; return }
        var i = 1
        while let c = source.peekByte(i), c != UInt8(ascii: "]"), c != UInt8(ascii: "\\"), c != UInt8(ascii: "{") { i += 1 }
        if source.peekByte(i) == UInt8(ascii: "]") { source.advance(bytes: i + 1) } else { source.index = saved }
    }
}
