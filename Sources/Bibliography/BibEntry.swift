import Diagnostics

/// One entry of a BibTeX file: `@article{kingma2015adam, author = …, title = …}`.
public struct BibEntry: Sendable, Equatable {
    /// The entry type, lowercased (`article`, `inproceedings`, `book`, `misc`, …).
    public var type: String
    /// The citation key as written (`kingma2015adam`); keys are matched exactly.
    public var key: String
    /// Fields by lowercased name, values with macros expanded and `{…}`/`"…"` delimiters removed but
    /// LaTeX still in them (`{\"o}`); every field is kept, known or not.
    public var fields: [String: String]
    /// Where the `@` of the entry stands.
    public var location: SourceLocation

    public init(type: String, key: String, fields: [String: String], location: SourceLocation) {
        self.type = type
        self.key = key
        self.fields = fields
        self.location = location
    }

    /// A field's value as readable text (accents resolved, braces dropped), or nil when absent or empty.
    public func text(_ field: String) -> String? {
        guard let raw = fields[field] else { return nil }
        let text = LaTeXText.plain(raw)
        return text.isEmpty ? nil : text
    }

    /// The `author` field (or, for edited books, `editor`), split into names.
    public var authors: [PersonName] {
        PersonName.list(fields["author"] ?? fields["editor"] ?? "")
    }

    /// The year as written (`2015`), or nil.
    public var year: String? { text("year") }
}

/// A parsed bibliography: its entries in file order, looked up by key, each with its reference formatted
/// once (every lesson that cites an entry shows the same text).
public struct Bibliography: Sendable {
    public private(set) var entries: [BibEntry]
    private var index: [String: Int]
    private var references: [FormattedReference]

    public init(entries: [BibEntry]) {
        self.entries = entries
        index = [:]
        for (i, entry) in entries.enumerated() where index[entry.key] == nil { index[entry.key] = i }
        references = entries.map(FormattedReference.init)
    }

    public static let empty = Bibliography(entries: [])

    public subscript(key: String) -> BibEntry? { index[key].map { entries[$0] } }

    /// The formatted reference of the entry `key`, or nil when there is none.
    public func reference(_ key: String) -> FormattedReference? { index[key].map { references[$0] } }

    public var keys: [String] { entries.map(\.key) }
}
