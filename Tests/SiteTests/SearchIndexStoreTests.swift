import Foundation
import Testing
@testable import Site

/// The search index an incremental build keeps (`SearchIndexStore`) and how it is brought up to date
/// (`SearchIndex`): a record reads back as the index it was written from; an index made of kept pages and
/// pages added since is byte for byte the index of the documents made at once, whatever tokens the
/// replaced pages left in the vocabulary; a record that is damaged, cut short or of another format is a miss.
@Suite struct SearchIndexStoreTests {
    static let bodies = [
        "<p>Before any heading, café and naïve.</p><h2 id=\"sgd\">SGD &amp; momentum</h2><p>The velocity accumulates the gradients.</p>",
        "<h2 id=\"adam\">Adam</h2><p>A step per weight, 日本語 and 🙂; the velocity again.</p>"
            + "<figure class=\"experiment\" id=\"experiment-x\"><figcaption><span class=\"figure-label\">Figure 1.</span> Loss.</figcaption></figure>",
        "",
    ]
    static let documents = bodies.enumerated().map { SearchDocument(path: "m/l\($0.offset)/", title: "Lesson \"\($0.offset)\"", body: $0.element) }

    static func index(_ documents: [SearchDocument], digest: String = "d1") -> SearchIndex {
        var index = SearchIndex()
        for document in documents { index.append(SearchIndexPart(document), key: document.path, digest: digest) }
        return index
    }

    @Test func aRecordReadsBackAsTheIndexItWasWrittenFrom() throws {
        let index = Self.index(Self.documents)
        let read = try #require(SearchIndexStore.index(fromRecord: SearchIndexStore.record(index)))
        #expect(read.pages == index.pages)
        #expect(read.pages[1].headings.map(\.anchor) == ["", "adam", "experiment-x"])
        #expect(read.script() == SearchIndex(documents: Self.documents).script())
        // Its pages' ids, read in place, are written back as they were: the same record.
        #expect(SearchIndexStore.record(read) == SearchIndexStore.record(index))
        var edited = SearchIndex(vocabulary: read.vocabulary)
        edited.append(SearchIndexPart(Self.documents[0]), key: "m/l0/", digest: "d2")
        for page in read.pages.dropFirst() { edited.append(kept: page) }
        var owned = SearchIndex(vocabulary: read.vocabulary)
        for page in edited.pages { owned.append(kept: SearchIndex.Page(key: page.key, digest: page.digest, path: page.path, title: page.title,
                                                                        headings: page.headings, ids: TokenIDs(page.ids.array), ends: page.ends)) }
        #expect(SearchIndexStore.record(edited) == SearchIndexStore.record(owned))
    }

    /// An edit: the index the last build kept, its first page replaced by a changed lesson, the others kept. The
    /// replaced page's words stay in the vocabulary, counted 0: the script must not show them, and must number
    /// the rest as an index made from scratch does (by counts, which the edit changed).
    @Test func keptPagesAndAReplacedOneGiveTheIndexOfTheDocuments() throws {
        let before = Self.index(Self.documents)
        let edited = SearchDocument(path: "m/l0/", title: "Lesson \"0\"",
                                    body: "<h2 id=\"sgd\">Plain SGD</h2><p>Only the gradients, the gradients and the velocity.</p>")
        let kept = try #require(SearchIndexStore.index(fromRecord: SearchIndexStore.record(before)))
        var after = SearchIndex(vocabulary: kept.vocabulary)
        after.append(SearchIndexPart(edited), key: edited.path, digest: "d2")
        for page in kept.pages.dropFirst() { after.append(kept: page) }
        let fresh = SearchIndex(documents: [edited] + Self.documents.dropFirst())
        #expect(after.script() == fresh.script())
        #expect(!after.script().contains("naïve"), "a word only the replaced page used")
        #expect(after.script() != before.script())
        // Compacted, the script is the same.
        #expect(after.compacted().script() == fresh.script())
    }

    /// An edit's index is compacted only once its vocabulary has grown past the limit since it last held only used
    /// tokens, and the record keeps that size.
    @Test func theVocabularyIsCompactedOnceItHasGrownEnough() throws {
        let fresh = SearchIndex(documents: Self.documents)
        #expect(fresh.compactSize == fresh.vocabulary.count)
        let read = try #require(SearchIndexStore.index(fromRecord: SearchIndexStore.record(fresh)))
        #expect(read.compactSize == fresh.compactSize)
        // The first page replaced by one of `words` new words; the replaced page's words stay in the vocabulary.
        func replacing(_ kept: SearchIndex, words: Int) -> SearchIndex {
            var index = SearchIndex(vocabulary: kept.vocabulary, compactSize: kept.compactSize)
            let body = "<p>" + (0..<words).map { "new\($0)" }.joined(separator: " ") + "</p>"
            index.append(SearchIndexPart(SearchDocument(path: "m/l0/", title: "L", body: body)), key: "m/l0/", digest: "d2")
            for page in kept.pages.dropFirst() { index.append(kept: page) }
            return index
        }
        let small = replacing(read, words: 10).compactedWhenGrown()
        #expect(small.vocabulary.count == read.vocabulary.count + 10, "grown by 10 tokens: not compacted")
        #expect(small.compactSize == read.compactSize)
        let grown = replacing(read, words: 1100)
        let large = grown.compactedWhenGrown()
        #expect(large.vocabulary.count < grown.vocabulary.count)
        #expect(large.counts().allSatisfy { $0 > 0 }, "compacted: every token is used")
        #expect(large.compactSize == large.vocabulary.count)
        #expect(large.script() == grown.script())
    }

    @Test func manyUnusedTokensAreDroppedAndTheScriptStaysTheSame() throws {
        let many = (0..<3000).map { "word\($0)" }.joined(separator: " ")
        var index = Self.index([SearchDocument(path: "m/a/", title: "A", body: "<p>\(many)</p>")] + Self.documents)
        let vocabulary = index.vocabulary
        index = SearchIndex(vocabulary: vocabulary, pages: Array(index.pages.dropFirst()))
        let compact = index.compacted()
        #expect(compact.vocabulary.count == vocabulary.count - 3000)
        #expect(compact.script() == SearchIndex(documents: Self.documents).script())
        let read = try #require(SearchIndexStore.index(fromRecord: SearchIndexStore.record(compact)))
        #expect(read.script() == compact.script())
    }

    /// Two pages of one key make a damaged record: a miss, never an index whose counts would go wrong.
    @Test func aRecordWithARepeatedPageKeyIsAMiss() {
        let index = Self.index(Self.documents)
        let repeated = SearchIndex(vocabulary: index.vocabulary, pages: index.pages + [index.pages[0]])
        #expect(SearchIndexStore.index(fromRecord: SearchIndexStore.record(repeated)) == nil)
    }

    /// Ids take four bytes once the vocabulary passes 65 536 tokens.
    @Test func aLargeVocabularyReadsBack() throws {
        let words = (0..<70_000).map { "w\($0)" }.joined(separator: " ")
        let index = Self.index([SearchDocument(path: "m/a/", title: "A", body: "<p>\(words)</p>")])
        #expect(index.vocabulary.count > SearchIndexStore.narrowLimit)
        let read = try #require(SearchIndexStore.index(fromRecord: SearchIndexStore.record(index)))
        #expect(read.pages == index.pages)
    }

    @Test func aDamagedRecordIsAMiss() {
        let record = SearchIndexStore.record(Self.index(Self.documents))
        for cut in [0, 5, SearchIndexStore.header.count + 3, record.count / 2, record.count - 1] {
            #expect(SearchIndexStore.index(fromRecord: Array(record.prefix(cut))) == nil, "cut at \(cut)")
        }
        #expect(SearchIndexStore.index(fromRecord: record + [0]) == nil, "a byte too many")
        // Every cut, and every byte changed, is a miss or an index, never a read past the end or an id past the vocabulary.
        let small = SearchIndexStore.record(Self.index([Self.documents[1]]))
        for position in 0..<small.count {
            #expect(SearchIndexStore.index(fromRecord: Array(small.prefix(position))) == nil, "cut at \(position)")
            for change: UInt8 in [0x80, 0xFF] {
                var changed = small
                changed[position] |= change
                if let index = SearchIndexStore.index(fromRecord: changed) { _ = index.script() }
            }
        }
        var header = record
        header[0] = UInt8(ascii: "S")
        #expect(SearchIndexStore.index(fromRecord: header) == nil, "another format")
    }

    /// A record this process read or wrote is taken from memory while its file is unchanged; a record
    /// damaged or removed since is a miss, as a record read from disk would be.
    @Test func anIndexReadBeforeIsReusedUntilItsFileChanges() throws {
        let paths = BuildPaths(root: (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-store-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(atPath: paths.root) }
        let store = SearchIndexStore(paths: paths)
        #expect(store.load() == nil, "nothing saved yet")
        store.save(Self.index([Self.documents[1]]), outline: "outline 1")
        #expect(store.load()?.index.script() == SearchIndex(documents: [Self.documents[1]]).script())
        #expect(store.load()?.outline == "outline 1")
        let record = try #require(FileManager.default.contents(atPath: store.file))
        try Data(record.dropLast()).write(to: URL(fileURLWithPath: store.file))
        #expect(store.load() == nil, "damaged since it was saved")
        try record.write(to: URL(fileURLWithPath: store.file))
        #expect(store.load()?.index.pages.map(\.path) == [Self.documents[1].path])
        #expect(SearchIndexStore.kept(fromRecord: Array(record))?.outline == "outline 1", "read back from disk")
        try FileManager.default.removeItem(atPath: store.file)
        #expect(store.load() == nil, "removed")
    }
}
