/// YAML: mapping keys versus values (strings, numbers, constants), anchors, aliases and tags, comments,
/// document markers, flow collections and block scalars (`|`, `>`).
extension Lexer {
    static let yamlConstants: Set<String> = [
        "true", "false", "True", "False", "TRUE", "FALSE", "null", "Null", "NULL", "~", "yes", "no", "Yes", "No",
        "YES", "NO", "on", "off", "On", "Off", "ON", "OFF",
    ]

    mutating func lexYAML() {
        while !isAtEnd {
            let before = pos
            lexYAMLLine()
            if pos == before { advanceScalar(); emit(nil, from: before) }  // never stall
        }
    }

    /// Lexes one line (and, after a block scalar header, the block's lines).
    private mutating func lexYAMLLine() {
        let lineStart = pos
        skipBlanks()
        emit(nil, from: lineStart)
        let indent = pos - lineStart
        var start = pos
        if indent == 0, matches("---") || matches("..."), peek(3) == nil || peek(3)!.isBlank || peek(3) == UInt8(ascii: "\n") {
            pos += 3
            emit(.punctuation, from: start)
        } else if indent == 0, peek() == UInt8(ascii: "%") {
            advanceToLineEnd()
            emit(.keyword, from: start)
        }
        // Sequence entries: "- " (possibly several on one line).
        while peek() == UInt8(ascii: "-"), peek(1) == nil || peek(1)!.isBlank || peek(1) == UInt8(ascii: "\n") {
            start = pos
            pos += 1
            emit(.punctuation, from: start)
            start = pos
            skipBlanks()
            emit(nil, from: start)
        }
        if let keyEnd = yamlKeyEnd() {
            start = pos
            pos = keyEnd
            emit(.key, from: start)
            start = pos
            skipBlanks()
            emit(nil, from: start)
            start = pos
            pos += 1  // the colon
            emit(.punctuation, from: start)
        }
        let blockScalar = lexYAMLValue()
        start = pos
        if peek() == UInt8(ascii: "\n") { pos += 1 }
        emit(nil, from: start)
        if blockScalar { lexYAMLBlockScalar(parentIndent: indent) }
    }

    /// If a mapping key starts at the cursor, where it ends (before any blanks and its `:`).
    private func yamlKeyEnd() -> Int? {
        var i = pos
        func at(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }
        guard let first = at(i) else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            i += 1
            while let b = at(i), b != first, b != UInt8(ascii: "\n") { i += b == UInt8(ascii: "\\") && first == UInt8(ascii: "\"") ? 2 : 1 }
            guard at(i) == first else { return nil }
            i += 1
            let end = i
            while at(i)?.isBlank == true { i += 1 }
            return isYAMLColon(at: i) ? end : nil
        }
        if "[]{}#&*!|>%@`,?".utf8.contains(first) || first.isBlank || first == UInt8(ascii: "\n") { return nil }
        var lastNonBlank = i
        while let b = at(i), b != UInt8(ascii: "\n") {
            if isYAMLColon(at: i) { return lastNonBlank }
            if b.isBlank, at(i + 1) == UInt8(ascii: "#") { return nil }
            i += 1
            if !b.isBlank { lastNonBlank = i }
        }
        return nil
    }

    /// A `:` that ends a key: followed by a blank, a line end or the end of input.
    private func isYAMLColon(at i: Int) -> Bool {
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
        return i + 1 >= bytes.count || bytes[i + 1].isBlank || bytes[i + 1] == UInt8(ascii: "\n")
            || bytes[i + 1] == UInt8(ascii: "\r")
    }

    /// Lexes the rest of the line as a value; returns whether it opened a block scalar (`|` or `>`).
    private mutating func lexYAMLValue() -> Bool {
        var flowDepth = 0
        var first = true
        var opensBlock = false
        while let c = peek(), c != UInt8(ascii: "\n") {
            let start = pos
            defer { if !(c.isBlank || c == UInt8(ascii: "\r")) { first = false } }
            if c.isBlank || c == UInt8(ascii: "\r") {
                pos += 1
                emit(nil, from: start)
            } else if c == UInt8(ascii: "#"), first || start == 0 || bytes[start - 1].isBlank {
                advanceToLineEnd()
                emit(.comment, from: start)
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                scanYAMLQuoted(c)
                let isKey = flowDepth > 0 && isYAMLColon(at: pos)
                emit(isKey ? .key : .string, from: start)
            } else if c == UInt8(ascii: "&") || c == UInt8(ascii: "*") || c == UInt8(ascii: "!") {
                pos += 1
                while let b = peek(), !b.isBlank, b != UInt8(ascii: "\n"), !",[]{}".utf8.contains(b) { pos += 1 }
                emit(.anchor, from: start)
            } else if first, c == UInt8(ascii: "|") || c == UInt8(ascii: ">") {
                pos += 1
                while let b = peek(), b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b.isDigit { pos += 1 }
                emit(.punctuation, from: start)
                opensBlock = true
            } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                flowDepth += 1
                pos += 1
                emit(.punctuation, from: start)
            } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                flowDepth = max(0, flowDepth - 1)
                pos += 1
                emit(.punctuation, from: start)
            } else if c == UInt8(ascii: ","), flowDepth > 0 {
                pos += 1
                emit(.punctuation, from: start)
            } else if c == UInt8(ascii: ":"), isYAMLColon(at: pos) || flowDepth > 0 {
                pos += 1
                emit(.punctuation, from: start)
            } else {
                scanYAMLPlain(inFlow: flowDepth > 0)
                if pos == start { advanceScalar() }
                let text = String(decoding: bytes[start..<pos], as: UTF8.self)
                let kind: TokenKind = flowDepth > 0 && isYAMLColon(at: pos) ? .key
                    : Self.yamlConstants.contains(text) ? .constant : Self.isYAMLNumber(bytes[start..<pos]) ? .number : .string
                emit(kind, from: start)
            }
        }
        return opensBlock
    }

    /// A plain scalar: up to a line end, ` #`, `: `, and in flow collections `,[]{}`; trailing blanks excluded.
    private mutating func scanYAMLPlain(inFlow: Bool) {
        var end = pos
        while let b = peek(), b != UInt8(ascii: "\n"), b != UInt8(ascii: "\r") {
            if isYAMLColon(at: pos) { break }
            if inFlow, ",[]{}".utf8.contains(b) { break }
            if b.isBlank, peek(1) == UInt8(ascii: "#") { break }
            pos += 1
            if !b.isBlank { end = pos }
        }
        pos = end
    }

    /// A quoted scalar, which may span lines (`\` escapes in `"…"`, `''` in `'…'`); ends at EOF if unterminated.
    private mutating func scanYAMLQuoted(_ quote: UInt8) {
        pos += 1
        while let b = peek() {
            if quote == UInt8(ascii: "\""), b == UInt8(ascii: "\\") {
                pos += 1
                advanceScalar()
            } else if b == quote {
                pos += 1
                if quote == UInt8(ascii: "'"), peek() == quote { pos += 1 } else { return }
            } else {
                pos += 1
            }
        }
    }

    /// The lines of a block scalar: blank lines and lines indented deeper than the line that opened it.
    private mutating func lexYAMLBlockScalar(parentIndent: Int) {
        let start = pos
        while !isAtEnd {
            var i = pos
            while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
            let blank = i >= bytes.count || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r")
            guard blank || i - pos > parentIndent else { break }
            pos = i
            advanceToLineEnd()
            if peek() == UInt8(ascii: "\n") { pos += 1 }
        }
        emit(.string, from: start)
    }

    static func isYAMLNumber(_ text: ArraySlice<UInt8>) -> Bool {
        var s = Array(text)
        if let f = s.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { s.removeFirst() }
        let lower = String(decoding: s, as: UTF8.self).lowercased()
        if lower == ".inf" || lower == ".nan" { return true }
        if lower.hasPrefix("0x") { return s.count > 2 && s.dropFirst(2).allSatisfy(\.isHexDigit) }
        if lower.hasPrefix("0o") { return s.count > 2 && s.dropFirst(2).allSatisfy(\.isDigit) }
        var i = 0
        var digits = 0
        while i < s.count, s[i].isDigit || s[i] == UInt8(ascii: "_") { digits += s[i].isDigit ? 1 : 0; i += 1 }
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            while i < s.count, s[i].isDigit { digits += 1; i += 1 }
        }
        guard digits > 0 else { return false }
        if i < s.count, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
            i += 1
            if i < s.count, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+") { i += 1 }
            let exponentStart = i
            while i < s.count, s[i].isDigit { i += 1 }
            if i == exponentStart { return false }
        }
        return i == s.count
    }
}
