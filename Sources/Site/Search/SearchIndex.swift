import Foundation

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

    /// The script's text: the same documents give the same bytes.
    public func script() -> String {
        let vocabulary = SearchVocabulary(texts: documents.flatMap { $0.entries.map(\.text) })
        var entries: [[Any]] = []
        for (page, document) in documents.enumerated() {
            for entry in document.entries {
                entries.append([page, entry.kind.rawValue, entry.anchor, entry.title, vocabulary.encode(entry.text)])
            }
        }
        let json: [String: Any] = [
            "pages": documents.map { [$0.path, $0.title] },
            "entries": entries,
            "words": vocabulary.tokens,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]) else {
            return "window.sitegenSearchIndex={\"entries\":[],\"pages\":[],\"words\":[]};\n"
        }
        return "window.sitegenSearchIndex=" + String(decoding: data, as: UTF8.self) + ";\n"
    }
}
