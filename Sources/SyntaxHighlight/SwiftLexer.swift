/// Swift: keywords, attributes and macros, types, numbers, nested block comments, and strings (multi-line,
/// raw `#"…"#`) whose `\(…)` interpolations are highlighted as code.
extension Lexer {
    static let swiftKeywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw",
        "switch", "where", "while", "as", "await", "is", "super", "self", "Self", "throws", "try", "async",
        "actor", "nonisolated", "isolated", "some", "any", "consume", "borrowing", "consuming", "mutating",
        "nonmutating", "override", "final", "lazy", "weak", "unowned", "convenience", "required", "indirect",
        "package", "sending", "macro", "get", "set", "willSet", "didSet",
    ]
    static let swiftConstants: Set<String> = ["true", "false", "nil"]
    static let swiftBuiltins: Set<String> = [
        "print", "debugPrint", "min", "max", "abs", "zip", "stride", "sequence", "repeatElement", "precondition",
        "preconditionFailure", "assert", "assertionFailure", "fatalError", "type", "swap", "withExtendedLifetime",
    ]
    static let swiftDirectives: Set<String> = [
        "if", "elseif", "else", "endif", "available", "unavailable", "warning", "error", "sourceLocation",
    ]
    static let swiftDeclarations: Set<String> = ["struct", "class", "enum", "protocol", "actor", "extension", "typealias"]

    mutating func lexSwift() { lexSwiftCode(insideInterpolation: false, nesting: 0) }

    /// Lexes Swift code to the end, or (inside `\(…)`) to the `)` that closes the interpolation.
    mutating func lexSwiftCode(insideInterpolation: Bool, nesting: Int) {
        var depth = 0
        var nameKind: TokenKind?
        while let c = peek() {
            if insideInterpolation, depth == 0, c == UInt8(ascii: ")") { return }
            let start = pos
            if c.isBlank || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                pos += 1
                emit(nil, from: start)
                continue
            }
            var nextName: TokenKind?
            defer { nameKind = nextName }
            if matches("//") {
                advanceToLineEnd()
                emit(.comment, from: start)
            } else if matches("/*") {
                skipSwiftBlockComment()
                emit(.comment, from: start)
            } else if c == UInt8(ascii: "\"") || (c == UInt8(ascii: "#") && isRawStringStart()) {
                lexSwiftString(nesting: nesting)
            } else if c == UInt8(ascii: "#"), peek(1) == UInt8(ascii: "#") {
                while peek() == UInt8(ascii: "#") { pos += 1 }  // a run of # that does not open a raw string
                emit(.operator, from: start)
            } else if c == UInt8(ascii: "#") || c == UInt8(ascii: "@") {
                pos += 1
                let word = bytes[scanIdentifier()]
                let directive = c == UInt8(ascii: "#") && Self.swiftDirectives.contains(word)
                emit(word.isEmpty ? .operator : directive ? .keyword : .decorator, from: start)
            } else if c.isDigit {
                scanNumber(hexFloats: true)
                emit(.number, from: start)
            } else if c.isIdentifierStart {
                let word = bytes[scanIdentifier()]
                let isKeyword = Self.swiftKeywords.contains(word)
                emit(isKeyword ? .keyword : nameKind ?? notMember(Self.swiftWordKind(word), at: start), from: start)
                if Self.swiftDeclarations.contains(word) {
                    nextName = .class
                } else if String(decoding: word, as: UTF8.self) == "func" {
                    nextName = .function
                }
            } else if c == UInt8(ascii: "`") {
                pos += 1
                while let b = peek(), b != UInt8(ascii: "`"), b != UInt8(ascii: "\n") { pos += 1 }
                if peek() == UInt8(ascii: "`") { pos += 1 }
                emit(nameKind, from: start)
            } else if c == UInt8(ascii: "$"), peek(1)?.isIdentifierByte == true {
                pos += 1
                _ = scanIdentifier()
                emit(.variable, from: start)
            } else {
                punctuationOperatorOrPlain(c, from: start, depth: &depth, operators: "+-*/%=<>!&|^~?")
            }
        }
    }

    static func swiftWordKind(_ word: ArraySlice<UInt8>) -> TokenKind? {
        if swiftKeywords.contains(word) { return .keyword }
        if swiftConstants.contains(word) { return .constant }
        if swiftBuiltins.contains(word) { return .builtin }
        if let first = word.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") { return .type }
        return nil
    }

    /// Whether the cursor is on `#…#"`, the start of a raw string.
    func isRawStringStart() -> Bool {
        var i = 0
        while peek(i) == UInt8(ascii: "#") { i += 1 }
        return peek(i) == UInt8(ascii: "\"")
    }

    /// Skips a `/* … */` comment; Swift block comments nest.
    mutating func skipSwiftBlockComment() {
        var depth = 0
        while !isAtEnd {
            if matches("/*") {
                depth += 1
                pos += 2
            } else if matches("*/") {
                depth -= 1
                pos += 2
                if depth == 0 { return }
            } else {
                pos += 1
            }
        }
    }

    /// Lexes a string literal at the cursor, including raw delimiters and `\(…)` interpolations.
    mutating func lexSwiftString(nesting: Int) {
        var segment = pos
        var hashes = 0
        while peek() == UInt8(ascii: "#") { hashes += 1; pos += 1 }
        let multiline = matches("\"\"\"")
        pos += multiline ? 3 : 1
        while let c = peek() {
            if c == UInt8(ascii: "\\"), hashesFollow(hashes, at: 1) {
                let afterEscape = 1 + hashes
                if peek(afterEscape) == UInt8(ascii: "("), nesting < Self.maxInterpolationNesting {
                    emit(.string, from: segment)
                    let open = pos
                    pos += afterEscape + 1
                    emit(.interpolation, from: open)
                    lexSwiftCode(insideInterpolation: true, nesting: nesting + 1)
                    let close = pos
                    if peek() == UInt8(ascii: ")") { pos += 1 }
                    emit(.interpolation, from: close)
                    segment = pos
                } else {
                    pos += afterEscape
                    advanceScalar()
                }
            } else if c == UInt8(ascii: "\""), !multiline || matches("\"\"\""), hashesFollow(hashes, at: multiline ? 3 : 1) {
                pos += (multiline ? 3 : 1) + hashes
                break
            } else if c == UInt8(ascii: "\n"), !multiline {
                break
            } else {
                pos += 1
            }
        }
        emit(.string, from: segment)
    }

    private func hashesFollow(_ count: Int, at offset: Int) -> Bool {
        for i in 0..<count where peek(offset + i) != UInt8(ascii: "#") { return false }
        return true
    }
}
