import Foundation

/// The search index as the last build left it (`SearchIndex`: the shared vocabulary and every lesson's page with
/// the digest of what it was rendered from, `RebuildPlan.pages`), in one file of the cache folder
/// (`search/index`). An incremental build renders only the changed lessons, yet writes an index of every
/// lesson: the others' pages come from here, already numbered into the vocabulary, so a kept lesson costs
/// a copy of its ids. A missing, outdated or unreadable record is a miss (the build then renders everything).
///
/// The record is bytes (`CacheRecord`): a header line; then numbers as LEB128 varints and strings as a length
/// and UTF-8: the outline its pages were rendered under (`Kept`), the tokens (count, the index's `compactSize`, then each token's bytes), the pages (count, then each page's key, digest, path, title,
/// headings — kind, anchor, title, where its ids end — and its ids as little-endian numbers of two bytes, or
/// four when the vocabulary has more than 65 536 tokens).
struct SearchIndexStore {
    let file: String
    static let header = Array("sitegen search index v3\n".utf8)
    /// Ids take two bytes while the vocabulary has at most this many tokens, else four.
    static let narrowLimit = 1 << 16

    init(paths: BuildPaths) {
        file = (paths.cache as NSString).appendingPathComponent("search/index")
    }

    /// What the last build kept: the index, and the outline (`RebuildPlan.site`) its pages were rendered under. An
    /// incremental build uses it only under the outline of the record it builds on (a build that failed after saving
    /// its index left the record of the build before it).
    struct Kept: Sendable {
        var index: SearchIndex
        var outline: String
    }

    func load() -> Kept? {
        if let kept = Self.remembered.kept(path: file) { return kept }
        guard let bytes = PlainFile.read(file), let kept = Self.kept(fromRecord: bytes) else { return nil }
        Self.remembered.keep(kept, path: file)
        return kept
    }

    /// Best effort: a record that cannot be written only makes a later build render more. Written to a
    /// temporary file, then renamed over the previous record.
    func save(_ index: SearchIndex, outline: String) {
        CacheFile.write(Self.record(index, outline: outline), to: file)
        Self.remembered.keep(Kept(index: index, outline: outline), path: file)
    }

    /// The index this process last read or wrote: a preview server, which builds again after each edit, then
    /// reads the record once instead of once per edit. It is reused while the file is the one it came from
    /// (same inode, size and times); a record replaced, damaged or removed since is read again (a miss, if it
    /// is gone).
    private static let remembered = Remembered()

    private final class Remembered: @unchecked Sendable {
        private let lock = NSLock()
        private var last: (path: String, file: FileIdentity, kept: Kept)?

        func kept(path: String) -> Kept? {
            guard let last = lock.withLock({ last }), last.path == path, FileIdentity(path: path) == last.file else { return nil }
            return last.kept
        }

        func keep(_ kept: Kept, path: String) {
            guard let file = FileIdentity(path: path) else { return }
            lock.withLock { last = (path, file, kept) }
        }
    }

    static func record(_ index: SearchIndex, outline: String = "") -> [UInt8] {
        var out = CacheRecord.Writer(header: header,
                                     capacity: index.pages.reduce(0) { $0 + 4 * $1.ids.count + 32 * $1.headings.count })
        out.string(outline)
        out.number(index.vocabulary.count)
        out.number(index.compactSize)
        for id in 0..<index.vocabulary.count { index.vocabulary.withToken(id) { out.bytes($0) } }
        let wide = index.vocabulary.count > Self.narrowLimit
        out.number(index.pages.count)
        for page in index.pages {
            out.string(page.key)
            out.string(page.digest)
            out.string(page.path)
            out.string(page.title)
            out.number(page.headings.count)
            for (heading, end) in zip(page.headings, page.ends) {
                out.number(heading.kind.rawValue)
                out.string(heading.anchor)
                out.string(heading.title)
                out.number(end)
            }
            out.number(page.ids.count)
            // Ids read in place from the last record at this width are copied as they are.
            if let stored = page.ids.storedBytes(width: wide ? 4 : 2) {
                out.bytes.append(contentsOf: stored)
            } else if wide {
                page.ids.array.map { UInt32(bitPattern: $0).littleEndian }.withUnsafeBytes { out.bytes.append(contentsOf: $0) }
            } else {
                page.ids.array.map { UInt16(truncatingIfNeeded: $0).littleEndian }.withUnsafeBytes { out.bytes.append(contentsOf: $0) }
            }
        }
        return out.bytes
    }

    /// The index a record holds, if it is whole and well formed; its pages' ids are read in place from `bytes`.
    static func index(fromRecord bytes: [UInt8]) -> SearchIndex? {
        kept(fromRecord: bytes)?.index
    }

    static func kept(fromRecord bytes: [UInt8]) -> Kept? {
        let shared = TokenIDs.Record(bytes)
        return shared.bytes.withUnsafeBufferPointer { kept(fromRecord: $0, shared: shared) }
    }

    private static func kept(fromRecord record: UnsafeBufferPointer<UInt8>, shared: TokenIDs.Record) -> Kept? {
        guard record.starts(with: header) else { return nil }
        var reader = CacheRecord.Reader(bytes: record, position: header.count)
        guard let outline = reader.string(), let tokenCount = reader.number(), tokenCount <= record.count - reader.position,
              let compactSize = reader.number(), compactSize <= tokenCount else { return nil }
        var vocabulary = TokenTable(capacity: tokenCount)
        for id in 0..<tokenCount {
            guard let length = reader.number(), length <= record.count - reader.position else { return nil }
            let interned = vocabulary.intern(UnsafeBufferPointer(rebasing: record[reader.position..<reader.position + length]), uses: 0)
            // Tokens are distinct: a repeated one is a damaged record.
            guard interned == id else { return nil }
            reader.position += length
        }
        guard let pageCount = reader.number(), pageCount <= record.count - reader.position else { return nil }
        var pages: [SearchIndex.Page] = []
        pages.reserveCapacity(pageCount)
        // A page key appears once: a record with two pages of one key is damaged.
        var keys: Set<String> = []
        for _ in 0..<pageCount {
            guard let key = reader.string(), keys.insert(key).inserted, let digest = reader.string(), let path = reader.string(),
                  let title = reader.string(), let headingCount = reader.number(),
                  headingCount <= record.count - reader.position else { return nil }
            var headings: [SearchIndexPart.Heading] = [], ends: [Int] = []
            for _ in 0..<headingCount {
                guard let raw = reader.number(), let kind = SearchEntry.Kind(rawValue: raw),
                      let anchor = reader.string(), let title = reader.string(), let end = reader.number(),
                      end >= (ends.last ?? 0) else { return nil }
                headings.append(.init(kind: kind, anchor: anchor, title: title))
                ends.append(end)
            }
            let width = tokenCount > Self.narrowLimit ? 4 : 2
            guard let idCount = reader.number(), idCount <= (record.count - reader.position) / width,
                  (ends.last ?? 0) == idCount else { return nil }
            let stored = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(record)[reader.position..<reader.position + width * idCount])
            // Every id must name a token: the largest is found (in a loop that vectorises) and checked, and the ids
            // stay where they are.
            var largest: UInt32 = 0
            if width == 2 {
                for i in 0..<idCount { largest = max(largest, UInt32(UInt16(littleEndian: stored.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))) }
            } else {
                for i in 0..<idCount { largest = max(largest, UInt32(littleEndian: stored.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
            }
            // Compared as unsigned: a negative id is out of range too.
            guard idCount == 0 || largest < UInt32(tokenCount) else { return nil }
            let ids = TokenIDs(record: shared, offset: reader.position, count: idCount, width: width)
            reader.position += width * idCount
            pages.append(SearchIndex.Page(key: key, digest: digest, path: path, title: title, headings: headings,
                                          ids: ids, ends: ends))
        }
        guard reader.position == record.count else { return nil }
        return Kept(index: SearchIndex(vocabulary: vocabulary, pages: pages, compactSize: compactSize), outline: outline)
    }
}
