import Testing
@testable import NumericCore

@Suite("MT19937")
struct MT19937Tests {
    @Test("first 1 000 outputs match numpy for seeds 42 and 5489", arguments: ["42", "5489"])
    func firstThousand(seed: String) throws {
        let expected = try Fixture.load("data_mt19937.json").object("outputs").ints(seed)
        #expect(expected.count == 1000)
        var mt = MT19937(seed: try #require(UInt32(seed)))
        let got = (0..<1000).map { _ in Int(mt.next()) }
        #expect(got == expected)
    }

    @Test("the largest seed 2^32 - 1")
    func largestSeed() throws {
        let expected = try Fixture.load("data_mt19937.json").object("outputs").ints("4294967295")
        var mt = MT19937(seed: UInt32.max)
        #expect(expected.map { _ in Int(mt.next()) } == expected)
    }

    @Test("next64 takes the first draw as the high word")
    func next64HighFirst() throws {
        let words = try Fixture.load("data_mt19937.json").object("outputs").ints("42")
        var mt = MT19937(seed: 42)
        #expect(mt.next64() == UInt64(words[0]) << 32 | UInt64(words[1]))
        #expect(mt.next64() == UInt64(words[2]) << 32 | UInt64(words[3]))
    }

    @Test("reseeding restarts the stream")
    func reseed() {
        var mt = MT19937(seed: 42)
        let first = (0..<700).map { _ in mt.next() }
        mt.reseed(42)
        #expect((0..<700).map { _ in mt.next() } == first)
    }
}
