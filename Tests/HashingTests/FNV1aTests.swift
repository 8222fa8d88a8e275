import Testing
import Hashing

/// Reference values from the FNV authors' test vectors (http://www.isthe.com/chongo/src/fnv/test_fnv.c).
@Suite struct FNV1aTests {
    @Test func sixtyFourBitVectors() {
        #expect(ContentHash.hex("") == "cbf29ce484222325")
        #expect(ContentHash.hex("a") == "af63dc4c8601ec8c")
        #expect(ContentHash.hex("foobar") == "85944171f73967e8")
    }

    @Test func thirtyTwoBitVectors() {
        #expect(FNV1a<UInt32>.hex("") == "811c9dc5")
        #expect(FNV1a<UInt32>.hex("a") == "e40c292c")
        #expect(FNV1a<UInt32>.hex("foobar") == "bf9cf968")
    }

    @Test func updatesCompose() {
        var hash = ContentHash()
        hash.update("foo")
        hash.update(Array("ba".utf8))
        hash.update(byte: UInt8(ascii: "r"))
        #expect(hash.hex == ContentHash.hex("foobar"))
        #expect(ContentHash.hex(bytes: Array("foobar".utf8)) == "85944171f73967e8")
    }

    /// FNV-1a over 64-bit little-endian words: the two words of 11 bytes, the last padded, then its length.
    @Test func wordsAreHashedAsWordsThenTheTailsLength() {
        let bytes = Array("hello world".utf8)
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.update(words: $0) }
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var expected: UInt64 = 0xcbf2_9ce4_8422_2325
        for word: UInt64 in [0x6f77_206f_6c6c_6568, 0x00_646c_72, 3] {
            expected ^= word
            expected = expected &* prime
        }
        #expect(hash.value == expected)
    }

    /// Zeros of every length give different digests, and so does every single bit flipped in 17 bytes from theirs. (Not
    /// always from each other: a word's top bit flipped moves the state's top bit only, as the next word's top bit does.)
    @Test func wordDigestsTellLengthsAndBitsApart() {
        func digest(_ bytes: [UInt8]) -> UInt64 {
            var hash = ContentHash()
            bytes.withUnsafeBytes { hash.update(words: $0) }
            return hash.value
        }
        let zeros = (0...24).map { digest([UInt8](repeating: 0, count: $0)) }
        #expect(Set(zeros).count == zeros.count)
        let base = (0..<17).map { UInt8($0 * 7) }
        for bit in 0..<(17 * 8) {
            var flipped = base
            flipped[bit / 8] ^= 1 << UInt8(bit % 8)
            #expect(digest(flipped) != digest(base), "bit \(bit)")
        }
    }
}
