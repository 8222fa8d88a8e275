/// A byte cursor over UTF-8 source that collects tokens covering every byte exactly once.
///
/// Token boundaries only fall before ASCII bytes or at the end, so no token splits a multi-byte scalar.
struct Lexer {
    let bytes: [UInt8]
    var pos = 0
    private(set) var tokens: [Token] = []

    init(_ code: String) {
        bytes = Array(code.utf8)
        // Room for the tokens of typical code (one every five bytes or so), so that the array rarely grows.
        tokens.reserveCapacity(bytes.count / 3 + 16)
    }

    var isAtEnd: Bool { pos >= bytes.count }

    func peek(_ ahead: Int = 0) -> UInt8? {
        let i = pos + ahead
        return i < bytes.count ? bytes[i] : nil
    }

    /// Whether the bytes at the cursor spell `text` (ASCII).
    func matches(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard pos + count <= bytes.count else { return false }
        let p = text.utf8Start
        for i in 0..<count where bytes[pos + i] != p[i] { return false }
        return true
    }

    /// Records the bytes from `start` to the cursor as one token, merging with a previous token of the same kind.
    /// Inlined: a listing has a token every few bytes, and the call was a third of the work.
    @inline(__always)
    mutating func emit(_ kind: TokenKind?, from start: Int) {
        guard pos > start else { return }
        if let last = tokens.last, last.kind == kind, last.range.upperBound == start {
            tokens[tokens.count - 1].range = last.range.lowerBound..<pos
        } else {
            tokens.append(Token(kind: kind, range: start..<pos))
        }
    }

    /// A builtin name right after `.` is a member (`x.sum()`, `a.max`), so it loses the builtin class.
    func notMember(_ kind: TokenKind?, at start: Int) -> TokenKind? {
        kind == .builtin && start > 0 && bytes[start - 1] == UInt8(ascii: ".") ? nil : kind
    }

    /// The tail every code lexer shares: brackets (tracking nesting `depth`), punctuation, the given
    /// operator characters, or else one plain scalar. Consumes the token at `start` and emits it.
    mutating func punctuationOperatorOrPlain(_ c: UInt8, from start: Int, depth: inout Int, operators: ByteSet) {
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            depth += 1
            pos += 1
            emit(.punctuation, from: start)
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            depth = max(0, depth - 1)
            pos += 1
            emit(.punctuation, from: start)
        case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "."):
            pos += 1
            emit(.punctuation, from: start)
        case _ where operators.contains(c):
            pos += 1
            emit(.operator, from: start)
        default:
            advanceScalar()
            emit(nil, from: start)
        }
    }

    /// Advances over one whole scalar (a lead byte and its continuation bytes).
    mutating func advanceScalar() {
        guard !isAtEnd else { return }
        pos += 1
        while let b = peek(), b & 0xC0 == 0x80 { pos += 1 }
    }

    /// Advances to the next newline (not consuming it) or the end.
    mutating func advanceToLineEnd() {
        while let b = peek(), b != UInt8(ascii: "\n") { pos += 1 }
    }

    /// Consumes spaces and tabs (not newlines); returns whether any were consumed.
    @discardableResult
    mutating func skipBlanks() -> Bool {
        let start = pos
        while let b = peek(), b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { pos += 1 }
        return pos > start
    }

    /// Consumes an identifier (letters, digits, `_`, non-ASCII) and returns where its bytes are.
    mutating func scanIdentifier() -> Range<Int> {
        let start = pos
        while let b = peek(), b.isIdentifierByte { pos += 1 }
        return start..<pos
    }

    /// Consumes a C-family number: `0x…`/`0o…`/`0b…`, or digits with `_`, a fraction and an exponent
    /// (`p` exponents for hex floats when `hexFloats`); then any letters in `suffixes` (`j` for Python).
    mutating func scanNumber(hexFloats: Bool = false, suffixes: ByteSet = "") {
        if peek() == UInt8(ascii: "0"), let x = peek(1), "xXoObB".utf8.contains(x) {
            pos += 2
            while let b = peek(), b.isHexDigit || b == UInt8(ascii: "_") { pos += 1 }
            if hexFloats, x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
                if peek() == UInt8(ascii: "."), peek(1)?.isHexDigit == true {
                    pos += 1
                    while let b = peek(), b.isHexDigit || b == UInt8(ascii: "_") { pos += 1 }
                }
                scanExponent(markers: "pP")
            }
        } else {
            while let b = peek(), b.isDigit || b == UInt8(ascii: "_") { pos += 1 }
            if peek() == UInt8(ascii: "."), peek(1)?.isDigit == true {
                pos += 1
                while let b = peek(), b.isDigit || b == UInt8(ascii: "_") { pos += 1 }
            }
            scanExponent(markers: "eE")
        }
        while let b = peek(), suffixes.contains(b) { pos += 1 }
    }

    private mutating func scanExponent(markers: StaticString) {
        guard let e = peek(), e == markers.utf8Start[0] || e == markers.utf8Start[1] else { return }
        let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") ? 1 : 0
        guard peek(1 + sign)?.isDigit == true else { return }
        pos += 1 + sign
        while let b = peek(), b.isDigit || b == UInt8(ascii: "_") { pos += 1 }
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isLetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    var isHexDigit: Bool { isDigit || ((self | 0x20) >= 0x61 && (self | 0x20) <= 0x66) }
    /// Letters, digits, `_`, and every byte of a non-ASCII scalar.
    var isIdentifierByte: Bool { isLetter || isDigit || self == 0x5F || self >= 0x80 }
    var isIdentifierStart: Bool { isLetter || self == 0x5F || self >= 0x80 }
    var isBlank: Bool { self == 0x20 || self == 0x09 }
}

extension Set<String> {
    func contains(_ bytes: ArraySlice<UInt8>) -> Bool {
        contains(String(decoding: bytes, as: UTF8.self))
    }
}
