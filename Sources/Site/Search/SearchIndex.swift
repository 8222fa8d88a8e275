import Escaping

/// The site's search index: every lesson's share of it, written as one script asset
/// (`assets/search-index.js`) that the search box loads on first use. Its name carries no content hash,
/// unlike the other assets: every page links to it and any lesson's text changes it, so a hashed name would
/// make an edit of one lesson rewrite (and republish) every page. A script, not a JSON file:
/// a page opened from disk (`file://`) may load a script but not fetch a file. It sets
/// `window.sitegenSearchIndex` to `{"shards": [shard, …]}`, the lessons in reading order cut into shards of
/// `lessonsPerShard`, each `{"entries": [[page, kind, anchor, title, text], …], "pages": [[path, title], …],
/// "words": [token, …]}`: paths relative to the site root, page numbers counted within the shard, each text written
/// as numbers into the shard's own words (`SearchVocabulary`). The browser joins the shards and builds its word index
/// from those numbers (templates/assets/search.js).
///
/// In memory the lessons' texts are ids into one table of tokens shared by all of them (`vocabulary`), so
/// an incremental build takes the index the last build kept (`SearchIndexStore`), keeps the pages it did not
/// render as they are and adds only the rendered lessons' tokens: no kept lesson's text is read or hashed
/// again, and a shard none of whose lessons was rendered is not written again either (`SearchShardCache`).
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
    /// `compacted()` drops them). Counts are not kept here: `counts()` counts the pages' ids.
    private(set) var vocabulary: TokenTable
    /// The lessons' shares, in reading order.
    private(set) var pages: [Page] = []
    /// The vocabulary's size when it last held only tokens some page used (made from the documents, or compacted).
    /// Tokens interned since may have become unused; `compactedWhenGrown` compacts once they could be many, without
    /// counting every page's tokens on every edit.
    private(set) var compactSize: Int

    /// An index that starts from `vocabulary` (that of the index the last build kept, whose `compactSize` is given).
    init(vocabulary: TokenTable = TokenTable(), compactSize: Int = 0) {
        self.vocabulary = vocabulary
        self.compactSize = compactSize
    }

    init(vocabulary: TokenTable, pages: [Page], compactSize: Int = 0) {
        self.vocabulary = vocabulary
        self.pages = pages
        self.compactSize = compactSize
    }

    /// Records that every token of the vocabulary is used by a page (an index made from scratch).
    mutating func markCompact() {
        compactSize = vocabulary.count
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

    /// The index, compacted (`compacted()`) when its vocabulary has grown by more than 1 024 tokens, and more than an
    /// eighth, since it last held only used tokens: an edit neither counts every page's tokens nor renumbers them,
    /// except the rare one that compacts. The vocabulary stays below `compactSize` plus that growth (and one build's new
    /// tokens); tokens left unused by replaced text stay in it until then, costing memory and record bytes, never ids.
    func compactedWhenGrown() -> SearchIndex {
        vocabulary.count - compactSize > max(1024, compactSize / 8) ? compacted() : self
    }

    /// The same pages over a vocabulary of only the tokens they use.
    func compacted() -> SearchIndex {
        let counts = counts()
        let used = counts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        var table = TokenTable(capacity: used)
        var renumbered = [Int32](repeating: -1, count: vocabulary.count)
        for id in 0..<vocabulary.count where counts[id] > 0 {
            renumbered[id] = Int32(table.intern(id, of: vocabulary, counting: false))
        }
        var compact = SearchIndex(vocabulary: table)
        for var page in pages {
            page.ids = renumbered.withUnsafeBufferPointer { renumbered in page.ids.map { renumbered[Int($0)] } }
            compact.append(kept: page)
        }
        compact.markCompact()
        return compact
    }

    /// The lessons of one shard of the script. Each shard is written with its own list of words, numbered by how often
    /// its own lessons use them, so a shard's bytes depend on its lessons alone: an edit writes again the shard of the
    /// edited lesson and copies the others' bytes from the last build (`SearchShardCache`), whatever the course's size.
    static let lessonsPerShard = 16

    /// The pages of each shard, in reading order.
    var shardRanges: [Range<Int>] {
        stride(from: 0, to: pages.count, by: Self.lessonsPerShard).map { $0..<min($0 + Self.lessonsPerShard, pages.count) }
    }

    /// The script's text: the same documents give the same bytes.
    public func script() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }

    /// The script's bytes, every shard made now (on every core).
    func bytes() -> [UInt8] {
        Self.script(shards: shardRanges.concurrentMap { shardBytes($0) })
    }

    /// The script that sets `window.sitegenSearchIndex` to `{"shards": [shard, …]}`, each made by `shardBytes`.
    static func script(shards: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(shards.reduce(64) { $0 + $1.count + 1 })
        out.append(contentsOf: "window.sitegenSearchIndex={\"shards\":[".utf8)
        for (number, shard) in shards.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: shard)
        }
        out.append(contentsOf: "]};\n".utf8)
        return out
    }

    /// The pages `range` as one shard, the JSON `JSONSerialization` would write with sorted keys, written directly as
    /// bytes: `{"entries": [[page, kind, anchor, title, text], …], "pages": [[path, title], …], "words": [token, …]}`,
    /// page numbers counted within the shard, each text its tokens' numbers in the shard's own words. The tokens are
    /// numbered by how often the shard's pages use them, ties in byte order: the bytes depend on those pages' texts,
    /// never on the order tokens were interned in.
    func shardBytes(_ range: Range<Int>) -> [UInt8] {
        var counts = [Int](repeating: 0, count: vocabulary.count)
        for page in pages[range] { page.ids.forEach { counts[Int($0)] += 1 } }
        let vocabulary = SearchVocabulary(table: vocabulary, counts: counts)
        var out: [UInt8] = []
        out.reserveCapacity(pages[range].reduce(64) { $0 + $1.ids.count * 2 + 64 * $1.ends.count + 2 * $1.path.utf8.count }
                            + 16 * vocabulary.tokens.count)
        func json(_ text: String) { Self.appendJSON(text, to: &out) }
        out.append(contentsOf: "{\"entries\":[".utf8)
        var first = true
        for number in range {
            let page = pages[number]
            for (entry, heading) in page.headings.enumerated() {
                out.append(contentsOf: (first ? "[" : ",[").utf8)
                first = false
                out.appendDecimal(number - range.lowerBound)
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
        out.append(contentsOf: "],\"pages\":[".utf8)
        for number in range {
            let page = pages[number]
            out.append(contentsOf: (number == range.lowerBound ? "[" : ",[").utf8)
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
        out.append(contentsOf: "]}".utf8)
        return out
    }

    /// `text` as a JSON string, `/` escaped as `JSONSerialization` writes it.
    private static func appendJSON(_ text: String, to out: inout [UInt8]) {
        JSONEscape.append(text, to: &out, escapingSlashes: true)
    }
}
