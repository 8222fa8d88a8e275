import Testing
@testable import Escaping

/// `JSONEscape` copies runs of bytes that need no escape and escapes only ASCII characters, so these
/// cover each escape, the runs around it, and text beyond ASCII next to an escape.
@Suite struct JSONEscapeTests {
    @Test func emptyAndPlainStrings() {
        #expect(JSONEscape.string("", escapingSlashes: true) == "\"\"")
        #expect(JSONEscape.string("plain text", escapingSlashes: true) == "\"plain text\"")
    }

    @Test func quotesBackslashesAndNamedControls() {
        #expect(JSONEscape.string("say \"hi\" \\ there", escapingSlashes: false) == #""say \"hi\" \\ there""#)
        #expect(JSONEscape.string("\u{8}\u{c}\n\r\t", escapingSlashes: false) == #""\b\f\n\r\t""#)
        // Escapes at the start, at the end and next to each other.
        #expect(JSONEscape.string("\"\"a\n", escapingSlashes: false) == #""\"\"a\n""#)
    }

    @Test func otherControlCharactersAsLowercaseHex() {
        #expect(JSONEscape.string("\u{0}\u{1}\u{f}\u{10}\u{1b}\u{1f}", escapingSlashes: false)
                == #""\u0000\u0001\u000f\u0010\u001b\u001f""#)
        // DEL and C1 controls are not escaped (as Foundation writes them).
        #expect(JSONEscape.string("\u{7f}\u{85}", escapingSlashes: false) == "\"\u{7f}\u{85}\"")
    }

    /// Slashes escaped, `</script>` cannot close the script element that holds the JSON.
    @Test func slashesOnlyWhenAsked() {
        #expect(JSONEscape.string("</script>a/b", escapingSlashes: true) == #""<\/script>a\/b""#)
        #expect(JSONEscape.string("</script>a/b", escapingSlashes: false) == #""</script>a/b""#)
    }

    @Test func textBeyondASCIIIsCopiedWholeBesideEscapes() {
        #expect(JSONEscape.string("é\"漢字\n🙂/\u{2028}", escapingSlashes: true) == "\"é\\\"漢字\\n🙂\\/\u{2028}\"")
        // A combining mark after an escaped quote, and "\r\n" (one Character) as two escapes.
        #expect(JSONEscape.string("\"\u{301}x\r\n", escapingSlashes: false) == "\"\\\"\u{301}x\\r\\n\"")
    }

    /// Text is scanned eight bytes at a time where nothing is escaped: every escaped byte at every place in and
    /// around those words, and text longer than a word, gives what escaping byte by byte gives.
    @Test func escapesAtEveryPlaceOfLongText() {
        func reference(_ text: String, slashes: Bool) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "/" where slashes: out += "\\/"
                case "\u{8}": out += "\\b"
                case "\u{c}": out += "\\f"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let texts = textsPlacing(["\"", "\\", "/", "\n", "\u{1}", "\u{1f}", "\t"], lengths: [15, 16, 17, 31, 32, 33, 64],
                                 filler: "abcdefghijklmnopqrstuvwxyz0123456789 é漢", step: 7)
        for (text, label) in texts {
            for slashes in [false, true] {
                #expect(JSONEscape.string(text, escapingSlashes: slashes) == reference(text, slashes: slashes), "\(label)")
            }
        }
    }

    @Test func byteWriterAppendsToWhatIsThere() {
        var out = Array("[".utf8)
        JSONEscape.append("a\tb", to: &out, escapingSlashes: false)
        JSONEscape.append("🙂", to: &out, escapingSlashes: false)
        #expect(String(decoding: out, as: UTF8.self) == #"["a\tb""# + "\"🙂\"")
    }
}
