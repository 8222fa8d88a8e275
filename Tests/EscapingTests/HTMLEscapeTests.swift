import Testing
@testable import Escaping

@Suite struct HTMLEscapeTests {
    let hostile = "<script>alert(\"x\")</script> & 'co'"

    /// Runs are found eight bytes at a time: each escaped character at every place in and around those words,
    /// beside text beyond ASCII, gives what escaping character by character gives.
    @Test func escapesAtEveryPlaceOfLongText() {
        func reference(_ text: String, apostrophe: Bool) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'" where apostrophe: out += "&#39;"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let texts = textsPlacing(["&", "<", ">", "\"", "'"], lengths: [7, 8, 9, 15, 16, 17, 40],
                                 filler: "abcdefghij 0123456789 é漢\u{7F}\u{A6}\u{BC}", step: 5)
        for (text, label) in texts {
            #expect(HTMLEscape.escape(text) == reference(text, apostrophe: false), "\(label)")
            #expect(HTMLEscape.escapeWithApostrophe(text) == reference(text, apostrophe: true), "\(label)")
        }
    }

    /// An escaped character followed by the one above it (`'` after `&`, `=` after `<`, `?` after `>`, `#` after `"`,
    /// `(` after `'`), which a word test's borrow marks too, and two escapes in a row, at every place of short and
    /// long texts.
    @Test func escapesFollowedByTheirNeighboursAtEveryPlace() {
        func reference(_ text: String, apostrophe: Bool) -> String {
            text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "&": "&amp;"
                case "<": "&lt;"
                case ">": "&gt;"
                case "\"": "&quot;"
                case "'" where apostrophe: "&#39;"
                default: String(scalar)
                }
            }.joined()
        }
        let texts = textsPlacingRuns(["&'", "<=", ">?", "\"#", "'(", "<<", "&&x"], lengths: Array(1...18) + [24, 25],
                                     filler: "abcdefghij 0123456789 é漢🙂", step: 3)
        for (text, label) in texts {
            #expect(HTMLEscape.escape(text) == reference(text, apostrophe: false), "\(label)")
            #expect(HTMLEscape.escapeWithApostrophe(text) == reference(text, apostrophe: true), "\(label)")
            var out = Array("x".utf8)
            HTMLEscape.append(Array(text.utf8)[...], escapedTo: &out)
            #expect(String(decoding: out, as: UTF8.self) == "x" + reference(text, apostrophe: true), "\(label)")
        }
    }

    @Test func textKeepsApostrophes() {
        #expect(HTMLEscape.escape(hostile) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'co'")
    }

    @Test func apostropheVariantEscapesSingleQuotes() {
        #expect(HTMLEscape.escapeWithApostrophe(hostile) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;")
    }

    @Test func xmlDropsWhatXMLForbids() {
        #expect(HTMLEscape.xml(hostile) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;")
        #expect(HTMLEscape.xml("a\u{0}b\u{1B}c\td\ne\rf") == "abc\td\ne\rf")
        #expect(HTMLEscape.xml("x\u{FFFE}y\u{FFFF}z\u{FFFD}") == "xyz\u{FFFD}")
        // Only XML drops them; HTML text keeps every character.
        #expect(HTMLEscape.escape("a\u{1B}\u{FFFF}") == "a\u{1B}\u{FFFF}")
    }

    /// Text with nothing to escape comes back as it is (also control characters outside XML, and a U+FEFF
    /// whose first byte is the one U+FFFE/U+FFFF start with); runs between entities are copied whole.
    @Test func textWithNothingToEscapeIsItsOwnEscape() {
        let plain = "Momentum \u{2014} β₁ = 0.9, \u{1}\u{FEFF} and 'quotes'"
        #expect(HTMLEscape.escape(plain) == plain)
        #expect(HTMLEscape.xml("a\u{FEFF}b\u{FFFE}c\u{1}d") == "a\u{FEFF}bcd")
        let long = String(repeating: "word ", count: 1000)
        #expect(HTMLEscape.escape(long + "<" + long + "&") == long + "&lt;" + long + "&amp;")
    }

    @Test func multibyteTextPassesThrough() {
        #expect(HTMLEscape.xml("Optimisers — β₁ < 1, ü") == "Optimisers — β₁ &lt; 1, ü")
    }

    @Test func byteWriterMatchesTheStringForm() {
        var out: [UInt8] = []
        HTMLEscape.append(Array(hostile.utf8)[...], escapedTo: &out)
        #expect(String(decoding: out, as: UTF8.self) == HTMLEscape.escapeWithApostrophe(hostile))
    }

    @Test func scriptURLsBecomeHash() {
        #expect(HTMLEscape.url(" JavaScript:alert(1)") == "#")
        #expect(HTMLEscape.url("a.html?x=1&y=\"2\"") == "a.html?x=1&amp;y=&quot;2&quot;")
    }
}

/// `HTMLEscape.hasScriptScheme` reads ASCII URLs as bytes: the same answer as Foundation's trimming and lower-casing,
/// which every other URL still goes through.
@Suite struct ScriptSchemeTests {
    static func foundation(_ url: String) -> Bool {
        let lowered = url.trimmingCharacters(in: .whitespaces).lowercased()
        return HTMLEscape.scriptSchemes.contains { lowered.hasPrefix($0) }
    }

    @Test func bytesAnswerAsFoundation() {
        var urls = ["", " ", "\t", "javascript:", " JavaScript:x", "\tVBSCRIPT:x", "Data:Text/HTML,x", "data:text/htm",
                    "data:text/plain", "java script:", "javascript", "#x", "a.html", " javascript:\u{301}x", "\u{A0}javascript:x",
                    "jav\u{212A}ascript:", "\u{2003}data:text/html", "javascript:\n", "\njavascript:x", "j", "JAVASCRIPT:"]
        // Random URLs made of the schemes' pieces, case flips and white space.
        let pieces = ["java", "JAVA", "script", "SCRIPT", ":", "vb", "VB", "data", ":text", "/html", "/HTML", " ", "\t", "x",
                      "\u{A0}", "é", "\n"]
        var state: UInt64 = 5
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<5_000 { urls.append((0..<next(7)).map { _ in pieces[next(pieces.count)] }.joined()) }
        for url in urls {
            #expect(HTMLEscape.hasScriptScheme(url) == Self.foundation(url), "\(url.debugDescription)")
        }
        #expect(HTMLEscape.hasScriptScheme(" JavaScript:x") && !HTMLEscape.hasScriptScheme("java script:"))
    }
}
