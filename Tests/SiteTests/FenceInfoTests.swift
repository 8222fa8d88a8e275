import Testing
@testable import Site

@Suite struct FenceInfoTests {
    @Test func languageAndAttributes() {
        let info = FenceInfo(#"python file="sgd_variants.py" fold=12-30 title=Data"#)
        #expect(info.language == "python")
        #expect(info.attributes == ["file": "sgd_variants.py", "fold": "12-30", "title": "Data"])
        #expect(FenceInfo("").language == "")
        #expect(FenceInfo("  experiment  ").attributes.isEmpty)
    }

    /// ASCII info strings are read as bytes; every split must be the one the character reading gives.
    @Test(arguments: [
        "", " ", "\t", "python", "  python  ", "python\t", "\tpython file=a.py", "python file", "python file=",
        #"python file=""#, #"python file="a b.py" x=1"#, #"python file="unclosed"#, "a b c", "a  =b", "a ==b",
        #"a k="v"tail x"#, #"a k="" x="y""#, "a k=v=w", "=x", "a =", "a\t k=v", "yaml id=x   ", "a k=\"v\"\"w\"",
    ])
    func asciiSplitsAsCharactersDo(_ info: String) {
        #expect(FenceInfo(info) == FenceInfo(characters: info))
    }

    @Test func nonASCIIInfoIsReadAsCharacters() {
        let info = FenceInfo("python file=\"données.py\" title=é\u{301}")
        #expect(info.attributes["file"] == "données.py")
        #expect(info == FenceInfo(characters: "python file=\"données.py\" title=é\u{301}"))
    }
}
