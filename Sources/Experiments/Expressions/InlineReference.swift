/// A `{{ expression | format }}` result quoted in prose: what lies between the braces, read once when the
/// lesson's protected spans are cut out (`ProtectedSpans` in Site) and evaluated when results exist.
public struct InlineReference: Sendable, Hashable {
    public var expression: Expression
    public var format: NumberFormat?

    /// Reads the text between `{{` and `}}`: an expression, then an optional format after the last `|`
    /// outside quotes. Offsets (the expression's nodes, an error's) count from the start of `body`.
    public static func parse(_ body: String) throws(ExpressionError) -> InlineReference {
        let scalars = body.unicodeScalars
        var bar: (index: String.Index, offset: Int)?
        var quote: Unicode.Scalar?
        var i = scalars.startIndex
        var offset = 0
        while i < scalars.endIndex {
            let c = scalars[i]
            if let q = quote {
                if c == "\\" {
                    i = scalars.index(after: i)
                    offset += 1
                    if i == scalars.endIndex { break }
                } else if c == q {
                    quote = nil
                }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "|" {
                bar = (i, offset)
            }
            i = scalars.index(after: i)
            offset += 1
        }
        // A quote left open swallowed the closing braces.
        guard quote == nil else { throw ExpressionError("'{{' without a closing '}}' (write '\\{{' for literal braces)", at: 0) }
        let expression = try Expression.parse(String(scalars[..<(bar?.index ?? scalars.endIndex)]))
        var format: NumberFormat?
        if let bar {
            let specifier = String(scalars[scalars.index(after: bar.index)...]).trimmingCharacters(in: " ")
            do {
                format = try NumberFormat.parse(specifier)
            } catch {
                throw ExpressionError(error.description, at: bar.offset + 1)
            }
        }
        return InlineReference(expression: expression, format: format)
    }
}

extension String {
    /// The string without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        String(drop(while: { $0 == character }).reversed().drop(while: { $0 == character }).reversed())
    }
}
