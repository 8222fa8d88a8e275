import CCmarkGFM
import Testing

/// The allocator cmark-gfm parses with (shim.h): what it hands out keeps its bytes through reallocation, in place or
/// moved, and `calloc`'s memory is zeroed even where a released parse left bytes behind.
@Suite struct ParseArenaTests {
    @Test func reallocationKeepsTheBytes() throws {
        defer { sitegen_arena_release() }
        let arena = try #require(sitegen_arena_allocator()?.pointee)
        let first = try #require(arena.calloc(10, 1)).assumingMemoryBound(to: UInt8.self)
        #expect((0..<10).allSatisfy { first[$0] == 0 })
        for i in 0..<10 { first[i] = UInt8(i + 1) }
        // The last allocation grows in place, even past the 64 KB first chunk (then it moves to a new one).
        let grown = try #require(arena.realloc(first, 40)).assumingMemoryBound(to: UInt8.self)
        #expect(grown == first)
        let moved = try #require(arena.realloc(grown, 100_000)).assumingMemoryBound(to: UInt8.self)
        #expect(moved != first && (0..<10).allSatisfy { moved[$0] == UInt8($0 + 1) })
        // One that is not the last allocation is copied; shrinking keeps the prefix.
        let other = try #require(arena.calloc(3, 8)).assumingMemoryBound(to: UInt8.self)
        let copied = try #require(arena.realloc(moved, 200_000)).assumingMemoryBound(to: UInt8.self)
        #expect(copied != moved && (0..<10).allSatisfy { copied[$0] == UInt8($0 + 1) })
        #expect((0..<24).allSatisfy { other[$0] == 0 })
        let shrunk = try #require(arena.realloc(copied, 4)).assumingMemoryBound(to: UInt8.self)
        #expect((0..<4).allSatisfy { shrunk[$0] == UInt8($0 + 1) })
        // 16-byte alignment, and an empty request is still a distinct pointer.
        let empty = try #require(arena.calloc(0, 1))
        let next = try #require(arena.calloc(1, 1))
        #expect(Int(bitPattern: empty) % 16 == 0 && Int(bitPattern: next) % 16 == 0 && empty != next)
        arena.free(next)
    }

    @Test func callocIsZeroAfterARelease() throws {
        let arena = try #require(sitegen_arena_allocator()?.pointee)
        let dirty = try #require(arena.calloc(1, 4096)).assumingMemoryBound(to: UInt8.self)
        dirty.update(repeating: 0xAB, count: 4096)
        sitegen_arena_release()
        defer { sitegen_arena_release() }
        let clean = try #require(arena.calloc(4096, 1)).assumingMemoryBound(to: UInt8.self)
        #expect((0..<4096).allSatisfy { clean[$0] == 0 })
    }
}
