import Escaping

/// Converts a TeX math formula to presentation MathML at build time, so pages typeset it without a script.
public enum TeXToMathML {
    /// The MathML for `tex`: a `<math>` element (block when `display`, else inline) whose `<semantics>`
    /// holds the rendering and the TeX source as an `application/x-tex` annotation.
    ///
    /// Throws `TeXError` (message and UTF-8 offset into `tex`) for TeX it cannot read.
    public static func convert(_ tex: String, display: Bool) throws(TeXError) -> String {
        var parser = TeXParser(tex)
        parser.markup.append(display
            ? "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\"><semantics>"
            : "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\"><semantics>")
        let start = parser.markup.count
        let items = try parser.parseFormula()
        if display && items == 0 { throw TeXError("empty display formula", at: 0) }
        parser.markup.wrapRow(from: start, items: items)
        parser.markup.append("<annotation encoding=\"application/x-tex\">")
        parser.appendAnnotation()
        parser.markup.append("</annotation></semantics></math>")
        return parser.markup.string
    }
}

private extension TeXParser {
    /// The source without leading and trailing white space (Unicode's, scalar by scalar), escaped: the scalars from
    /// either end are looked at only up to the first one that is not white space.
    mutating func appendAnnotation() {
        let bytes = source.bytes
        func isSpace(at start: Int) -> Bool {
            let byte = bytes[start]
            return byte < 0x80 ? byte == 0x20 || (0x09...0x0D).contains(byte) : source.scalar(at: start).properties.isWhitespace
        }
        var first = 0
        while first < bytes.count, isSpace(at: first) { first += UTF8.width(startingWith: bytes[first]) }
        guard first < bytes.count else { return }
        var end = bytes.count
        while true {
            // The last scalar before `end` starts at the last byte before it that is no continuation byte.
            var lead = end - 1
            while lead > first, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard isSpace(at: lead) else { break }
            end = lead
        }
        markup.appendEscaped(bytes[first..<end])
    }
}
