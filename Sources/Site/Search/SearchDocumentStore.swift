import Foundation
import Hashing

/// Each lesson's share of the search index (`SearchIndexPart`, its text already cut into tokens) as its page
/// last rendered it, in the cache folder (`search/`), one file per lesson named by the hash of its page key,
/// holding the digest of what that page depends on (`RebuildPlan.pages`). An incremental build renders only
/// the changed lessons, yet writes an index of every lesson: the others' parts come from here. A missing,
/// outdated or unreadable record is a miss (the build then renders everything).
///
/// A record is bytes: a header line, then numbers as LEB128 varints and strings as a length and UTF-8:
/// digest, path, title, the headings (kind, anchor, title, how many ids, the ids), then the tokens
/// (count of uses, bytes).
struct SearchDocumentStore {
    let folder: String
    static let header = Array("sitegen search part v1\n".utf8)

    init(paths: BuildPaths) {
        folder = (paths.cache as NSString).appendingPathComponent("search")
    }

    private func file(key: String) -> String {
        (folder as NSString).appendingPathComponent(ContentHash.hex(key) + ".part")
    }

    func load(key: String, digest: String) -> SearchIndexPart? {
        let path = file(key: key)
        if let part = Self.read.part(path: path, digest: digest) { return part }
        guard let data = FileManager.default.contents(atPath: path),
              let part = Self.part(fromRecord: [UInt8](data), digest: digest) else { return nil }
        Self.read.keep(part, path: path, digest: digest)
        return part
    }

    /// Best effort: a record that cannot be written only makes a later build render more. Written to a
    /// temporary file, then renamed over the lesson's previous record.
    func save(_ part: SearchIndexPart, key: String, digest: String) {
        let path = file(key: key)
        CacheFile.write(Data(Self.record(part, digest: digest)), to: path)
        Self.read.keep(part, path: path, digest: digest)
    }

    /// The parts this process read or wrote, by record file: a preview server, which builds again after each
    /// edit, then reads each kept lesson's record once instead of once per edit. A part is reused while its
    /// file is the one it came from (same inode, size and modification time) and was recorded under the
    /// digest asked for; a record replaced, damaged or removed since is read again (a miss, if it is gone).
    private static let read = ReadRecords()

    private final class ReadRecords: @unchecked Sendable {
        private struct Entry {
            var digest: String
            var file: FileIdentity
            var part: SearchIndexPart
        }
        private let lock = NSLock()
        private var entries: [String: Entry] = [:]

        func part(path: String, digest: String) -> SearchIndexPart? {
            guard let entry = lock.withLock({ entries[path] }), entry.digest == digest,
                  FileIdentity(path: path) == entry.file else { return nil }
            return entry.part
        }

        func keep(_ part: SearchIndexPart, path: String, digest: String) {
            guard let file = FileIdentity(path: path) else { return }
            lock.withLock { entries[path] = Entry(digest: digest, file: file, part: part) }
        }
    }

    static func record(_ part: SearchIndexPart, digest: String) -> [UInt8] {
        var out = header
        out.reserveCapacity(header.count + part.ids.count * 2 + part.words.count * 8)
        func number(_ value: Int) {
            var rest = UInt64(value)
            while rest >= 0x80 {
                out.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            out.append(UInt8(rest))
        }
        func bytes(_ token: UnsafeBufferPointer<UInt8>) {
            number(token.count)
            out.append(contentsOf: token)
        }
        func string(_ text: String) { SearchVocabulary.withBytes(text, bytes) }
        string(digest)
        string(part.path)
        string(part.title)
        number(part.headings.count)
        for (entry, heading) in part.headings.enumerated() {
            number(heading.kind.rawValue)
            string(heading.anchor)
            string(heading.title)
            let ids = part.ids(ofEntry: entry)
            number(ids.count)
            for id in ids { number(Int(id)) }
        }
        number(part.words.count)
        for id in 0..<part.words.count {
            number(part.words.counts[id])
            part.words.withToken(id, bytes)
        }
        return out
    }

    /// The part a record holds, if it is whole and was made for `digest`.
    static func part(fromRecord record: [UInt8], digest: String) -> SearchIndexPart? {
        record.withUnsafeBufferPointer { part(fromRecord: $0, digest: digest) }
    }

    private static func part(fromRecord record: UnsafeBufferPointer<UInt8>, digest: String) -> SearchIndexPart? {
        var reader = RecordReader(bytes: record)
        guard record.starts(with: header) else { return nil }
        reader.position = header.count
        guard reader.string() == digest, let path = reader.string(), let title = reader.string(),
              let headingCount = reader.number() else { return nil }
        var headings: [SearchIndexPart.Heading] = []
        var ends: [Int] = []
        var damaged = false
        // Every id takes at least one byte of the record: the ids are written straight into room for all of them.
        let ids = [Int32](unsafeUninitializedCapacity: record.count - reader.position) { buffer, written in
            written = 0
            for _ in 0..<headingCount {
                guard let raw = reader.number(), let kind = SearchEntry.Kind(rawValue: raw),
                      let anchor = reader.string(), let title = reader.string(), let count = reader.number(),
                      count <= record.count - reader.position else { damaged = true; return }
                headings.append(.init(kind: kind, anchor: anchor, title: title))
                for _ in 0..<count {
                    guard let id = reader.number(), id <= Int(Int32.max) else { damaged = true; return }
                    buffer[written] = Int32(id)
                    written += 1
                }
                ends.append(written)
            }
        }
        if damaged { return nil }
        guard let tokenCount = reader.number(), tokenCount <= record.count - reader.position else { return nil }
        var words = TokenTable(capacity: tokenCount)
        for id in 0..<tokenCount {
            guard let uses = reader.number(), let length = reader.number(), length <= record.count - reader.position else { return nil }
            let interned = words.intern(UnsafeBufferPointer(rebasing: record[reader.position..<reader.position + length]), uses: uses)
            // Tokens are distinct: a repeated one is a damaged record.
            guard interned == id else { return nil }
            reader.position += length
        }
        guard reader.position == record.count, ids.allSatisfy({ Int($0) < tokenCount }) else { return nil }
        return SearchIndexPart(path: path, title: title, headings: headings, words: words, ids: ids, ends: ends)
    }

    /// Reads varints and strings from a record, nil past its end.
    private struct RecordReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func number() -> Int? {
            var value: UInt64 = 0, shift: UInt64 = 0
            while position < bytes.count, shift < 63 {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value <= UInt64(Int.max) ? Int(value) : nil }
                shift += 7
            }
            return nil
        }

        mutating func string() -> String? {
            guard let length = number(), length <= bytes.count - position else { return nil }
            defer { position += length }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
        }
    }
}
