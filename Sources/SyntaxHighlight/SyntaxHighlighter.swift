import Escaping

/// Highlights code at build time into HTML-escaped text with `<span class="tok-…">` tokens (none around operators
/// and punctuation, which take the text's colour).
public enum SyntaxHighlighter {
    /// The languages the highlighter knows, after resolving aliases.
    public enum Language: String, Sendable, CaseIterable {
        case python, swift, yaml, bash, console, json

        /// Resolves a fence info string such as `py`, `python3`, `yml`, `sh`, `zsh`, `shell-session`, `jsonc`.
        public init?(name: String) {
            // Fence languages are nearly always written as the key already: printable ASCII without capitals.
            let isKey = name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !(0x41...0x5A).contains($0) }
            let key = isKey ? name : String(name.unicodeScalars.filter { !$0.properties.isWhitespace }).lowercased()
            switch key {
            case "python", "py", "python3", "py3": self = .python
            case "swift": self = .swift
            case "yaml", "yml": self = .yaml
            case "bash", "sh", "shell", "zsh": self = .bash
            case "console", "shell-session", "shellsession", "terminal": self = .console
            case "json", "jsonc", "json5": self = .json
            default: return nil
            }
        }
    }

    /// The highlighted HTML for `code` in a known language, after the markup `opening` and before `closing` (UTF-8, such
    /// as a String's bytes; markup that is not is decoded with repairs, as the listing is then escaped whole), written with them into one buffer, so that a caller wrapping the listing in its
    /// own markup (`<pre><code>…`) copies neither the listing nor its markup again.
    ///
    /// Stripping the tags and unescaping the listing gives back `code` exactly.
    public static func highlight(_ code: String, language: Language, between opening: [UInt8], and closing: [UInt8]) -> String {
        let lexer = tokenize(code, language: language)
        // Written into room for the longest result, every byte an entity of six and every token in tags, so that each
        // of the many short pieces (a listing has a token every few bytes) is copied with no array append, whose
        // checks of room and ownership cost more than the escaping.
        let room = opening.count + 6 * lexer.bytes.count + tagRoom * lexer.tokens.count + closing.count
        var next = 0, tiled = true
        let html = [UInt8](unsafeUninitializedCapacity: room) { buffer, written in
            var end = buffer.baseAddress!
            func write(_ text: StaticString) {
                end.initialize(from: text.utf8Start, count: text.utf8CodeUnitCount)
                end += text.utf8CodeUnitCount
            }
            func write(_ markup: UnsafeBufferPointer<UInt8>) {
                guard let start = markup.baseAddress else { return }
                end.initialize(from: start, count: markup.count)
                end += markup.count
            }
            opening.withUnsafeBufferPointer(write)
            lexer.bytes.withUnsafeBufferPointer { bytes in
                // The first byte from the next one to write on that is escaped: the text before it is copied as it is,
                // and most tokens (names, numbers, spaces) are all such text.
                var escaped = HTMLEscape.firstEscaped(in: bytes, from: 0)
                func escape(_ range: Range<Int>) {
                    if range.upperBound <= escaped {
                        write(UnsafeBufferPointer(rebasing: bytes[range]))
                    } else {
                        end += HTMLEscape.write(UnsafeBufferPointer(rebasing: bytes[range]), escapedTo: end)
                        escaped = HTMLEscape.firstEscaped(in: bytes, from: range.upperBound)
                    }
                }
                // Tokens without a span (plain text, operators, punctuation) next to each other are escaped as one run.
                var plain = 0..<0
                for token in lexer.tokens {
                    // The room holds because the tokens cover the bytes once, in order (the lexer's contract), which
                    // each token is checked against before it is written: one out of place would write past the room,
                    // so its listing is shown unhighlighted instead. So is a listing with a token that starts inside a
                    // scalar (the lexer's contract too), where tags would make the bytes invalid UTF-8. Written in
                    // order, the runs between tags are escaped each from where the last ended, as `escape` needs.
                    guard token.range.lowerBound == next, token.range.upperBound <= bytes.count,
                          next == bytes.count || bytes[next] & 0xC0 != 0x80 else {
                        tiled = false
                        break
                    }
                    next = token.range.upperBound
                    guard let tag = token.kind?.openingTag else {
                        plain = plain.isEmpty ? token.range : plain.lowerBound..<token.range.upperBound
                        continue
                    }
                    if !plain.isEmpty { escape(plain) }
                    plain = 0..<0
                    write(tag)
                    escape(token.range)
                    write("</span>")
                }
                if !plain.isEmpty { escape(plain) }
                if next != bytes.count { tiled = false }
            }
            closing.withUnsafeBufferPointer(write)
            written = buffer.baseAddress!.distance(to: end)
        }
        // The caller's markup is checked (`UTF8Check`, a word at a time, which also tells whether it is ASCII); the rest
        // is valid UTF-8 without a look at it: the listing cut only between whole scalars (every token starts at one, and
        // the last ends with the listing) with ASCII tags and entities put in. ASCII when all three are.
        let openingASCII = opening.withUnsafeBufferPointer(UTF8Check.validity), closingASCII = closing.withUnsafeBufferPointer(UTF8Check.validity)
        guard tiled, let openingASCII, let closingASCII else {
            return String(decoding: opening, as: UTF8.self) + escape(code) + String(decoding: closing, as: UTF8.self)
        }
        return String(vouchedUTF8: html, isKnownASCII: code.isKnownASCII && openingASCII && closingASCII)
    }

    /// Room for a token's tags: its kind's opening tag (the longest, `tok-interpolation`'s, has 32 bytes) and `</span>`.
    static let tagRoom = 40

    /// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
    public static func escape(_ text: String) -> String { HTMLEscape.escapeWithApostrophe(text) }

    /// The lexer after tokenizing `code`; its tokens cover every byte of `code` in order.
    static func tokenize(_ code: String, language: Language) -> Lexer {
        var lexer = Lexer(code)
        switch language {
        case .python: lexer.lexPython()
        case .swift: lexer.lexSwift()
        case .yaml: lexer.lexYAML()
        case .bash: lexer.lexShell(console: false)
        case .console: lexer.lexShell(console: true)
        case .json: lexer.lexJSON()
        }
        return lexer
    }
}
