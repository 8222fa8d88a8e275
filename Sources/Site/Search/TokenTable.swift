import Foundation
import Hashing

/// Distinct tokens by their UTF-8 bytes, each with an id (in order of first use) and a count of uses:
/// open addressing over a digest of the bytes, the bytes kept in one arena. Most tokens are words of a few
/// letters: a token's first eight bytes are also kept as one word (`head`), so that finding one of eight bytes or
/// fewer hashes and compares words, not bytes.
struct TokenTable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private(set) var counts: [Int] = []
    private var digests: [UInt64] = []
    private var heads: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 1024)

    var count: Int { counts.count }

    init() {}

    /// A table with room for `capacity` tokens before it grows.
    init(capacity: Int) {
        var slotCount = 1024
        while capacity * 2 > slotCount { slotCount *= 2 }
        slots = [Int32](repeating: -1, count: slotCount)
        starts.reserveCapacity(capacity + 1)
        counts.reserveCapacity(capacity)
        digests.reserveCapacity(capacity)
        heads.reserveCapacity(capacity)
    }

    /// The id of `token`, counting `uses` more uses of it (one by default; a lesson's own table merged
    /// into the index's adds each token's count at once).
    @discardableResult @inline(__always)  // into the tokeniser's loop: a lesson interns some 7 500 tokens
    mutating func intern(_ token: UnsafeBufferPointer<UInt8>, uses: Int = 1) -> Int {
        let head = Self.head(token)
        return intern(token, head: head, digest: Self.digest(token, head: head), uses: uses)
    }

    /// The id of token `id` of `other` (a lesson's table merged into the index's), without hashing its bytes
    /// again; `counting`: its uses in `other` are added to its count here.
    mutating func intern(_ id: Int, of other: TokenTable, counting: Bool = true) -> Int {
        other.withToken(id) { intern($0, head: other.heads[id], digest: other.digests[id], uses: counting ? other.counts[id] : 0) }
    }

    @inline(__always)
    private mutating func intern(_ token: UnsafeBufferPointer<UInt8>, head: UInt64, digest: UInt64, uses: Int) -> Int {
        var slot = Int(truncatingIfNeeded: digest) & (slots.count - 1)
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if digests[id] == digest && equals(id, token, head: head) {
                counts[id] += uses
                return id
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = counts.count
        arena.append(contentsOf: token)
        starts.append(arena.count)
        counts.append(uses)
        digests.append(digest)
        heads.append(head)
        slots[slot] = Int32(id)
        if counts.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `token`, if it was interned.
    func find(_ token: UnsafeBufferPointer<UInt8>) -> Int? {
        let head = Self.head(token)
        let digest = Self.digest(token, head: head)
        var slot = Int(truncatingIfNeeded: digest) & (slots.count - 1)
        while true {
            let id = Int(slots[slot])
            if id < 0 { return nil }
            if digests[id] == digest && equals(id, token, head: head) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Ids by count, most used first; ties in byte order, which for UTF-8 is code-point order. With `counts`
    /// (one per id) instead of the table's own, ids counted 0 are left out.
    func ranked(by counts: [Int]? = nil) -> [Int] {
        let counts = counts ?? self.counts
        return arena.withUnsafeBufferPointer { arena in
            (0..<self.counts.count).filter { counts[$0] > 0 }.sorted { a, b in
                if counts[a] != counts[b] { return counts[a] > counts[b] }
                let x = UnsafeBufferPointer(rebasing: arena[starts[a]..<starts[a + 1]])
                let y = UnsafeBufferPointer(rebasing: arena[starts[b]..<starts[b + 1]])
                return x.lexicographicallyPrecedes(y)
            }
        }
    }

    /// Calls `body` with the bytes of token `id`.
    func withToken<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { arena in body(UnsafeBufferPointer(rebasing: arena[starts[id]..<starts[id + 1]])) }
    }

    func string(_ id: Int) -> String { String(decoding: arena[starts[id]..<starts[id + 1]], as: UTF8.self) }

    /// Whether token `id` is `token`, whose `head` is given: the heads and lengths, then any bytes past the eighth.
    private func equals(_ id: Int, _ token: UnsafeBufferPointer<UInt8>, head: UInt64) -> Bool {
        let start = starts[id], length = starts[id + 1] - start
        guard length == token.count, heads[id] == head else { return false }
        guard length > 8 else { return true }
        return arena.withUnsafeBufferPointer { arena in
            memcmp(arena.baseAddress! + start + 8, token.baseAddress! + 8, length - 8) == 0
        }
    }

    /// The first eight bytes of `token` as one word, the first byte lowest; a shorter token's word ends in zero
    /// bytes (with the length, which `equals` compares too, no two tokens share a head and a length unless their
    /// first eight bytes are the same).
    @inline(__always)
    private static func head(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = token.baseAddress else { return 0 }
        if token.count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)) }
        var word: UInt64 = 0
        for k in 0..<token.count { word |= UInt64(base[k]) << UInt64(8 * k) }
        return word
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
        for id in 0..<counts.count {
            var slot = Int(truncatingIfNeeded: digests[id]) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id)
        }
    }
}
