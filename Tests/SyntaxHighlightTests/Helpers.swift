import Testing
@testable import SyntaxHighlight

/// A span of the given token kind around already-escaped text.
func span(_ kind: String, _ text: String) -> String { "<span class=\"tok-\(kind)\">\(text)</span>" }

func html(_ code: String, _ language: String) throws -> String {
    try #require(SyntaxHighlighter.highlight(code, language: language))
}

/// Strips the tags and undoes the escaping of highlighted HTML, which must give back the source.
func plainText(_ html: String) -> String {
    var text = ""
    var inTag = false
    for c in html {
        if c == "<" { inTag = true } else if c == ">" && inTag { inTag = false } else if !inTag { text.append(c) }
    }
    var out = ""
    var rest = Substring(text)
    let entities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        rest = rest[amp...]
        if let (entity, char) = entities.first(where: { rest.hasPrefix($0.key) }) {
            out += char
            rest = rest.dropFirst(entity.count)
        } else {
            out += "&"
            rest = rest.dropFirst()
        }
    }
    return out + rest
}
