/// How prose writes citations and cross-references, as `ProtectedSpans` cuts them out:
/// - a citation group is `[@key]` or `[@a; @b]` on one line, not followed by `(`, `[` or `:` (that
///   would be a markdown link or link definition whose text starts with `@`);
/// - a cross-reference is `@fig:id` or `@tbl:id` not preceded by a letter, digit or `.`/`_`/`-`/`+`
///   (so `name@fig.org` stays an email address), outside brackets.
/// Keys are letters, digits and `_ - : . / +` (what BibTeX allows in practice); ids are letters, digits,
/// `-` and `_`, as experiment ids are.
enum CitationSyntax {
    static let prefixes = ["fig", "tbl"]

    static func isKeyCharacter<Unit: LineUnit>(_ c: Unit) -> Bool {
        c.isLetter || c.isNumber || c.matches("_") || c.matches("-") || c.matches(":") || c.matches(".") || c.matches("/") || c.matches("+")
    }

    static func isIDCharacter<Unit: LineUnit>(_ c: Unit) -> Bool { c.isLetter || c.isNumber || c.matches("_") || c.matches("-") }

    /// The index of the `]` that closes a citation group opened at `start`, or nil when the text there
    /// is not one.
    static func groupEnd<Unit: LineUnit>(_ chars: [Unit], at start: Int) -> Int? {
        guard start + 1 < chars.count, chars[start].matches("["), chars[start + 1].matches("@") else { return nil }
        var i = start + 1
        while true {
            guard i < chars.count, chars[i].matches("@") else { return nil }
            i += 1
            let keyStart = i
            while i < chars.count, isKeyCharacter(chars[i]) { i += 1 }
            guard i > keyStart else { return nil }
            while i < chars.count, chars[i].matches(" ") { i += 1 }
            guard i < chars.count else { return nil }
            if chars[i].matches("]") { break }
            guard chars[i].matches(";") else { return nil }
            i += 1
            while i < chars.count, chars[i].matches(" ") { i += 1 }
        }
        if i + 1 < chars.count, chars[i + 1].matches("(") || chars[i + 1].matches("[") || chars[i + 1].matches(":") { return nil }
        return i
    }

    /// The index just past a cross-reference starting at the `@` at `start`, or nil.
    static func crossReferenceEnd<Unit: LineUnit>(_ chars: [Unit], at start: Int) -> Int? {
        if start > 0 {
            let before = chars[start - 1]
            if before.isLetter || before.isNumber || before.matches(".") || before.matches("_") || before.matches("-") || before.matches("+") { return nil }
        }
        for prefix in prefixes {
            let tag = Array((prefix + ":").unicodeScalars)
            guard start + 1 + tag.count < chars.count,
                  tag.indices.allSatisfy({ chars[start + 1 + $0].matches(tag[$0]) }) else { continue }
            var i = start + 1 + tag.count
            while i < chars.count, isIDCharacter(chars[i]) { i += 1 }
            // A trailing '-' or '_' belongs to the sentence ("@fig:a-"), not to the id.
            while i > start + 1 + tag.count, chars[i - 1].matches("-") || chars[i - 1].matches("_") { i -= 1 }
            return i > start + 1 + tag.count ? i : nil
        }
        return nil
    }

    /// The keys of a citation group's source (`@a; @b`) with their character offsets in it (at the key,
    /// after the `@`).
    static func keys(_ source: String) -> [(key: String, offset: Int)] {
        // Sources are ASCII nearly always: read as bytes there, where each byte is one character.
        var bytes = source
        return bytes.withUTF8 { asciiKeys($0) } ?? keys(characters: source)
    }

    /// `keys(_:)` of an ASCII source without a carriage return, read as bytes; nil for any other.
    private static func asciiKeys(_ bytes: UnsafeBufferPointer<UInt8>) -> [(key: String, offset: Int)]? {
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        var found: [(key: String, offset: Int)] = []
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ";") {
            var i = start
            while i < end, bytes[i] == UInt8(ascii: " ") { i += 1 }
            let keyStart = min(i + 1, end)
            var keyEnd = keyStart
            while keyEnd < end, isKeyCharacter(bytes[keyEnd]) { keyEnd += 1 }
            found.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<keyEnd]), as: UTF8.self), i + 1))
            start = end + 1
        }
        return found
    }

    /// `keys(_:)` read character by character, for any source.
    static func keys(characters source: String) -> [(key: String, offset: Int)] {
        var found: [(String, Int)] = []
        var offset = 0
        for part in source.split(separator: ";", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0 == " " }.count
            let key = part.dropFirst(leading + 1).prefix(while: { isKeyCharacter($0) })
            found.append((String(key), offset + leading + 1))
            offset += part.count + 1
        }
        return found
    }
}
