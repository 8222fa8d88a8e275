import Escaping

/// The site's search index: every lesson's share of it, written as one script asset
/// (`assets/search-index.js`) that the search box loads on first use. Its name carries no content hash,
/// unlike the other assets: every page links to it and any lesson's text changes it, so a hashed name would
/// make an edit of one lesson rewrite (and republish) every page. A script, not a JSON file:
/// a page opened from disk (`file://`) may load a script but not fetch a file. It sets
/// `window.sitegenSearchIndex` to `{"entries": [[page, kind, anchor, title, text], …], "pages": [[path, title], …],
/// "words": [token, …]}`: paths relative to the site root, each text written as numbers into `words`
/// (`SearchVocabulary`). The browser builds its word index from those numbers (templates/assets/search.js).
///
/// In memory the lessons' texts are ids into one table of tokens shared by all of them (`vocabulary`), so
/// an incremental build takes the index the last build kept (`SearchIndexStore`), keeps the pages it did not
/// render as they are and adds only the rendered lessons' tokens: no kept lesson's text is read or hashed
/// again.
public struct SearchIndex: Sendable {
    /// The asset's name before hashing; templates name it `assets.search_index_js`.
    public static let assetName = "search-index.js"

    /// One lesson's share: its page, title and entries, each entry's text as ids into the index's `vocabulary`,
    /// and what the page was rendered from (`RebuildPlan` key and digest; empty outside incremental builds).
    struct Page: Equatable, Sendable {
        var key: String
        var digest: String
        var path: String
        var title: String
        var headings: [SearchIndexPart.Heading]
        var ids: TokenIDs
        /// Entry `i`'s ids end at `ends[i]`.
        var ends: [Int]

        /// Where entry `entry`'s ids lie in `ids`.
        func range(ofEntry entry: Int) -> Range<Int> {
            (entry == 0 ? 0 : ends[entry - 1])..<ends[entry]
        }
    }

    /// Every token a page uses, and possibly tokens no page uses any more (left by pages that were replaced;
    /// `compacted(counts:)` drops them). Counts are not kept here: `counts()` counts the pages' ids.
    private(set) var vocabulary: TokenTable
    /// The lessons' shares, in reading order.
    private(set) var pages: [Page] = []

    init(vocabulary: TokenTable = TokenTable()) {
        self.vocabulary = vocabulary
    }

    init(vocabulary: TokenTable, pages: [Page]) {
        self.vocabulary = vocabulary
        self.pages = pages
    }

    public init(documents: [SearchDocument]) {
        self.init()
        for document in documents { append(SearchIndexPart(document), key: document.path, digest: "") }
    }

    /// Adds a lesson rendered now: its own tokens are interned into the vocabulary once each.
    mutating func append(_ part: SearchIndexPart, key: String, digest: String) {
        let ids = (0..<part.words.count).map { Int32(vocabulary.intern($0, of: part.words, counting: false)) }
        pages.append(Page(key: key, digest: digest, path: part.path, title: part.title, headings: part.headings,
                          ids: TokenIDs(part.ids.map { ids[Int($0)] }), ends: part.ends))
    }

    /// Adds a page of an index that shares this one's vocabulary (the index it was made from).
    mutating func append(kept page: Page) {
        pages.append(page)
    }

    /// How many times the pages use each token of the vocabulary.
    func counts() -> [Int] {
        var counts = [Int](repeating: 0, count: vocabulary.count)
        for page in pages {
            page.ids.forEach { counts[Int($0)] += 1 }
        }
        return counts
    }

    /// `counts()` of an index made from `kept` (whose vocabulary it extends, and whose counts are `keptCounts`) by
    /// carrying some of its pages over as they are and adding the pages whose keys are `renderedKeys`: the kept
    /// pages not carried over are taken away and the added ones counted, so an edit counts one page, not every page.
    func counts(from kept: SearchIndex, keptCounts: [Int], renderedKeys: Set<String>) -> [Int] {
        var counts = keptCounts
        let carried = Set(pages.lazy.filter { !renderedKeys.contains($0.key) }.map(\.key))
        for page in kept.pages where !carried.contains(page.key) {
            page.ids.forEach { counts[Int($0)] -= 1 }
        }
        counts += repeatElement(0, count: max(0, vocabulary.count - counts.count))
        for page in pages where renderedKeys.contains(page.key) {
            page.ids.forEach { counts[Int($0)] += 1 }
        }
        return counts
    }

    /// The same pages over a vocabulary of only the tokens they use, when the unused ones have become many
    /// (each edit can leave a few behind); otherwise the index itself. `counts`: this index's `counts()`; returned
    /// with the compact index's own.
    func compacted(counts: [Int]) -> (index: SearchIndex, counts: [Int]) {
        let used = counts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        guard vocabulary.count - used > max(1024, used / 8) else { return (self, counts) }
        var table = TokenTable(capacity: used)
        var renumbered = [Int32](repeating: -1, count: vocabulary.count)
        var compactCounts: [Int] = []
        compactCounts.reserveCapacity(used)
        for id in 0..<vocabulary.count where counts[id] > 0 {
            renumbered[id] = Int32(table.intern(id, of: vocabulary, counting: false))
            compactCounts.append(counts[id])
        }
        var compact = SearchIndex(vocabulary: table)
        for var page in pages {
            page.ids = renumbered.withUnsafeBufferPointer { renumbered in page.ids.map { renumbered[Int($0)] } }
            compact.append(kept: page)
        }
        return (compact, compactCounts)
    }

    /// The script's text: the same documents give the same bytes, the JSON `JSONSerialization` would write
    /// with sorted keys, written directly as bytes (the index of a 200-lesson course is written again on
    /// every edit).
    public func script() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }

    /// The script's bytes (what the build writes). The tokens are numbered by their counts in the whole index,
    /// ties in byte order: the bytes depend on the pages' texts, never on the order tokens were interned in.
    func bytes() -> [UInt8] { bytes(counts: counts()) }

    /// The script's bytes, `counts` being this index's `counts()`.
    func bytes(counts: [Int]) -> [UInt8] {
        let vocabulary = SearchVocabulary(table: vocabulary, counts: counts)
        // The entries of the pages, in two halves written at once (each entry after a comma; the first comma dropped).
        let pages = self.pages
        let half = (pages.count + 1) / 2
        let halves = [0..<half, half..<pages.count].concurrentMap { range in
            var out: [UInt8] = []
            out.reserveCapacity(pages[range].reduce(0) { $0 + $1.ids.count * 2 + 64 * $1.ends.count })
            func json(_ text: String) { Self.appendJSON(text, to: &out) }
            for number in range {
                let page = pages[number]
                for (entry, heading) in page.headings.enumerated() {
                    out.append(contentsOf: ",[".utf8)
                    out.appendDecimal(number)
                    out.append(UInt8(ascii: ","))
                    out.appendDecimal(heading.kind.rawValue)
                    out.append(UInt8(ascii: ","))
                    json(heading.anchor)
                    out.append(UInt8(ascii: ","))
                    json(heading.title)
                    out.append(contentsOf: ",\"".utf8)
                    vocabulary.write(ids: page.ids, range: page.range(ofEntry: entry), to: &out)
                    out.append(contentsOf: "\"]".utf8)
                }
            }
            return out
        }
        var out: [UInt8] = []
        out.reserveCapacity(halves.reduce(0) { $0 + $1.count } + 64 * pages.count + 16 * vocabulary.tokens.count)
        func json(_ text: String) { Self.appendJSON(text, to: &out) }
        out.append(contentsOf: "window.sitegenSearchIndex={\"entries\":[".utf8)
        var first = true
        for text in halves where !text.isEmpty {
            out.append(contentsOf: first ? text.dropFirst() : text[...])
            first = false
        }
        out.append(contentsOf: "],\"pages\":[".utf8)
        for (number, page) in pages.enumerated() {
            out.append(contentsOf: (number == 0 ? "[" : ",[").utf8)
            json(page.path)
            out.append(UInt8(ascii: ","))
            json(page.title)
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

    /// `text` as a JSON string, `/` escaped as `JSONSerialization` writes it.
    private static func appendJSON(_ text: String, to out: inout [UInt8]) {
        JSONEscape.append(text, to: &out, escapingSlashes: true)
    }
}
