import Diagnostics

/// Reads the subset of BibTeX that real `.bib` files use: `@type{key, name = value, …}` (or with
/// parentheses), values in braces, quotes, bare numbers or macros, joined with `#`; month macros
/// (`jan`…`dec`) and `@string` definitions; `@comment` and `@preamble` skipped; text between entries
/// ignored, as BibTeX does, and `%` comments too, as biber does. Every malformed entry is reported at
/// its `file:line:col` and reading goes on at the next `@`, so one run lists every problem.
public struct BibTeXParser {
    public static let monthMacros: [String: String] = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
        "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
    ]

    private let chars: [Character]
    private let file: String
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var macros = BibTeXParser.monthMacros

    /// Parses `text`, the contents of `file` (the path diagnostics print).
    public static func parse(_ text: String, file: String) throws(DiagnosticList) -> Bibliography {
        var parser = BibTeXParser(chars: Array(text), file: file)
        var entries: [BibEntry] = []
        var problems: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        while parser.skipToEntry() {
            let start = parser.i
            do {
                if let entry = try parser.entry() {
                    if let first = seen[entry.key] {
                        problems.append(.error(at: entry.location, "duplicate citation key '\(entry.key)': it is already defined at \(first); rename one of them"))
                    } else {
                        seen[entry.key] = entry.location
                        entries.append(entry)
                    }
                }
            } catch {
                problems.append(error)
                parser.recover(from: start)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return Bibliography(entries: entries)
    }

    private init(chars: [Character], file: String) {
        self.chars = chars
        self.file = file
    }

    private var location: SourceLocation { SourceLocation(file: file, line: line, column: i - lineStart + 1) }

    private mutating func advance() {
        if chars[i] == "\n" { line += 1; lineStart = i + 1 }
        i += 1
    }

    /// Moves to the next `@` outside `%` comments; false at the end of the file.
    private mutating func skipToEntry() -> Bool {
        while i < chars.count, chars[i] != "@" {
            if chars[i] == "%" { while i < chars.count, chars[i] != "\n" { advance() } } else { advance() }
        }
        return i < chars.count
    }

    /// After an error: continue at the next `@` that starts a line (or any later `@`).
    private mutating func recover(from start: Int) {
        while i < chars.count, i <= start { advance() }
        while i < chars.count {
            if chars[i] == "@", i == lineStart || chars[lineStart..<i].allSatisfy({ $0 == " " || $0 == "\t" }) { return }
            advance()
        }
    }

    private mutating func skipSpace() {
        while i < chars.count {
            if chars[i].isWhitespace { advance() }
            else if chars[i] == "%" { while i < chars.count, chars[i] != "\n" { advance() } }
            else { return }
        }
    }

    private mutating func identifier() -> String {
        var name = ""
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || "_-:./+'".contains(chars[i]) {
            name.append(chars[i]); advance()
        }
        return name
    }

    /// One `@…` construct; nil for `@string`, `@comment` and `@preamble`.
    private mutating func entry() throws(Diagnostic) -> BibEntry? {
        let at = location
        advance()   // @
        skipSpace()
        let type = identifier().lowercased()
        guard !type.isEmpty else {
            throw Diagnostic.error(at: at, "'@' must be followed by an entry type such as @article or @misc")
        }
        skipSpace()
        guard i < chars.count, chars[i] == "{" || chars[i] == "(" else {
            throw Diagnostic.error(at: location, "expected '{' after '@\(type)'")
        }
        let close: Character = chars[i] == "{" ? "}" : ")"
        if type == "comment" || type == "preamble" {
            _ = try delimited(open: chars[i], close: close)
            return nil
        }
        advance()
        skipSpace()
        if type == "string" {
            let (name, value, _) = try field()
            macros[name] = value
            skipSpace()
            try expect(close, "to end the @string")
            return nil
        }
        let keyAt = location
        let key = identifier()
        guard !key.isEmpty else { throw Diagnostic.error(at: keyAt, "@\(type) needs a citation key, e.g. '@\(type){kingma2015adam,'") }
        skipSpace()
        var fields: [String: String] = [:]
        while true {
            guard i < chars.count else { throw Diagnostic.error(at: at, "@\(type){\(key), … is not closed: add '\(close)' at its end") }
            if chars[i] == close { advance(); break }
            if chars[i] == "@", chars[lineStart..<i].allSatisfy({ $0 == " " || $0 == "\t" }) {
                throw Diagnostic.error(at: at, "@\(type){\(key), … is not closed before the next entry: is a '{' in one of its values missing its '}'?")
            }
            try expect(",", "after the \(fields.isEmpty ? "key" : "field value") (or '\(close)' to end the entry)")
            skipSpace()
            if i < chars.count, chars[i] == close { advance(); break }   // trailing comma
            let fieldAt = location
            let (name, value, _) = try field()
            if fields[name] != nil {
                throw Diagnostic.error(at: fieldAt, "field '\(name)' appears twice in '\(key)'")
            }
            fields[name] = value
            skipSpace()
        }
        return BibEntry(type: type, key: key, fields: fields, location: at)
    }

    private mutating func expect(_ c: Character, _ what: String) throws(Diagnostic) {
        guard i < chars.count, chars[i] == c else {
            let found = i < chars.count ? "'\(chars[i])'" : "the end of the file"
            throw Diagnostic.error(at: location, "expected '\(c)' \(what), found \(found)")
        }
        advance()
    }

    /// `name = value # value …`
    private mutating func field() throws(Diagnostic) -> (String, String, SourceLocation) {
        let at = location
        let name = identifier().lowercased()
        guard !name.isEmpty else {
            let found = i < chars.count ? "'\(chars[i])'" : "the end of the file"
            throw Diagnostic.error(at: at, "expected a field name such as 'title', found \(found)")
        }
        skipSpace()
        try expect("=", "after the field name '\(name)'")
        skipSpace()
        var value = ""
        while true {
            value += try piece()
            skipSpace()
            guard i < chars.count, chars[i] == "#" else { break }
            advance(); skipSpace()
        }
        return (name, value, at)
    }

    /// One value: `{…}`, `"…"`, a number, or a macro.
    private mutating func piece() throws(Diagnostic) -> String {
        guard i < chars.count else { throw Diagnostic.error(at: location, "a field value is missing at the end of the file") }
        switch chars[i] {
        case "{": return try delimited(open: "{", close: "}")
        case "\"": return try delimited(open: "\"", close: "\"")
        default:
            let at = location
            let word = identifier()
            guard !word.isEmpty else {
                throw Diagnostic.error(at: at, "expected a value in braces, quotes, a number or a macro, found '\(chars[i])'")
            }
            if word.allSatisfy(\.isNumber) { return word }
            if let value = macros[word.lowercased()] ?? macros[word] { return value }
            let known = Array(macros.keys).sorted()
            throw Diagnostic.error(at: at, "unknown macro '\(word)'\(DidYouMean.hint(for: word, among: known)): put text in braces, {\(word)}, or define it with @string")
        }
    }

    /// The text between `open` and its matching `close`; braces inside must balance. A line starting
    /// with `@` inside a value means the value was never closed (real values do not hold one).
    private mutating func delimited(open: Character, close: Character) throws(Diagnostic) -> String {
        let at = location
        advance()
        var depth = 0
        var text = ""
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                text.append(c); advance(); text.append(chars[i]); advance()
                continue
            }
            if c == "{" {
                depth += 1
            } else if c == "}" {
                if depth == 0 {
                    if close == "}" { advance(); return text }
                    throw Diagnostic.error(at: location, "unbalanced '}' in a value that starts at \(at)")
                }
                depth -= 1
            } else if c == close, depth == 0 {
                advance(); return text
            } else if c == "@", chars[lineStart..<i].allSatisfy({ $0 == " " || $0 == "\t" }) {
                break
            }
            text.append(c)
            advance()
        }
        throw Diagnostic.error(at: at, "'\(open)' is not closed: add its '\(close)'")
    }
}
