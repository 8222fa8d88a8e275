import Escaping

/// Highlights code at build time into HTML-escaped text with `<span class="tok-…">` tokens (none around operators
/// and punctuation, which take the text's colour).
public enum SyntaxHighlighter {
    /// The languages the highlighter knows, after resolving aliases.
    public enum Language: String, Sendable, CaseIterable {
        case python, swift, yaml, bash, console, json

        /// Resolves a fence info string such as `py`, `python3`, `yml`, `sh`, `zsh`, `shell-session`, `jsonc`.
        public init?(name: String) {
            let key = String(name.unicodeScalars.filter { !$0.properties.isWhitespace }).lowercased()
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
        let lexer = tokenize(code, language: language)
        var out: [UInt8] = []
        out.reserveCapacity(lexer.bytes.count + lexer.bytes.count / 2)
        lexer.bytes.withUnsafeBufferPointer { bytes in
            // Tokens without a span (plain text, operators, punctuation) next to each other are escaped as one run.
            var plain = 0..<0
            for token in lexer.tokens {
                guard let tag = token.kind?.openingTag else {
                    plain = plain.isEmpty ? token.range : plain.lowerBound..<token.range.upperBound
                    continue
                }
                if !plain.isEmpty { HTMLEscape.append(UnsafeBufferPointer(rebasing: bytes[plain]), escapedTo: &out) }
                plain = 0..<0
                append(tag, to: &out)
                HTMLEscape.append(UnsafeBufferPointer(rebasing: bytes[token.range]), escapedTo: &out)
                append("</span>", to: &out)
            }
            if !plain.isEmpty { HTMLEscape.append(UnsafeBufferPointer(rebasing: bytes[plain]), escapedTo: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        HTMLEscape.append(Array(text.utf8)[...], escapedTo: &out)
        return String(decoding: out, as: UTF8.self)
    }

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
