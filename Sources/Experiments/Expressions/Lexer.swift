/// Splits expression text into tokens. A hyphenated name (`sgd-variants`) is one token only when
/// directly followed by `[` or `.`, where it names a block; elsewhere `a-b` is a minus b. A path directly
/// followed by `#` names another lesson's block (`optimisers/optimisers#sgd-variants`), one token.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private let base: Int
    private var position = 0
    /// Whether the text has a `#` at all: without one, no lesson path is looked for.
    private let hasHash: Bool
    /// Positions before this one start no lesson path (the run of path characters they are in does not
    /// end at `#`), so each character is scanned for one at most once.
    private var noPathBefore = 0

    /// `base` is added to every offset, so positions count from the start of an enclosing text.
    init(_ text: String, base: Int = 0) {
        scalars = Array(text.unicodeScalars)
        self.base = base
        hasHash = scalars.contains("#")
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
            if let token = try lessonBlock() {
                result.append(token)
            } else if Self.isDigit(c) || (c == "." && position + 1 < scalars.count && Self.isDigit(scalars[position + 1])) {
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

    /// `optimisers/optimisers#sgd-variants` at the current position, if a run of path characters (letters,
    /// digits, `_`, `-`, `.`, `/`) starting here is directly followed by `#`. `#` has no other use in
    /// expressions, so this reads no text that meant something else before.
    private mutating func lessonBlock() throws(ExpressionError) -> Token? {
        guard hasHash, position >= noPathBefore else { return nil }
        let start = position
        var hash = position
        while hash < scalars.count, Self.isPathCharacter(scalars[hash]) { hash += 1 }
        guard hash < scalars.count, scalars[hash] == "#" else {
            noPathBefore = hash
            return nil
        }
        let path = String(String.UnicodeScalarView(scalars[start..<hash]))
        let example = "as in optimisers/optimisers#sgd-variants"
        guard !path.isEmpty else {
            throw ExpressionError("'#' names a block of another lesson: write the lesson's path before it, \(example)", at: base + hash)
        }
        if path.hasSuffix(".md") {
            throw ExpressionError("write the lesson's path without '.md': \(path.dropLast(3))#…", at: base + start)
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.contains(".") || segments.contains(where: \.isEmpty) {
            throw ExpressionError("'\(path)' is not a lesson's path: name the lesson by its path under content/ without '.md', \(example)", at: base + start)
        }
        var end = hash + 1
        guard end < scalars.count, Self.isIdentifierStart(scalars[end]) else {
            throw ExpressionError("expected a block id after '\(path)#', \(example)", at: base + end)
        }
        while end < scalars.count, Self.isIdentifierPart(scalars[end])
                || (scalars[end] == "-" && end + 1 < scalars.count && Self.isIdentifierPart(scalars[end + 1])) {
            end += 1
        }
        position = end
        let block = String(String.UnicodeScalarView(scalars[(hash + 1)..<end]))
        return Token(kind: .lessonBlock(lesson: path, block: block), offset: base + start)
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
    static func isPathCharacter(_ c: Unicode.Scalar) -> Bool { isIdentifierPart(c) || c == "-" || c == "." || c == "/" }
}
