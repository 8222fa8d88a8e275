import Foundation
import Escaping
import Hashing

/// Distinct tokens by their UTF-8 bytes, each with an id (in order of first use) and a count of uses:
/// open addressing over a digest of the bytes, the bytes kept in one arena. Most tokens are words of a few
/// letters: a token's first eight bytes are also kept as one word (`head`), so that finding one of eight bytes or
/// fewer hashes and compares words, not bytes.
struct TokenTable {
    /// What the table keeps of a distinct token, read at once while probing: its digest, its first eight bytes as one
    /// word (`head`), and where its bytes are in the arena.
    private struct Entry {
        var digest: UInt64
        var head: UInt64
        var start: Int
        var length: Int
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private(set) var counts: [Int] = []
    private var slots = [Int32](repeating: -1, count: 1024)

    var count: Int { counts.count }

    init() {}

    /// A table with room for `capacity` tokens (of eight bytes on average) before it grows.
    init(capacity: Int) {
        var slotCount = 1024
        while capacity * 2 > slotCount { slotCount *= 2 }
        slots = [Int32](repeating: -1, count: slotCount)
        counts.reserveCapacity(capacity)
        entries.reserveCapacity(capacity)
        arena.reserveCapacity(8 * capacity)
    }

    /// The id of `token`, counting `uses` more uses of it (one by default; a lesson's own table merged
    /// into the index's adds each token's count at once; a tokeniser that keeps the ids counts them afterwards,
    /// `countUses`, and interns with none).
    @discardableResult
    mutating func intern(_ token: UnsafeBufferPointer<UInt8>, uses: Int = 1) -> Int {
        intern(token.indices, in: token, uses: uses)
    }

    /// `intern` of the token `text[token]`, whose head is read as one word when eight bytes from its start lie in `text`.
    @inline(__always)  // into the tokeniser's loop: a lesson interns some 7 500 tokens
    mutating func intern(_ token: Range<Int>, in text: UnsafeBufferPointer<UInt8>, uses: Int) -> Int {
        let bytes = UnsafeBufferPointer(rebasing: text[token])
        let head = token.lowerBound + 8 <= text.count ? Self.head(wordAt: token.lowerBound, of: text, count: token.count) : Self.head(bytes)
        return intern(bytes, head: head, digest: Self.digest(bytes, head: head), uses: uses)
    }

    /// The id of token `id` of `other` (a lesson's table merged into the index's), without hashing its bytes
    /// again; `counting`: its uses in `other` are added to its count here.
    mutating func intern(_ id: Int, of other: TokenTable, counting: Bool = true) -> Int {
        let entry = other.entries[id]
        return other.withToken(id) { intern($0, head: entry.head, digest: entry.digest, uses: counting ? other.counts[id] : 0) }
    }

    /// Adds one use of each of `ids` to its count: the ids a tokeniser wrote while it interned with no uses, counted
    /// in one pass instead of one count (and one check of the array's ownership) per token met.
    mutating func countUses(of ids: UnsafeBufferPointer<Int32>) {
        counts.withUnsafeMutableBufferPointer { counts in
            for id in ids { counts[Int(id)] += 1 }
        }
    }

    @inline(__always)
    private mutating func intern(_ token: UnsafeBufferPointer<UInt8>, head: UInt64, digest: UInt64, uses: Int) -> Int {
        let (slot, found) = probe(token, head: head, digest: digest)
        guard let found else { return add(token, head: head, digest: digest, uses: uses, at: slot) }
        if uses != 0 { counts[found] += uses }
        return found
    }

    /// The slot that holds `token`, whose head and digest are given, with its id; or the empty slot where it goes.
    /// Read through the arrays' buffers: a token costs its hashing and a few loads and comparisons.
    @inline(__always)
    private func probe(_ token: UnsafeBufferPointer<UInt8>, head: UInt64, digest: UInt64) -> (slot: Int, id: Int?) {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: digest) & mask
                while true {
                    let id = Int(slots[slot])
                    if id < 0 { return (slot, nil) }
                    let entry = entries[id]
                    // Heads and lengths equal: the same first eight bytes, so the same token unless it is longer.
                    if entry.digest == digest, entry.head == head, entry.length == token.count,
                       entry.length <= 8 || restEquals(entry, token) {
                        return (slot, id)
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Adds `token` as a new id in the empty slot `slot`: out of the probing loop, which most tokens leave with an id.
    @inline(never)
    private mutating func add(_ token: UnsafeBufferPointer<UInt8>, head: UInt64, digest: UInt64, uses: Int, at slot: Int) -> Int {
        let id = counts.count
        entries.append(Entry(digest: digest, head: head, start: arena.count, length: token.count))
        arena.append(contentsOf: token)
        counts.append(uses)
        slots[slot] = Int32(id)
        if counts.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `token`, if it was interned.
    func find(_ token: UnsafeBufferPointer<UInt8>) -> Int? {
        let head = Self.head(token)
        return probe(token, head: head, digest: Self.digest(token, head: head)).id
    }

    /// Ids by count, most used first; ties in byte order, which for UTF-8 is code-point order. With `counts`
    /// (one per id) instead of the table's own, ids counted 0 are left out.
    func ranked(by counts: [Int]? = nil) -> [Int] {
        let counts = counts ?? self.counts
        return arena.withUnsafeBufferPointer { arena in
            (0..<self.counts.count).filter { counts[$0] > 0 }.sorted { a, b in
                if counts[a] != counts[b] { return counts[a] > counts[b] }
                let x = UnsafeBufferPointer(rebasing: arena[entries[a].start..<entries[a].start + entries[a].length])
                let y = UnsafeBufferPointer(rebasing: arena[entries[b].start..<entries[b].start + entries[b].length])
                return x.lexicographicallyPrecedes(y)
            }
        }
    }

    /// Calls `body` with the bytes of token `id`.
    func withToken<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let entry = entries[id]
        return arena.withUnsafeBufferPointer { arena in body(UnsafeBufferPointer(rebasing: arena[entry.start..<entry.start + entry.length])) }
    }

    func string(_ id: Int) -> String {
        let entry = entries[id]
        return String(decoding: arena[entry.start..<entry.start + entry.length], as: UTF8.self)
    }

    /// Whether the bytes of `entry` past the eighth are those of `token` (of the same length, more than eight bytes).
    private func restEquals(_ entry: Entry, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { arena in
            memcmp(arena.baseAddress! + entry.start + 8, token.baseAddress! + 8, entry.length - 8) == 0
        }
    }

    /// The first eight bytes of `token` as one word, the first byte lowest; a shorter token's word ends in zero
    /// bytes (with the length, which `probe` compares too, no two tokens share a head and a length unless their
    /// first eight bytes are the same). Read as one, two or four bytes from either end of the token, which overlap
    /// in the same places: no loop over a short word's letters.
    @inline(__always)
    private static func head(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = token.baseAddress else { return 0 }
        let bytes = UnsafeRawPointer(base), count = token.count
        func load<Part: FixedWidthInteger>(_: Part.Type, at offset: Int) -> UInt64 {
            UInt64(Part(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Part.self)))
        }
        switch count {
        case 8...: return load(UInt64.self, at: 0)
        case 4...: return load(UInt32.self, at: 0) | load(UInt32.self, at: count - 4) << UInt64(8 * (count - 4))
        case 2...: return load(UInt16.self, at: 0) | load(UInt16.self, at: count - 2) << UInt64(8 * (count - 2))
        case 1: return UInt64(base[0])
        default: return 0
        }
    }

    /// `head` of the `count` bytes at `offset` of `text`, read as one word: eight bytes from `offset` lie in `text`.
    @inline(__always)
    private static func head(wordAt offset: Int, of text: UnsafeBufferPointer<UInt8>, count: Int) -> UInt64 {
        ByteWord.firstBytes(ByteWord.load(text, at: offset), count: count)
    }

    /// The head, the length and (FNV-1a) any bytes past the eighth, finished by MurmurHash3's 64-bit mixer, so that
    /// the low bits a slot is chosen by depend on every byte: a multiplication alone carries bits only upwards, and
    /// tokens sharing their first five or six bytes (`computed`, `computes`; long numbers) would share a slot.
    @inline(__always)
    private static func digest(_ token: UnsafeBufferPointer<UInt8>, head: UInt64) -> UInt64 {
        var hash = head ^ UInt64(token.count) << 56
        if token.count > 8 {
            var rest = FNV1a<UInt64>()
            rest.update(UnsafeBufferPointer(rebasing: token[8...]))
            hash ^= rest.value &* 0x9E37_79B9_7F4A_7C15
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (id, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.digest) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id)
        }
    }
}
