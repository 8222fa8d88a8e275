import Foundation
import Hashing

/// Distinct tokens by their UTF-8 bytes, each with an id (in order of first use) and a count of uses:
/// open addressing over FNV-1a, the bytes kept in one arena.
struct TokenTable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private(set) var counts: [Int] = []
    private var digests: [UInt64] = []
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
    }

    /// The id of `token`, counting `uses` more uses of it (one by default; a lesson's own table merged
    /// into the index's adds each token's count at once).
    @discardableResult
    mutating func intern(_ token: UnsafeBufferPointer<UInt8>, uses: Int = 1) -> Int {
        intern(token, digest: Self.digest(token), uses: uses)
    }

    /// The id of token `id` of `other` (a lesson's table merged into the index's), without hashing its bytes
    /// again; `counting`: its uses in `other` are added to its count here.
    mutating func intern(_ id: Int, of other: TokenTable, counting: Bool = true) -> Int {
        other.withToken(id) { intern($0, digest: other.digests[id], uses: counting ? other.counts[id] : 0) }
    }

    private mutating func intern(_ token: UnsafeBufferPointer<UInt8>, digest: UInt64, uses: Int) -> Int {
        var slot = Int(truncatingIfNeeded: digest) & (slots.count - 1)
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if digests[id] == digest && equals(id, token) {
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
        slots[slot] = Int32(id)
        if counts.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `token`, if it was interned.
    func find(_ token: UnsafeBufferPointer<UInt8>) -> Int? {
        let digest = Self.digest(token)
        var slot = Int(truncatingIfNeeded: digest) & (slots.count - 1)
        while true {
            let id = Int(slots[slot])
            if id < 0 { return nil }
            if digests[id] == digest && equals(id, token) { return id }
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

    private func equals(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], length = starts[id + 1] - start
        guard length == token.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            length == 0 || memcmp(arena.baseAddress! + start, token.baseAddress!, length) == 0
        }
    }

    private static func digest(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = FNV1a<UInt64>()
        hash.update(token)
        // FNV's low bits mix poorly for short keys; fold the high half in before masking.
        return hash.value ^ (hash.value >> 32)
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
