import Foundation
import Testing
@testable import Site

/// The byte-level passes that read a lesson body for search: the tag scanner (`HTMLTextScanner`) and the
/// collapsing text buffer (`CollapsedText`), against results written out by hand for the cases the former
/// string-based reader handled (entities, non-ASCII, nested tags, script and style, comments, empty input).
@Suite struct HTMLTextScannerTests {
    /// Writes what the scanner reports as one line per tag or text run.
    private struct Recorder: HTMLTextVisitor {
        var lines: [String] = []
        mutating func start(_ tag: HTMLTextScanner.StartTag) -> HTMLTextScanner.Element {
            let string = { (bytes: UnsafeBufferPointer<UInt8>) in String(decoding: bytes, as: UTF8.self) }
            lines.append("<\(tag.name)" + (tag.id.map { " id=" + string($0) } ?? "") + (tag.classes.map { " class=" + string($0) } ?? "")
                         + (tag.selfClosing ? " /" : "") + ">")
            return .read
        }
        mutating func end(_ name: HTMLTagName) { lines.append("</\(name)>") }
        mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) { lines.append("text: " + String(decoding: utf8, as: UTF8.self)) }
    }

    private func scan(_ html: String) -> [String] {
        var recorder = Recorder()
        HTMLTextScanner.scan(html, into: &recorder)
        return recorder.lines
    }

    /// Tag names are packed into words: any case reads as lower case, names equal only when all their bytes are, and a
    /// name of more than 15 bytes is not packed (equal to no packed name). Read as two words where 16 bytes from the
    /// name's start lie in the page, byte by byte nearer its end: both give the same name.
    @Test func tagNamesCompareWholeInAnyCase() {
        func name(_ text: String, followedBy rest: String = "") -> HTMLTagName {
            var page = text + rest
            return page.withUTF8 { HTMLTagName(0..<text.utf8.count, in: $0) }
        }
        let far = String(repeating: "x", count: 16)
        for rest in ["", ">", " class=\"a\">" + far, far] {
            #expect(name("FIGURE", followedBy: rest) == "figure")
            #expect(name("h2", followedBy: rest).description == "h2")
            #expect(name("annotation-xml", followedBy: rest).description == "annotation-xml")
            #expect(name("th", followedBy: rest) != name("thead", followedBy: rest))
            #expect(name("abcdefgh", followedBy: rest) != name("abcdefghi", followedBy: rest))
            #expect(name("my-Element:15ch", followedBy: rest).description == "my-element:15ch")
        }
        let long = "my-element-with-a-long-name"
        #expect(name(long).packed == nil)
        #expect(name(long.uppercased()) == name("my-element-with-a-longer-name"), "long names are one name to the reader")
        #expect(name(long) != name(String(long.prefix(15))))
        // Every length and case of name bytes, followed by any bytes: the words read are the bytes read one by one.
        let nameBytes = Array("abcxyzABCXYZ0189-:".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let count = Int.random(in: 0...15, using: &generator)
            let bytes = (0..<count).map { _ in nameBytes.randomElement(using: &generator)! }
                + (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let packed = bytes.withUnsafeBufferPointer { HTMLTagName(0..<count, in: $0) }
            let byByte = Array(bytes[..<count]).withUnsafeBufferPointer { HTMLTagName(0..<count, in: $0) }
            #expect(packed == byByte, "\(bytes)")
            #expect(packed.description == String(decoding: bytes[..<count].map { $0 | 0x20 }, as: UTF8.self))
        }
    }

    @Test func emptyInputReportsNothing() {
        #expect(scan("") == [])
    }

    @Test func nestedTagsLowerCasedWithTheirIDAndClassOnly() {
        #expect(scan("<DIV Class=\"a  b\" data-x=\"1\" ID='top'><P>One <EM>two</EM></P><br/><img src=x.png /></div>") == [
            "<div id=top class=a  b>", "<p>", "text: One ", "<em>", "text: two", "</em>", "</p>", "<br />", "<img />", "</div>",
        ])
    }

    @Test func entitiesAreDecodedInTextAndInTheIDAndClass() {
        #expect(scan("<p id=\"a&amp;b\" class=\"x &quot;y&quot;\">&lt;tag&gt; caf&#233; &#x1F642; &nbsp; &amp</p>") == [
            "<p id=a&b class=x \"y\">", "text: <tag> café 🙂 &nbsp; &amp", "</p>",
        ])
        // Values are handed over as bytes that last for the visitor's call: decoded ones are written into room the
        // scanner reuses from tag to tag, the others read where they stand; the last of repeated attributes counts.
        #expect(scan("<p id=\"a&amp;1\" class=\"k\"><p id=\"b\" class=\"&lt;c\"><hr id=\"x\" id=\"y&gt;\" class=\"\"/><i>") == [
            "<p id=a&1 class=k>", "<p id=b class=<c>", "<hr id=y> class= />", "<i>",
        ])
    }

    @Test func nonASCIITextIsPassedAsItIs() {
        #expect(scan("<h2 id=\"é\">Naïve 日本語 β₁ e\u{301}</h2>") == ["<h2 id=é>", "text: Naïve 日本語 β₁ e\u{301}", "</h2>"])
    }

    @Test func scriptAndStyleContentsAndCommentsAreSkipped() {
        #expect(scan("a<script>if (x<b) { s = \"</p>\" }</SCRIPT>b<style>p > a {}</style>c<!-- <p>hidden</p> -->d") == [
            "text: a", "<script>", "</script>", "text: b", "<style>", "</style>", "text: c", "text: d",
        ])
        #expect(scan("x<!-- never closed") == ["text: x"])
    }

    /// A visitor that leaves `pre` and `svg` out whole: nothing inside them is reported, nor their own tags; nested
    /// elements of the same name (not self-closed, any case) are counted to find the end; comments and script
    /// contents inside them hide what looks like their end tag.
    private struct Skipper: HTMLTextVisitor {
        var recorder = Recorder()
        mutating func start(_ tag: HTMLTextScanner.StartTag) -> HTMLTextScanner.Element {
            let skipped = ["pre", "svg"].contains(tag.name) || tag.classes.map { String(decoding: $0, as: UTF8.self) } == "skip"
            guard skipped else { return recorder.start(tag) }
            return .leftOut
        }
        mutating func end(_ name: HTMLTagName) { recorder.end(name) }
        mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) { recorder.text(utf8) }
    }

    @Test func anElementTheVisitorLeavesOutIsSkippedToItsOwnEnd() {
        func skipped(_ html: String) -> [String] {
            var skipper = Skipper()
            HTMLTextScanner.scan(html, into: &skipper)
            return skipper.recorder.lines
        }
        #expect(skipped("a<pre class=\"x\"><span class=\"tok\">code &amp; <b>more</b></span></pre>b") == ["text: a", "text: b"])
        #expect(skipped("<p>x<SVG><svg><g/></svg><svg/><!-- </svg> --><script>\"</svg>\"</script>in</svg>y</p>") == [
            "<p>", "text: x", "text: y", "</p>",
        ])
        // A self-closed element left out holds nothing: what follows it is read.
        #expect(skipped("<svg/>after<pre>never closed <p>z</p>") == ["text: after"])
        #expect(skipped("<pre><pre>inner</pre>still inside</pre>out") == ["text: out"])
        // Names too long to pack are told apart by their bytes.
        let long = "my-element-with-a-long-name"
        #expect(skipped("<\(long) class=\"skip\"><\(long)-2></\(long)-2><\(long.uppercased())>x</\(long)>in</\(long)>out") == ["text: out"])
    }

    @Test func aLessThanSignThatStartsNoTagIsText() {
        #expect(scan("1 < 2 <3 </ 4") == ["text: 1 < 2 <3 </ 4"])
    }
}

@Suite struct CollapsedTextTests {
    private func collapsed(_ pieces: [String]) -> CollapsedText {
        var text = CollapsedText()
        for piece in pieces { text.append(piece) }
        return text
    }

    @Test func runsOfWhiteSpaceAreOneSpaceAndNoneAtEitherEnd() {
        #expect(collapsed([]).string == "")
        #expect(collapsed(["", " \t\n "]).string == "")
        #expect(collapsed(["  a \t\n b  "]).string == "a b")
        // Unicode's White_Space beyond ASCII: no-break space, line separator, ideographic space.
        #expect(collapsed(["x\u{A0}\u{2028}y\u{3000}z\u{85}"]).string == "x y z")
    }

    @Test func piecesAppendedOneByOneCollapseLikeTheirConcatenation() {
        #expect(collapsed(["  Adam", " \n", "step ", "", "β1", "   "]).string == "Adam step β1")
        #expect(collapsed(["Na", "ïve", " café 日本", "語 🙂"]).string == "Naïve café 日本語 🙂")
        var text = CollapsedText()
        text.appendSpace()
        text.append("a")
        text.appendSpace()
        text.appendSpace()
        text.append("b")
        text.appendSpace()
        #expect(text.string == "a b")
    }

    /// Sentences are copied a run at a time with their single spaces; every mix of spaces, other white space,
    /// ASCII and other scalars, in one piece or cut anywhere, gives what collapsing by characters gives.
    /// Longer texts, with control characters (kept) and words, are passed over eight bytes at a time where they can be.
    @Test func anyMixCollapsesLikeSplittingOnWhiteSpace() {
        let alphabet: [String] = [" ", " ", "\t", "\n", "a", "b", ".", "é", "\u{A0}", "β", "  "]
        let wide = alphabet + ["\u{1}", "\u{7F}", "~", "!", "word", "two words", "\u{B}", "\u{C}", "\r"]
        var generator = SystemRandomNumberGenerator()
        for (letters, most) in [(alphabet, 12), (wide, 40)] {
            for _ in 0..<2000 {
                let pieces = (0..<Int.random(in: 0...most, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
                let whole = pieces.joined()
                let expected = whole.split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
                    .joined(separator: " ")
                #expect(collapsed([whole]).string == expected, "\(pieces)")
                let cut = Int.random(in: 0...pieces.count, using: &generator)
                #expect(collapsed([pieces[..<cut].joined(), pieces[cut...].joined()]).string == expected, "\(pieces) at \(cut)")
            }
        }
    }

    @Test func compositionChangesOnlyWhatNFCChanges() {
        #expect(collapsed(["e\u{301}te\u{301}"]).composed == "\u{E9}t\u{E9}")
        #expect(collapsed(["\u{E9}t\u{E9}"]).composed == "\u{E9}t\u{E9}")
        #expect(collapsed(["\u{2126}hm"]).composed == "\u{3A9}hm", "the ohm sign is a singleton: Greek omega")
        #expect(collapsed(["\u{1100}\u{1161}"]).composed == "\u{AC00}", "Hangul jamo compose")
        #expect(collapsed(["β − ∑ ≤ 1 → x²"]).composed == "β − ∑ ≤ 1 → x²")
        #expect(collapsed(["plain"]).composed == "plain")
    }

    @Test func stableScalarsAreStartersThatNFCLeavesAlone() {
        for scalar: Unicode.Scalar in ["é", "β", "−", "∑", "→", "²", "\u{A0}"] {
            #expect(CollapsedText.staysComposed(scalar), "\(scalar)")
        }
        for scalar: Unicode.Scalar in ["\u{301}", "\u{2126}", "\u{1161}", "\u{AC00}", "日", "\u{0BBE}"] {
            #expect(!CollapsedText.staysComposed(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        #expect(!CollapsedText.staysComposed(nil))
    }
}

/// The index's merge: numbers written from packed codes, and lessons' tables merged without hashing again.
@Suite struct SearchIndexMergeTests {
    @Test func packedCodesWriteTheNumbersCharacters() {
        let expected: [(Int, String)] = [(0, "#"), (44, "P"), (45, "R#"), (2024, "~P"), (2025, "RQ#"), (91124, "~~P"), (91125, "RQQ#")]
        for (number, code) in expected {
            var out: [UInt8] = []
            SearchVocabulary.write(number, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == code, "\(number)")
            #expect(SearchVocabulary.packed(number) >> 56 == UInt64(code.utf8.count))
        }
    }

    @Test func mergingATableAddsItsCountsUnderTheMergedIDs() {
        func intern(_ words: [String], into table: inout TokenTable) {
            for word in words { _ = SearchVocabulary.withBytes(word) { table.intern($0) } }
        }
        var first = TokenTable(capacity: 3000)
        intern(["adam", "step", "adam"], into: &first)
        var second = TokenTable()
        intern(["step", "é", "step", "step"], into: &second)
        var merged = TokenTable()
        #expect((0..<first.count).map { merged.intern($0, of: first) } == [0, 1])
        #expect((0..<second.count).map { merged.intern($0, of: second) } == [1, 2])
        #expect((0..<merged.count).map(merged.string) == ["adam", "step", "é"])
        #expect(merged.counts == [2, 4, 1])
        #expect(SearchVocabulary.withBytes("é") { merged.find($0) } == 2)
    }

    /// Tokens alike in their first eight bytes, in their length, or both (long numbers, inflected words, a NUL byte,
    /// exactly eight bytes) stay distinct, each found again under its own id, through the table's growth.
    @Test func tokensThatShareTheirHeadOrLengthStayDistinct() {
        var words = ["computed", "computer", "computes", "computing", "computation", "computationally", "a\u{0}", "a",
                     "abcdefgh", "abcdefghi", "abcdefgh\u{0}"]
        words += (0..<3000).map { String(1_000_000 + 7 * $0) }
        var table = TokenTable()
        let ids = words.map { word in SearchVocabulary.withBytes(word) { table.intern($0) } }
        #expect(ids == Array(0..<words.count))
        #expect(words.indices.allSatisfy { i in SearchVocabulary.withBytes(words[i]) { table.find($0) } == i })
        #expect((0..<table.count).map(table.string) == words)
        #expect(SearchVocabulary.withBytes("1000001") { table.find($0) } == nil)
    }
}

/// The byte-level passes of the search text against definitions by scalars: white space kept apart from the
/// control characters a run of ASCII goes on through, tokens cut at every change between word and other scalars,
/// and the bytes a tag name is made of.
@Suite struct SearchBytePassTests {
    @Test func controlCharactersThatAreNoWhiteSpaceStayInARun() {
        var text = CollapsedText()
        text.append("a \u{1}b\u{7F} \u{B}c  d \u{1F}")
        #expect(text.string == "a \u{1}b\u{7F} c d \u{1F}")
    }

    /// Maximal runs of word scalars and of other scalars, by scalar, with the single space between two words left out.
    private func expectedTokens(_ text: String) -> [String] {
        var runs: [(isWord: Bool, text: String)] = []
        for scalar in text.unicodeScalars {
            let isWord = SearchVocabulary.isWordScalar(scalar)
            if let last = runs.last, last.isWord == isWord {
                runs[runs.count - 1].text.unicodeScalars.append(scalar)
            } else {
                runs.append((isWord, String(scalar)))
            }
        }
        return runs.enumerated().filter { n, run in
            !(run.text == " " && !run.isWord && n > 0 && n < runs.count - 1)
        }.map(\.element.text)
    }

    private func tokens(_ text: String) -> [String] {
        var found: [String] = []
        SearchVocabulary.forEachKeptToken(text) { found.append(String(decoding: $0, as: UTF8.self)) }
        return found
    }

    @Test func tokensAreMaximalRunsOfWordAndOtherScalars() {
        #expect(tokens("Adam, β1 — naïve x² 日本語 ok") == ["Adam", ", ", "β1", " — ", "naïve", "x²", "日本語", "ok"])
        #expect(tokens(" a b ") == [" ", "a", "b", " "])
        #expect(tokens("") == [])
        let alphabet: [String] = [" ", " ", "a", "Z", "7", ".", ",", "é", "β", "²", "—", "日", "🙂", "\u{301}", "_", "\u{A0}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(tokens(text) == expectedTokens(text), "\(text)")
        }
        // Longer texts, read eight bytes at a time, with the ASCII bytes on either side of the letters' and digits'
        // ranges (`/`, `:`, `@`, `[`, `` ` ``, `{`), control characters and DEL.
        let wide = alphabet + ["/", ":", "@", "[", "`", "{", "0", "9", "A", "z", "\u{1}", "\u{7F}", "ab", "word", "  "]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in wide.randomElement(using: &generator)! }.joined()
            #expect(tokens(text) == expectedTokens(text), "\(text)")
        }
    }

    /// The eight-at-a-time tests for the bytes of words and of tag names mark what the byte-by-byte ones say, in every
    /// place of the word, whatever the bytes around.
    @Test func byteClassesAreMarkedEightAtATimeAsOneByOne() {
        var generator = SystemRandomNumberGenerator()
        for byte in 0...255 {
            let isWord = byte < 128 && SearchVocabulary.isWordScalar(Unicode.Scalar(UInt8(byte)))
            let isName = HTMLReferences.isNameByte(UInt8(byte))
            for place in 0..<8 {
                for around: UInt64 in [0, ~0, 0x8080_8080_8080_8080, 0x2D2D_2D2D_2D2D_2D2D, UInt64.random(in: 0...UInt64.max, using: &generator)] {
                    let word = around & ~(0xFF << (8 * place)) | UInt64(byte) << (8 * place)
                    let mark: UInt64 = 0x80 << (8 * place)
                    #expect(ASCIIByteMarks.wordBytes(word) & mark == (isWord ? mark : 0), "byte \(byte) at \(place)")
                    #expect(ASCIIByteMarks.nameBytes(word) & mark == (isName ? mark : 0), "byte \(byte) at \(place)")
                }
            }
        }
    }

    /// The table of scalar properties gives what the standard library gives, for every scalar it holds and those on
    /// either side of its ranges, and the scalars past it are asked.
    @Test func scalarPropertiesReadFromTheTableAreTheStandardLibrarys() {
        for value in Array(0..<0x2500) + [0xAC00, 0x1100, 0x1161, 0x3000, 0x1F642, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let properties = ScalarProperties(scalar)
            #expect(properties.contains(.whitespace) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(properties.contains(.staysComposed) == CollapsedText.staysComposed(scalar), "U+\(String(value, radix: 16))")
            #expect(properties.contains(.word) == SearchVocabulary.isWordScalar(scalar), "U+\(String(value, radix: 16))")
        }
        // And, apart from the functions the table is made from, a few scalars whose properties Unicode fixes: no-break
        // and em spaces are white space, β and é are word scalars that NFC leaves as they are, a combining acute accent
        // composes with what comes before it, an em dash and a minus sign are no word scalars.
        #expect(ScalarProperties("\u{A0}").contains(.whitespace) && ScalarProperties("\u{2003}").contains(.whitespace))
        #expect(ScalarProperties("β") == [.word, .staysComposed] && ScalarProperties("é") == [.word, .staysComposed])
        #expect(!ScalarProperties("\u{301}").contains(.staysComposed))
        #expect(!ScalarProperties("—").contains(.word) && !ScalarProperties("\u{2212}").contains(.word))
    }

    @Test func tagNameBytesAreASCIILettersDigitsHyphenAndColon() {
        for byte in 0...255 {
            let scalar = Unicode.Scalar(UInt8(byte))
            let expected = byte < 128 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":")
            #expect(HTMLReferences.isNameByte(UInt8(byte)) == expected, "byte \(byte)")
        }
    }
}
