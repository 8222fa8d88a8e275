/// One name of an `author` field: `Kingma, Diederik P.` or `Diederik P. Kingma` or
/// `{The PyTorch Team}`. `others` (as in `A and B and others`) stands for "et al.".
public struct PersonName: Sendable, Equatable {
    /// Given names as readable text (`Diederik P.`), possibly empty.
    public var given: String
    /// The family name with its particles (`von Neumann`), or the whole name of a corporate author.
    public var family: String
    public var isOthers: Bool { family == "others" && given.isEmpty }

    public init(given: String, family: String) {
        self.given = given
        self.family = family
    }

    /// `Diederik P. Kingma`.
    public var displayName: String { given.isEmpty ? family : "\(given) \(family)" }

    /// Splits a field on ` and ` outside braces and reads each name.
    public static func list(_ field: String) -> [PersonName] {
        var names: [String] = []
        var current = ""
        var depth = 0
        let words = field.split(omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        for word in words {
            if depth == 0, word.lowercased() == "and" {
                names.append(current); current = ""
                continue
            }
            for c in word { if c == "{" { depth += 1 } else if c == "}" { depth = max(0, depth - 1) } }
            current += current.isEmpty ? String(word) : " " + word
        }
        names.append(current)
        return names.filter { !$0.isEmpty }.map(parse)
    }

    /// `Last, First`, `Last, Jr, First`, or `First von Last` (the last word, with lowercase particles
    /// before it, is the family name; a braced group counts as one word).
    static func parse(_ raw: String) -> PersonName {
        let parts = splitTopLevel(raw, on: ",")
        if parts.count >= 2 {
            return PersonName(given: LaTeXText.plain(parts.dropFirst().reversed().joined(separator: " ")),
                              family: LaTeXText.plain(parts[0]))
        }
        let words = splitTopLevel(raw, on: " ").filter { !$0.isEmpty }
        guard words.count > 1 else { return PersonName(given: "", family: LaTeXText.plain(raw)) }
        var familyStart = words.count - 1
        while familyStart > 1, let first = words[familyStart - 1].first, first.isLowercase { familyStart -= 1 }
        return PersonName(given: LaTeXText.plain(words[..<familyStart].joined(separator: " ")),
                          family: LaTeXText.plain(words[familyStart...].joined(separator: " ")))
    }

    private static func splitTopLevel(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == "{" { depth += 1 } else if c == "}" { depth = max(0, depth - 1) }
            if c == separator, depth == 0 {
                parts.append(current.trimmingSpaces()); current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingSpaces())
        return parts
    }
}

extension String {
    /// The text without the spaces (U+0020) at either end, cut on its bytes: a space is one byte and never part
    /// of another character.
    func trimmingSpaces() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 }), let last = bytes.lastIndex(where: { $0 != 0x20 }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
