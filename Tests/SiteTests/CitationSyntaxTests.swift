import Testing
@testable import Site

@Suite struct CitationSyntaxTests {
    @Test func keysWithTheirOffsets() {
        let keys = CitationSyntax.keys("@kingma2015adam; @loshchilov2019decoupled")
        #expect(keys.map(\.key) == ["kingma2015adam", "loshchilov2019decoupled"])
        #expect(keys.map(\.offset) == [1, 18])
    }

    /// ASCII sources are read as bytes; every key and offset must be the character reading's.
    @Test(arguments: [
        "", "@a", "@a; @b", "@a;@b", "  @a ;  @b  ", "@a;", ";", "@", "@a b; @c", "@a-b_c:d.e/f+g; @x!", "a; b",
        "@a;;@b", "@ab; ", "@k1;   @k2;@k3",
    ])
    func asciiKeysAreTheCharacterReadings(_ source: String) {
        let bytes = CitationSyntax.keys(source), characters = CitationSyntax.keys(characters: source)
        #expect(bytes.map(\.key) == characters.map(\.key))
        #expect(bytes.map(\.offset) == characters.map(\.offset))
    }

    @Test func nonASCIIKeysAreReadAsCharacters() {
        let keys = CitationSyntax.keys("@müller2020; @é\u{301}t")
        #expect(keys.map(\.key) == ["müller2020", "é\u{301}t"])
        #expect(keys.map(\.offset) == [1, 14])
    }
}
