import Escaping

/// The site's search index: every lesson's `SearchDocument`, written as one script asset
/// (`assets/search-index.js`) that the search box loads on first use. Its name carries no content hash,
/// unlike the other assets: every page links to it and any lesson's text changes it, so a hashed name would
/// make an edit of one lesson rewrite (and republish) every page. A script, not a JSON file:
/// a page opened from disk (`file://`) may load a script but not fetch a file. It sets
/// `window.sitegenSearchIndex` to `{"entries": [[page, kind, anchor, title, text], …], "pages": [[path, title], …],
/// "words": [token, …]}`: paths relative to the site root, each text written as numbers into `words`
/// (`SearchVocabulary`). The browser builds its word index from those numbers (templates/assets/search.js).
public struct SearchIndex: Sendable {
    /// The asset's name before hashing; templates name it `assets.search_index_js`.
    public static let assetName = "search-index.js"

    /// Each lesson's share, in reading order.
    var parts: [SearchIndexPart]

    public init(documents: [SearchDocument]) {
        parts = documents.map(SearchIndexPart.init)
    }

    init(parts: [SearchIndexPart]) {
        self.parts = parts
    }

    /// The script's text: the same documents give the same bytes, the JSON `JSONSerialization` would write
    /// with sorted keys, written directly as bytes (the index of a 200-lesson course is written again on
    /// every edit). Each lesson's text was cut into tokens once (`SearchIndexPart`); here only the lessons'
    /// tables are merged, so the tokens are numbered by their counts in the whole index.
    public func script() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }

    /// The script's bytes (what the build writes).
    func bytes() -> [UInt8] {
        var table = TokenTable()
        // For each part, its token ids in the merged table.
        let merged: [[Int32]] = parts.map { part in
            (0..<part.words.count).map { id in Int32(table.intern(id, of: part.words)) }
        }
        let vocabulary = SearchVocabulary(table: table)
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.ids.count * 2 + 64 * $1.ends.count })
        func json(_ text: String) { out.append(contentsOf: JSONEscape.string(text, escapingSlashes: true).utf8) }
        out.append(contentsOf: "window.sitegenSearchIndex={\"entries\":[".utf8)
        var first = true
        for (page, part) in parts.enumerated() {
            let ids = merged[page]
            for (entry, heading) in part.headings.enumerated() {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out.append(contentsOf: "[\(page),\(heading.kind.rawValue),".utf8)
                json(heading.anchor)
                out.append(UInt8(ascii: ","))
                json(heading.title)
                out.append(contentsOf: ",\"".utf8)
                vocabulary.write(ids: part.ids(ofEntry: entry), through: ids, to: &out)
                out.append(contentsOf: "\"]".utf8)
            }
        }
        out.append(contentsOf: "],\"pages\":[".utf8)
        for (page, part) in parts.enumerated() {
            out.append(contentsOf: (page == 0 ? "[" : ",[").utf8)
            json(part.path)
            out.append(UInt8(ascii: ","))
            json(part.title)
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "],\"words\":[".utf8)
        for (number, token) in vocabulary.tokens.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            json(token)
        }
        out.append(contentsOf: "]};\n".utf8)
        return out
    }
}
