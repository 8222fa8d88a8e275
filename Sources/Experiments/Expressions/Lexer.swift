/// Splits expression text into tokens. A hyphenated name (`sgd-variants`) is one token only when
/// directly followed by `[` or `.`, where it names a block; elsewhere `a-b` is a minus b.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private let base: Int
    private var position = 0

    /// `base` is added to every offset, so positions count from the start of an enclosing text.
    init(_ text: String, base: Int = 0) {
        scalars = Array(text.unicodeScalars)
        self.base = base
    }

    static let symbols = ["**", "<=", ">=", "==", "!=", "+", "-", "*", "/", "^", "<", ">",
                          "(", ")", "[", "]", ",", ".", "?", ":", "="]

    mutating func tokens() throws(ExpressionError) -> [Token] {
        var result: [Token] = []
        while true {
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
            guard position < scalars.count else {
                result.append(Token(kind: .end, offset: base + position))
                return result
            }
            let c = scalars[position]
            let start = position
            if Self.isDigit(c) || (c == "." && position + 1 < scalars.count && Self.isDigit(scalars[position + 1])) {
                result.append(try number())
            } else if c == "\"" || c == "'" {
                result.append(try string(quote: c))
            } else if Self.isIdentifierStart(c) {
                result.append(identifier())
            } else if let symbol = Self.symbols.first(where: { matches($0) }) {
                position += symbol.unicodeScalars.count
                result.append(Token(kind: .symbol(symbol), offset: base + start))
            } else {
                throw ExpressionError("unexpected character '\(c)'", at: base + start)
            }
        }
    }

    private func matches(_ symbol: String) -> Bool {
        let s = Array(symbol.unicodeScalars)
        guard position + s.count <= scalars.count else { return false }
        return Array(scalars[position..<(position + s.count)]) == s
    }

    private mutating func number() throws(ExpressionError) -> Token {
        let start = position
        while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
        if position < scalars.count, scalars[position] == "." {
            position += 1
            while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
        }
        if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
            var look = position + 1
            if look < scalars.count, scalars[look] == "+" || scalars[look] == "-" { look += 1 }
            if look < scalars.count, Self.isDigit(scalars[look]) {
                position = look
                while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
            }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        guard let value = Double(text) else { throw ExpressionError("bad number '\(text)'", at: base + start) }
        return Token(kind: .number(value), offset: base + start)
    }

    private mutating func string(quote: Unicode.Scalar) throws(ExpressionError) -> Token {
        let start = position
        position += 1
        var text = String.UnicodeScalarView()
        while position < scalars.count {
            let c = scalars[position]
            if c == quote {
                position += 1
                return Token(kind: .string(String(text)), offset: base + start)
            }
            if c == "\\", position + 1 < scalars.count {
                position += 1
            }
            text.append(scalars[position])
            position += 1
        }
        throw ExpressionError("unterminated string (missing closing \(quote))", at: base + start)
    }

    private mutating func identifier() -> Token {
        let start = position
        position += 1
        while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
        let firstEnd = position
        while position + 1 < scalars.count, scalars[position] == "-", Self.isIdentifierPart(scalars[position + 1]) {
            position += 1
            while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
        }
        if position != firstEnd {
            let next: Unicode.Scalar = position < scalars.count ? scalars[position] : " "
            if next != "[" && next != "." { position = firstEnd }
        }
        let name = String(String.UnicodeScalarView(scalars[start..<position]))
        return Token(kind: .identifier(name), offset: base + start)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }
    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }
}
