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

    public var documents: [SearchDocument]

    public init(documents: [SearchDocument]) {
        self.documents = documents
    }

    /// The script's text: the same documents give the same bytes, the JSON `JSONSerialization` would write
    /// with sorted keys, written directly as bytes (the index of a 200-lesson course is written again on
    /// every edit). Each text is cut into tokens once; its token ids wait in `ids` until they are numbered.
    public func script() -> String {
        var table = TokenTable()
        var ids: [Int32] = []
        var ends: [Int] = []
        for document in documents {
            for entry in document.entries {
                SearchVocabulary.forEachKeptToken(entry.text) { ids.append(Int32(table.intern($0))) }
                ends.append(ids.count)
            }
        }
        let vocabulary = SearchVocabulary(table: table)
        var out: [UInt8] = []
        out.reserveCapacity(ids.count * 2 + 64 * ends.count)
        func json(_ text: String) { out.append(contentsOf: JSONEscape.string(text, escapingSlashes: true).utf8) }
        out.append(contentsOf: "window.sitegenSearchIndex={\"entries\":[".utf8)
        var entryNumber = 0
        for (page, document) in documents.enumerated() {
            for entry in document.entries {
                if entryNumber > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: "[\(page),\(entry.kind.rawValue),".utf8)
                json(entry.anchor)
                out.append(UInt8(ascii: ","))
                json(entry.title)
                out.append(contentsOf: ",\"".utf8)
                for id in ids[(entryNumber == 0 ? 0 : ends[entryNumber - 1])..<ends[entryNumber]] {
                    vocabulary.write(id: Int(id), to: &out)
                }
                out.append(contentsOf: "\"]".utf8)
                entryNumber += 1
            }
        }
        out.append(contentsOf: "],\"pages\":[".utf8)
        for (page, document) in documents.enumerated() {
            out.append(contentsOf: (page == 0 ? "[" : ",[").utf8)
            json(document.path)
            out.append(UInt8(ascii: ","))
            json(document.title)
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "],\"words\":[".utf8)
        for (number, token) in vocabulary.tokens.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            json(token)
        }
        out.append(contentsOf: "]};\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
