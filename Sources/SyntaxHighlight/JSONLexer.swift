/// JSON (and JSONC): keys versus string values, numbers, `true`/`false`/`null`, and `//`, `/* */` comments.
extension Lexer {
    mutating func lexJSON() {
        while let c = peek() {
            let start = pos
            if c == UInt8(ascii: "\"") {
                pos += 1
                while let b = peek(), b != UInt8(ascii: "\""), b != UInt8(ascii: "\n") {
                    if b == UInt8(ascii: "\\") { pos += 1 }
                    advanceScalar()
                }
                if peek() == UInt8(ascii: "\"") { pos += 1 }
                emit(isFollowedByColon() ? .key : .string, from: start)
            } else if c == UInt8(ascii: "-") || c.isDigit {
                pos += 1
                while let b = peek(), b.isDigit { pos += 1 }
                if peek() == UInt8(ascii: "."), peek(1)?.isDigit == true {
                    pos += 1
                    while let b = peek(), b.isDigit { pos += 1 }
                }
                if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                    let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") ? 1 : 0
                    if peek(1 + sign)?.isDigit == true {
                        pos += 1 + sign
                        while let b = peek(), b.isDigit { pos += 1 }
                    }
                }
                emit(pos - start == 1 && c == UInt8(ascii: "-") ? nil : .number, from: start)
            } else if c.isLetter {
                let word = String(decoding: bytes[scanIdentifier()], as: UTF8.self)
                emit(["true", "false", "null"].contains(word) ? .constant : nil, from: start)
            } else if matches("//") {
                advanceToLineEnd()
                emit(.comment, from: start)
            } else if matches("/*") {
                pos += 2
                while !isAtEnd, !matches("*/") { pos += 1 }
                pos = min(pos + 2, bytes.count)
                emit(.comment, from: start)
            } else if "{}[],:".utf8.contains(c) {
                pos += 1
                emit(.punctuation, from: start)
            } else {
                advanceScalar()
                emit(nil, from: start)
            }
        }
    }

    /// Whether the next non-space byte is `:` (so the string just read is an object key).
    private func isFollowedByColon() -> Bool {
        var i = 0
        while let b = peek(i), b.isBlank || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { i += 1 }
        return peek(i) == UInt8(ascii: ":")
    }
}
