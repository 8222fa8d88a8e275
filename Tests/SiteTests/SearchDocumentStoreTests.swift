import Foundation
import Testing
@testable import Site

/// The search index parts an incremental build keeps (`SearchDocumentStore`): a record reads back as the
/// part it was written from, an index merged from kept parts is byte for byte the index of the documents,
/// and a record that is damaged, cut short or made for another version of the page is a miss.
@Suite struct SearchDocumentStoreTests {
    static let bodies = [
        "<p>Before any heading, café and naïve.</p><h2 id=\"sgd\">SGD &amp; momentum</h2><p>The velocity accumulates the gradients.</p>",
        "<h2 id=\"adam\">Adam</h2><p>A step per weight, 日本語 and 🙂; the velocity again.</p>"
            + "<figure class=\"experiment\" id=\"experiment-x\"><figcaption><span class=\"figure-label\">Figure 1.</span> Loss.</figcaption></figure>",
        "",
    ]
    static let documents = bodies.enumerated().map { SearchDocument(path: "m/l\($0.offset)/", title: "Lesson \"\($0.offset)\"", body: $0.element) }

    @Test func aRecordReadsBackAndTheMergedIndexIsTheDocumentsIndex() throws {
        let parts = try Self.documents.map { document in
            let record = SearchDocumentStore.record(SearchIndexPart(document), digest: "d1")
            return try #require(SearchDocumentStore.part(fromRecord: record, digest: "d1"))
        }
        #expect(parts.map(\.path) == Self.documents.map(\.path))
        #expect(parts[1].headings.map(\.anchor) == ["", "adam", "experiment-x"])
        #expect(SearchIndex(parts: parts).script() == SearchIndex(documents: Self.documents).script())
    }

    @Test func aDamagedOrOutdatedRecordIsAMiss() {
        let record = SearchDocumentStore.record(SearchIndexPart(Self.documents[0]), digest: "d1")
        #expect(SearchDocumentStore.part(fromRecord: record, digest: "d2") == nil, "made for another digest")
        for cut in [0, 5, SearchDocumentStore.header.count + 3, record.count / 2, record.count - 1] {
            #expect(SearchDocumentStore.part(fromRecord: Array(record.prefix(cut)), digest: "d1") == nil, "cut at \(cut)")
        }
        #expect(SearchDocumentStore.part(fromRecord: record + [0], digest: "d1") == nil, "a byte too many")
        // The ids are written straight into room made from the record's length: every cut, and every byte
        // changed to one that continues a number, is a miss or a part, never a read or write past the end.
        let long = SearchDocumentStore.record(SearchIndexPart(Self.documents[1]), digest: "d1")
        for cut in 0..<long.count {
            #expect(SearchDocumentStore.part(fromRecord: Array(long.prefix(cut)), digest: "d1") == nil, "cut at \(cut)")
            var changed = long
            changed[cut] |= 0x80
            _ = SearchDocumentStore.part(fromRecord: changed, digest: "d1")
        }
        var header = record
        header[0] = UInt8(ascii: "S")
        #expect(SearchDocumentStore.part(fromRecord: header, digest: "d1") == nil, "another format")
    }

    @Test func theStoreKeepsOneRecordPerLesson() throws {
        let paths = BuildPaths(root: (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-store-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(atPath: paths.root) }
        let store = SearchDocumentStore(paths: paths)
        store.save(SearchIndexPart(Self.documents[0]), key: "lesson content/m/l.md", digest: "d1")
        store.save(SearchIndexPart(Self.documents[1]), key: "lesson content/m/l.md", digest: "d2")
        #expect(store.load(key: "lesson content/m/l.md", digest: "d1") == nil)
        #expect(store.load(key: "lesson content/m/l.md", digest: "d2")?.path == Self.documents[1].path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.folder).count == 1)
    }

    /// A record this process read or wrote is taken from memory while its file is unchanged; a record
    /// damaged or removed since is a miss, as a record read from disk would be.
    @Test func aRecordReadBeforeIsReusedUntilItsFileChanges() throws {
        let paths = BuildPaths(root: (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-store-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(atPath: paths.root) }
        let store = SearchDocumentStore(paths: paths)
        let key = "lesson content/m/l.md"
        store.save(SearchIndexPart(Self.documents[1]), key: key, digest: "d1")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: store.folder).first)
        let path = (store.folder as NSString).appendingPathComponent(file)
        let kept = try #require(store.load(key: key, digest: "d1"))
        #expect(SearchIndex(parts: [kept]).script() == SearchIndex(documents: [Self.documents[1]]).script())
        #expect(store.load(key: key, digest: "d2") == nil)
        let record = try #require(FileManager.default.contents(atPath: path))
        try Data(record.dropLast()).write(to: URL(fileURLWithPath: path))
        #expect(store.load(key: key, digest: "d1") == nil, "damaged since it was read")
        try record.write(to: URL(fileURLWithPath: path))
        #expect(store.load(key: key, digest: "d1")?.path == Self.documents[1].path)
        try FileManager.default.removeItem(atPath: path)
        #expect(store.load(key: key, digest: "d1") == nil, "removed")
    }
}
