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
}
