/// One lesson's share of the search index, cut into tokens once: its page and title, each entry's kind,
/// anchor and title, and each entry's text as ids into the lesson's own table of distinct tokens (with how
/// often the lesson uses each). `SearchIndex.append` interns the part's tokens into the index's vocabulary once
/// each; a lesson that was not edited is never tokenised again: the index the last build left, numbered into its
/// vocabulary, is kept in the cache (`SearchIndexStore`) and an edit cuts only the edited lesson's text.
struct SearchIndexPart: Sendable {
    /// What an entry shows in a result; its text is in `ids`.
    struct Heading: Equatable, Sendable {
        var kind: SearchEntry.Kind
        var anchor: String
        var title: String
    }

    var path: String
    var title: String
    var headings: [Heading]
    /// The lesson's distinct tokens, with their counts.
    var words: TokenTable
    /// The kept tokens of every entry's text, in order, as ids into `words`; entry `i` ends at `ends[i]`.
    var ids: [Int32]
    var ends: [Int]

    /// The part of the lesson titled `title` whose rendered body is `body`, read as `SearchDocument` reads it: its
    /// texts are cut into tokens from the bytes read, with no String made of them.
    init(path: String, title: String, body: String) {
        let entries = SearchDocument.Reader.entries(title: title, body: body)
        self.init(path: path, title: title, headings: entries.map { Heading(kind: $0.kind, anchor: $0.anchor, title: $0.title) },
                  cutting: entries.map(\.text.composedBytes))
    }

    /// The part whose entries have these headings and texts (UTF-8), the texts cut into tokens.
    init(path: String, title: String, headings: [Heading], cutting texts: [[UInt8]]) {
        self.path = path
        self.title = title
        self.headings = headings
        var ends: [Int] = []
        ends.reserveCapacity(texts.count)
        // A text has at most one token per byte: the ids are written into room for that many, with no
        // append (and its check of the array's room and ownership) per token.
        let most = texts.reduce(0) { $0 + $1.count }
        // Room from the start for one distinct token per 16 bytes of text, more than a lesson's prose has, so that the
        // table is not rehashed nor its arrays copied as they grow.
        var words = TokenTable(capacity: most / 16)
        ids = [Int32](unsafeUninitializedCapacity: most) { buffer, written in
            var count = 0
            for text in texts {
                text.withUnsafeBufferPointer { text in
                    SearchVocabulary.forEachKeptToken(in: text) { token in
                        buffer[count] = Int32(words.intern(token, in: text, uses: 0))
                        count += 1
                    }
                }
                ends.append(count)
            }
            // Each id counted once they are all written.
            words.countUses(of: UnsafeBufferPointer(rebasing: buffer[..<count]))
            written = count
        }
        self.words = words
        self.ends = ends
    }

    init(path: String, title: String, headings: [Heading], words: TokenTable, ids: [Int32], ends: [Int]) {
        self.path = path
        self.title = title
        self.headings = headings
        self.words = words
        self.ids = ids
        self.ends = ends
    }
}
