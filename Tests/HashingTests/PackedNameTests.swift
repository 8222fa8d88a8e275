import Testing
import Hashing

/// Short names packed into two words, and the table that finds values by them.
@Suite struct PackedNameTests {
    @Test func aNameOfUpToFifteenBytesPacksAndUnpacks() throws {
        for name in ["", "a", "frac", "abcdefgh", "abcdefghi", "annotation-xml", "fifteen-bytes-x"] {
            let packed = try #require(PackedName(name), "\(name)")
            #expect(packed.count == name.utf8.count)
            #expect(packed.bytes == Array(name.utf8))
        }
        #expect(PackedName("sixteen-bytes-xx") == nil)
        // The length tells apart names whose bytes differ only by trailing zero bytes.
        #expect(PackedName([UInt8(ascii: "a")]) != PackedName([UInt8(ascii: "a"), 0]))
        #expect(PackedName("th") != PackedName("thead"))
    }

    /// Setting a bit in every byte reaches the name's bytes and no further (the length byte stays as it is).
    @Test func settingBitsChangesEveryByteOfTheNameOnly() {
        for name in ["", "A", "ABCDEFG", "ABCDEFGH", "ABCDEFGHI", "ANNOTATION-XML", "FIFTEEN-BYTES-X"] {
            #expect(PackedName(name)?.settingBits(0x20) == PackedName(name.lowercased()), "\(name)")
        }
    }

    /// A name read as two words from a longer buffer is the name packed byte by byte: the bytes after it do not leak in.
    @Test func aNameReadAsWordsIsTheNamePackedByteByByte() {
        let text = Array("ANNOTATION-XML:FIFTEEN-BYTES-X/trailing bytes to read past".utf8)
        text.withUnsafeBytes { raw in
            for start in 0..<20 {
                for count in 0...PackedName.maxLength {
                    let name = text[start..<start + count]
                    for bits in [UInt8(0), 0x20] {
                        #expect(PackedName(wordsAt: raw.baseAddress! + start, count: count, settingBits: bits)
                                == PackedName(name)?.settingBits(bits), "\(start) \(count) \(bits)")
                    }
                }
            }
        }
    }

    @Test func theTableFindsEachNameItsFirstValueAndNoOther() {
        let names = ["alpha", "beta", "left", "right", "h1", "h2"] + (0..<300).map { "n\(1_000_000 + $0)" }
        let table = PackedNameTable(named: names.enumerated().map { (name: $1, value: $0) } + [(name: "beta", value: -1)])
        for (i, name) in names.enumerated() { #expect(table[PackedName(name)!] == i, "\(name)") }
        #expect(table[PackedName("gamma")!] == nil)
        #expect(table[PackedName("n999999")!] == nil)
    }
}
