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

    /// The highlighted HTML for `code`, or nil when `language` is unknown (the caller then only escapes).
    ///
    /// Stripping the tags and unescaping the result gives back `code` exactly.
    public static func highlight(_ code: String, language: String) -> String? {
        guard let language = Language(name: language) else { return nil }
        return highlight(code, language: language)
    }

    /// The highlighted HTML for `code` in a known language.
    public static func highlight(_ code: String, language: Language) -> String {
        highlight(code, language: language, between: "", and: "")
    }

    /// The highlighted HTML for `code` after the markup `opening` and before `closing`, written with them into one
    /// buffer, so that a caller wrapping the listing in its own markup (`<pre><code>…`) does not copy it again.
    public static func highlight(_ code: String, language: Language, between opening: String, and closing: String) -> String {
        let lexer = tokenize(code, language: language)
        var opening = opening, closing = closing
        // Written into room for the longest result, every byte an entity of six and every token in tags, so that each
        // of the many short pieces (a listing has a token every few bytes) is copied with no array append, whose
        // checks of room and ownership cost more than the escaping.
        let room = opening.utf8.count + 6 * lexer.bytes.count + tagRoom * lexer.tokens.count + closing.utf8.count
        var next = 0, tiled = true
        let html = [UInt8](unsafeUninitializedCapacity: room) { buffer, written in
            var end = buffer.baseAddress!
            func write(_ text: StaticString) {
                end.initialize(from: text.utf8Start, count: text.utf8CodeUnitCount)
                end += text.utf8CodeUnitCount
            }
            func write(_ text: inout String) {
                text.withUTF8 { end.initialize(from: $0.baseAddress!, count: $0.count) }
                end += text.utf8.count
            }
            write(&opening)
            lexer.bytes.withUnsafeBufferPointer { bytes in
                func escape(_ range: Range<Int>) { end += HTMLEscape.write(UnsafeBufferPointer(rebasing: bytes[range]), escapedTo: end) }
                // Tokens without a span (plain text, operators, punctuation) next to each other are escaped as one run.
                var plain = 0..<0
                for token in lexer.tokens {
                    // The room holds because the tokens cover the bytes once, in order (the lexer's contract), which
                    // each token is checked against before it is written: one out of place would write past the room,
                    // so its listing is shown unhighlighted instead. So is a listing with a token that starts inside a
                    // scalar (the lexer's contract too), where tags would make the bytes invalid UTF-8.
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
            write(&closing)
            written = buffer.baseAddress!.distance(to: end)
        }
        guard tiled else { return opening + escape(code) + closing }
        // The bytes are valid UTF-8 without a look at them: `opening`, `closing`, and the listing cut only between whole
        // scalars (every token starts at one, and the last ends with the listing) with ASCII tags and entities put in.
        // ASCII when all three are.
        let ascii = code.utf8Span.isKnownASCII && opening.utf8Span.isKnownASCII && closing.utf8Span.isKnownASCII
        return String(vouchedUTF8: html, isKnownASCII: ascii)
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
