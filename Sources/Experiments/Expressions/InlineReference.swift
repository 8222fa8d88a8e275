/// A `{{ expression | format }}` span in prose, found by `InlineReference.scan`.
public struct InlineReference: Sendable, Hashable {
    public var expression: Expression
    public var format: NumberFormat?
    /// The whole `{{ … }}` span in the scanned text.
    public var range: Range<String.Index>
    /// Unicode-scalar offset of `{{` in the scanned text (expression offsets count from the text start too).
    public var offset: Int

    /// A piece of scanned text: literal text (with `\{{` unescaped to `{{`) or a reference.
    public enum Segment: Sendable, Hashable {
        case text(String)
        case reference(InlineReference)
    }

    /// Splits `text` into literal text and references. The format is what follows the last `|` outside
    /// quotes. Errors (unclosed `{{`, bad expression, bad format) carry offsets into `text`.
    public static func scan(_ text: String) throws(ExpressionError) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        var index = text.startIndex
        var offset = 0
        while index < text.endIndex {
            let rest = text.unicodeScalars[index...]
            if rest.starts(with: "\\{{".unicodeScalars) {
                literal += "{{"
                index = text.unicodeScalars.index(index, offsetBy: 3)
                offset += 3
                continue
            }
            guard rest.starts(with: "{{".unicodeScalars) else {
                literal.unicodeScalars.append(text.unicodeScalars[index])
                index = text.unicodeScalars.index(after: index)
                offset += 1
                continue
            }
            let reference = try parseSpan(text, from: index, offset: offset)
            if !literal.isEmpty { segments.append(.text(literal)) }
            literal = ""
            segments.append(.reference(reference))
            offset += text.unicodeScalars[reference.range].count
            index = reference.range.upperBound
        }
        if !literal.isEmpty { segments.append(.text(literal)) }
        return segments
    }

    /// The span starting at `{{` (at `start`, scalar offset `offset`).
    private static func parseSpan(_ text: String, from start: String.Index, offset: Int)
        throws(ExpressionError) -> InlineReference {
        let scalars = text.unicodeScalars
        let bodyStart = scalars.index(start, offsetBy: 2)
        var i = bodyStart
        var quote: Unicode.Scalar?
        var bar: (index: String.Index, offset: Int)?
        var position = offset + 2
        while i < scalars.endIndex {
            let c = scalars[i]
            if let q = quote {
                if c == "\\" { i = scalars.index(after: i); position += 1 } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "|" {
                bar = (i, position)
            } else if c == "}", scalars[i...].starts(with: "}}".unicodeScalars) {
                let expressionEnd = bar?.index ?? i
                let source = String(scalars[bodyStart..<expressionEnd])
                let expression = try Expression.parse(source, base: offset + 2)
                var format: NumberFormat?
                if let bar {
                    let specifier = String(scalars[scalars.index(after: bar.index)..<i]).trimmingCharacters(in: " ")
                    do {
                        format = try NumberFormat.parse(specifier)
                    } catch {
                        throw ExpressionError(error.description, at: bar.offset + 1)
                    }
                }
                let end = scalars.index(i, offsetBy: 2)
                return InlineReference(expression: expression, format: format, range: start..<end, offset: offset)
            }
            if i < scalars.endIndex { i = scalars.index(after: i) }
            position += 1
        }
        throw ExpressionError("'{{' without a closing '}}' (write '\\{{' for literal braces)", at: offset)
    }
}

extension String {
    /// The string without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        String(drop(while: { $0 == character }).reversed().drop(while: { $0 == character }).reversed())
    }
}
