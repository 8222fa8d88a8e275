/// Python: keywords, builtins, decorators, numbers, comments, and strings with all prefixes, including
/// f-strings whose `{expression}` fields are highlighted as code.
extension Lexer {
    static let pythonKeywords: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
        "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
    static let pythonConstants: Set<String> = ["True", "False", "None", "Ellipsis", "NotImplemented", "__debug__"]
    static let pythonBuiltins: Set<String> = [
        "abs", "all", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr",
        "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec",
        "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id",
        "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview",
        "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "range", "repr", "reversed",
        "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type",
        "vars", "zip", "__import__", "self", "cls",
        "Exception", "BaseException", "ValueError", "TypeError", "KeyError", "IndexError", "RuntimeError",
        "StopIteration", "NotImplementedError", "AttributeError", "ZeroDivisionError", "AssertionError",
        "ImportError", "OSError", "FileNotFoundError", "KeyboardInterrupt",
    ]
    static let pythonOperators: ByteSet = "+-*/%=<>!&|^~@"
    /// Plain bytes that end no token: blanks, carriage returns and line-continuation backslashes, taken a run at a time
    /// (an indentation is one token).
    static let pythonSpacing: ByteSet = " \t\r\\"
    /// Imaginary literals: `1j`.
    static let pythonNumberSuffixes: ByteSet = "jJ"
    /// What a byte starts in Python code: the lexer looks each token's first byte up once, where a chain of tests
    /// asked each kind of token in turn.
    enum PythonByte {
        case newline, spacing, comment, quote, digit, dot, name, at, other
    }

    /// The `PythonByte` of every byte value.
    static let pythonBytes: [PythonByte] = (0...255).map { (value: Int) -> PythonByte in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "\n"): return .newline
        case _ where pythonSpacing.contains(byte): return .spacing
        case UInt8(ascii: "#"): return .comment
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .quote
        case _ where byte.isDigit: return .digit
        case UInt8(ascii: "."): return .dot
        case _ where byte.isIdentifierStart: return .name
        case UInt8(ascii: "@"): return .at
        default: return .other
        }
    }

    /// How deeply f-strings may nest inside replacement fields before they are shown as plain strings.
    static let maxInterpolationNesting = 16

    /// Where an f-string replacement field's expression must stop.
    struct FieldEnd {
        var quote: UInt8
        var triple: Bool
    }

    mutating func lexPython() { lexPythonCode(field: nil, nesting: 0) }

    /// Lexes Python code up to the end, or (inside an f-string field) up to the field's `}`, `:` or `!`
    /// at bracket depth 0, the enclosing string's closing quote, or its line end.
    mutating func lexPythonCode(field: FieldEnd?, nesting: Int) {
        // The tables, read once here rather than (through their lazy initialisation) at every use.
        let words = Self.pythonWordKinds, operators = Self.pythonOperators, spacing = Self.pythonSpacing
        let numberSuffixes = Self.pythonNumberSuffixes, bytesStarting = Self.pythonBytes
        var depth = 0
        var atLineStart = field == nil
        var nameKind: TokenKind?  // set after `def`/`class`: the next identifier is being defined
        while let c = peek() {
            if let field {
                if depth == 0, c == UInt8(ascii: "}") || c == UInt8(ascii: ":")
                    || (c == UInt8(ascii: "!") && peek(1) != UInt8(ascii: "=")) { return }
                if c == field.quote, !field.triple || (peek(1) == c && peek(2) == c) { return }
                if !field.triple, c == UInt8(ascii: "\n") { return }
            }
            let start = pos
            let starting = bytesStarting[Int(c)]
            if starting == .newline {
                pos += 1
                emit(nil, from: start)
                atLineStart = true
                continue
            }
            if starting == .spacing {
                pos += 1
                while let b = peek(), spacing.contains(b) { pos += 1 }
                emit(nil, from: start)
                continue
            }
            defer { atLineStart = false }
            switch starting {
            case .comment:
                advanceToLineEnd()
                emit(.comment, from: start)
            case .quote:
                lexPythonString(from: start, format: false, nesting: nesting)
            case .digit, .dot where peek(1)?.isDigit == true:
                scanNumber(suffixes: numberSuffixes)
                emit(.number, from: start)
            case .name:
                let word = scanIdentifier()
                if let q = peek(), q == UInt8(ascii: "'") || q == UInt8(ascii: "\""), let format = Self.stringPrefix(bytes[word]) {
                    lexPythonString(from: start, format: format, nesting: nesting)
                } else {
                    let kind = nameKind ?? notMember(words.kind(of: word, in: bytes), at: start)
                    nameKind = spells(word, "def") ? .function : spells(word, "class") ? .class : nil
                    emit(kind, from: start)
                    continue
                }
            case .at where atLineStart:
                pos += 1
                while let b = peek(), b.isIdentifierByte || b == UInt8(ascii: ".") { pos += 1 }
                emit(.decorator, from: start)
            default:
                punctuationOperatorOrPlain(c, from: start, depth: &depth, operators: operators)
            }
            nameKind = nil
        }
    }

    /// Whether the bytes at `word` are the ASCII word `keyword`, compared byte by byte (no collection of the keyword
    /// or the word is made).
    @inline(__always)
    func spells(_ word: Range<Int>, _ keyword: StaticString) -> Bool {
        guard word.count == keyword.utf8CodeUnitCount else { return false }
        let letters = keyword.utf8Start
        for k in 0..<word.count where bytes[word.lowerBound + k] != letters[k] { return false }
        return true
    }

    /// Whether `word` is a string prefix (r, b, u, f, t and their combinations); returns whether it formats.
    /// The letters are one bit each (every identifier before a quote is asked, so no set is made).
    static func stringPrefix(_ word: ArraySlice<UInt8>) -> Bool? {
        guard word.count <= 2 else { return nil }
        var letters: UInt8 = 0
        for byte in word {
            let bit = prefixLetterBit(byte | 0x20)
            guard bit != 0, letters & bit == 0 else { return nil }  // not a prefix letter, or one written twice
            letters |= bit
        }
        let r: UInt8 = 1, b: UInt8 = 2, u: UInt8 = 4, f: UInt8 = 8, t: UInt8 = 16
        let format = letters & (f | t) != 0
        let valid = word.count == 1 || letters & r != 0 && letters & u == 0 && !(letters & b != 0 && format)
        return valid ? format : nil
    }

    /// `r`, `b`, `u`, `f`, `t` (lower-case) as the bits 1, 2, 4, 8, 16; 0 for any other byte.
    @inline(__always)
    private static func prefixLetterBit(_ lower: UInt8) -> UInt8 {
        switch lower {
        case UInt8(ascii: "r"): 1
        case UInt8(ascii: "b"): 2
        case UInt8(ascii: "u"): 4
        case UInt8(ascii: "f"): 8
        case UInt8(ascii: "t"): 16
        default: 0
        }
    }

    /// Keywords, constants and builtins in one table (a word in several is the first kind), so that a word is
    /// looked up once.
    static let pythonWordKinds: WordTable = {
        var kinds: [String: TokenKind] = [:]
        for word in pythonBuiltins { kinds[word] = .builtin }
        for word in pythonConstants { kinds[word] = .constant }
        for word in pythonKeywords { kinds[word] = .keyword }
        return WordTable(kinds)
    }()

    /// Lexes a string whose prefix starts at `start`; the cursor is on the opening quote.
    mutating func lexPythonString(from start: Int, format: Bool, nesting: Int) {
        guard let quote = peek() else { return }
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        var segment = start
        let formats = format && nesting < Self.maxInterpolationNesting
        while let c = peek() {
            if c == UInt8(ascii: "\\") {
                pos += 1
                advanceScalar()
            } else if c == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                pos += triple ? 3 : 1
                break
            } else if c == UInt8(ascii: "\n"), !triple {
                break  // unterminated: the string ends with its line
            } else if formats, c == UInt8(ascii: "{") || c == UInt8(ascii: "}") {
                if peek(1) == c {
                    pos += 2  // {{ and }} are literal braces
                } else if c == UInt8(ascii: "{") {
                    emit(.string, from: segment)
                    lexReplacementField(FieldEnd(quote: quote, triple: triple), nesting: nesting + 1)
                    segment = pos
                } else {
                    pos += 1
                }
            } else {
                pos += 1
            }
        }
        emit(.string, from: segment)
    }

    /// Lexes `{expression!conversion:format_spec}`; the cursor is on the `{`.
    mutating func lexReplacementField(_ end: FieldEnd, nesting: Int) {
        var start = pos
        pos += 1
        emit(.interpolation, from: start)
        lexPythonCode(field: end, nesting: nesting)
        start = pos
        if peek() == UInt8(ascii: "!") {
            pos += 1
            while let b = peek(), b.isLetter { pos += 1 }
        }
        if peek() == UInt8(ascii: ":") {
            pos += 1
            while let c = peek(), c != UInt8(ascii: "}") {
                if c == end.quote || (c == UInt8(ascii: "\n") && !end.triple) { break }
                if c == UInt8(ascii: "{"), nesting < Self.maxInterpolationNesting {
                    emit(.interpolation, from: start)
                    lexReplacementField(end, nesting: nesting + 1)
                    start = pos
                } else {
                    pos += 1
                }
            }
        }
        if peek() == UInt8(ascii: "}") { pos += 1 }
        emit(.interpolation, from: start)
    }
}
