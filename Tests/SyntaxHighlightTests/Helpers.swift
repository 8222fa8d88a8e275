import Testing
@testable import SyntaxHighlight

/// A span of the given token kind around already-escaped text; operators and punctuation are written as plain text.
func span(_ kind: String, _ text: String) -> String {
    kind == "operator" || kind == "punctuation" ? text : "<span class=\"tok-\(kind)\">\(text)</span>"
}

func html(_ code: String, _ language: String) throws -> String {
    try #require(SyntaxHighlighter.highlight(code, language: language))
}

extension SyntaxHighlighter {
    /// The highlighted HTML for `code`, or nil when `language` is unknown (the caller then only escapes).
    static func highlight(_ code: String, language: String) -> String? {
        guard let language = Language(name: language) else { return nil }
        return highlight(code, language: language)
    }

    /// The highlighted HTML for `code` in a known language, with no markup around it.
    static func highlight(_ code: String, language: Language) -> String {
        highlight(code, language: language, between: [], and: [])
    }

    /// `highlight(_:language:between:and:)` with the markup given as text.
    static func highlight(_ code: String, language: Language, between opening: String, and closing: String) -> String {
        highlight(code, language: language, between: Array(opening.utf8), and: Array(closing.utf8))
    }
}

/// Strips the tags and undoes the escaping of highlighted HTML, which must give back the source.
/// Works on bytes, so combining marks after `>` or `;` cannot merge into one Character.
func plainText(_ html: String) -> String {
    let bytes = Array(html.utf8)
    let entities: [(String, UInt8)] = [("&amp;", 0x26), ("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&#39;", 0x27)]
    var out: [UInt8] = []
    var i = 0
    var inTag = false
    outer: while i < bytes.count {
        let b = bytes[i]
        if inTag {
            if b == UInt8(ascii: ">") { inTag = false }
            i += 1
        } else if b == UInt8(ascii: "<") {
            inTag = true
            i += 1
        } else if b == UInt8(ascii: "&") {
            for (entity, byte) in entities where bytes[i...].starts(with: entity.utf8) {
                out.append(byte)
                i += entity.utf8.count
                continue outer
            }
            out.append(b)
            i += 1
        } else {
            out.append(b)
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}
