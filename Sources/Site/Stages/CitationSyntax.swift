/// How prose writes citations and cross-references, as `ProtectedSpans` cuts them out:
/// - a citation group is `[@key]` or `[@a; @b]` on one line, not followed by `(`, `[` or `:` (that
///   would be a markdown link or link definition whose text starts with `@`);
/// - a cross-reference is `@fig:id` or `@tbl:id` not preceded by a letter, digit or `.`/`_`/`-`/`+`
///   (so `name@fig.org` stays an email address), outside brackets.
/// Keys are letters, digits and `_ - : . / +` (what BibTeX allows in practice); ids are letters, digits,
/// `-` and `_`, as experiment ids are.
enum CitationSyntax {
    static let prefixes = ["fig", "tbl"]

    static func isKeyCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "-" || c == ":" || c == "." || c == "/" || c == "+"
    }

    static func isIDCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }

    /// The index of the `]` that closes a citation group opened at `start`, or nil when the text there
    /// is not one.
    static func groupEnd(_ chars: [Character], at start: Int) -> Int? {
        guard start + 1 < chars.count, chars[start] == "[", chars[start + 1] == "@" else { return nil }
        var i = start + 1
        while true {
            guard i < chars.count, chars[i] == "@" else { return nil }
            i += 1
            let keyStart = i
            while i < chars.count, isKeyCharacter(chars[i]) { i += 1 }
            guard i > keyStart else { return nil }
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count else { return nil }
            if chars[i] == "]" { break }
            guard chars[i] == ";" else { return nil }
            i += 1
            while i < chars.count, chars[i] == " " { i += 1 }
        }
        if i + 1 < chars.count, chars[i + 1] == "(" || chars[i + 1] == "[" || chars[i + 1] == ":" { return nil }
        return i
    }

    /// The index just past a cross-reference starting at the `@` at `start`, or nil.
    static func crossReferenceEnd(_ chars: [Character], at start: Int) -> Int? {
        if start > 0 {
            let before = chars[start - 1]
            if before.isLetter || before.isNumber || "._-+".contains(before) { return nil }
        }
        for prefix in prefixes {
            let tag = Array(prefix + ":")
            guard start + 1 + tag.count < chars.count, Array(chars[(start + 1)..<(start + 1 + tag.count)]) == tag else { continue }
            var i = start + 1 + tag.count
            while i < chars.count, isIDCharacter(chars[i]) { i += 1 }
            // A trailing '-' or '_' belongs to the sentence ("@fig:a-"), not to the id.
            while i > start + 1 + tag.count, chars[i - 1] == "-" || chars[i - 1] == "_" { i -= 1 }
            return i > start + 1 + tag.count ? i : nil
        }
        return nil
    }

    /// The keys of a citation group's source (`@a; @b`) with their character offsets in it (at the key,
    /// after the `@`).
    static func keys(_ source: String) -> [(key: String, offset: Int)] {
        var found: [(String, Int)] = []
        var offset = 0
        for part in source.split(separator: ";", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0 == " " }.count
            let key = part.dropFirst(leading + 1).prefix(while: isKeyCharacter)
            found.append((String(key), offset + leading + 1))
            offset += part.count + 1
        }
        return found
    }
}
