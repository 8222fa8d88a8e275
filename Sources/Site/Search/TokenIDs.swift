import Foundation

/// A search page's token ids (`SearchIndex.Page.ids`): made by this build, or read in place from the bytes of the
/// kept index's record (`SearchIndexStore`), two or four little-endian bytes each. An edit keeps some 200 pages'
/// ids as they are: read in place, they are neither widened into arrays when the record is read nor encoded
/// again when it is written (`storedBytes`).
struct TokenIDs: Sendable, Equatable {
    /// The record's bytes, shared by the pages read from it.
    final class Record: @unchecked Sendable {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    private enum Storage {
        case owned([Int32])
        /// `count` ids of `width` bytes from `offset` of the record.
        case stored(Record, offset: Int, width: Int)
    }

    private let storage: Storage
    let count: Int

    init(_ ids: [Int32]) {
        storage = .owned(ids)
        count = ids.count
    }

    /// Ids of a record, which the reader has checked are all below the vocabulary's size.
    init(record: Record, offset: Int, count: Int, width: Int) {
        precondition(width == 2 || width == 4, "ids are 2 or 4 bytes")
        precondition(offset >= 0 && offset + count * width <= record.bytes.count, "ids inside the record")
        storage = .stored(record, offset: offset, width: width)
        self.count = count
    }

    /// Calls `body` with each id of `range` in order; the kind of storage is looked at once, not per id.
    @inline(__always)
    func forEach(in range: Range<Int>, _ body: (Int32) -> Void) {
        switch storage {
        case .owned(let ids):
            ids.withUnsafeBufferPointer { ids in for i in range { body(ids[i]) } }
        case .stored(let record, let offset, let width):
            record.bytes.withUnsafeBytes { raw in
                if width == 2 {
                    for i in range { body(Int32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 2 * i, as: UInt16.self)))) }
                } else {
                    for i in range { body(Int32(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4 * i, as: UInt32.self)))) }
                }
            }
        }
    }

    @inline(__always)
    func forEach(_ body: (Int32) -> Void) { forEach(in: 0..<count, body) }

    /// The ids as an array.
    var array: [Int32] {
        if case .owned(let ids) = storage { return ids }
        var ids: [Int32] = []
        ids.reserveCapacity(count)
        forEach { ids.append($0) }
        return ids
    }

    /// The ids renumbered (a compaction of the vocabulary).
    func map(_ transform: (Int32) -> Int32) -> TokenIDs {
        var ids: [Int32] = []
        ids.reserveCapacity(count)
        forEach { ids.append(transform($0)) }
        return TokenIDs(ids)
    }

    /// The bytes the ids take in a record whose ids are `width` bytes wide, when they are stored that way
    /// already (so a record is written by copying them); nil otherwise.
    func storedBytes(width: Int) -> ArraySlice<UInt8>? {
        guard case .stored(let record, let offset, let stored) = storage, stored == width else { return nil }
        return record.bytes[offset..<(offset + count * width)]
    }

    static func == (a: TokenIDs, b: TokenIDs) -> Bool {
        a.count == b.count && a.array == b.array
    }
}
