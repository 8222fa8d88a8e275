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

    /// Each scalar escaped on its own, as Foundation does.
    static func reference(_ text: String, slashes: Bool) -> String {
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

    /// Text is scanned eight bytes at a time where nothing is escaped: every escaped byte at every place in and
    /// around those words, and text longer than a word, gives what escaping byte by byte gives.
    @Test func escapesAtEveryPlaceOfLongText() {
        let texts = textsPlacing(["\"", "\\", "/", "\n", "\u{1}", "\u{1f}", "\t"], lengths: [15, 16, 17, 31, 32, 33, 64],
                                 filler: "abcdefghijklmnopqrstuvwxyz0123456789 é漢", step: 7)
        for (text, label) in texts {
            for slashes in [false, true] {
                #expect(JSONEscape.string(text, escapingSlashes: slashes) == Self.reference(text, slashes: slashes), "\(label)")
            }
        }
    }

    /// An escaped byte followed by one a bit above it (`#` after `"`, `]` after `\`, `0` after `/`, a space after a
    /// control character), and two escapes in a row, at every place of short and long texts: only the first byte a
    /// word test marks is read, and the last word of a text is read from where the scan stands.
    @Test func escapesFollowedByTheirNeighboursAtEveryPlace() {
        let texts = textsPlacingRuns(["\"#", "\\]", "/0", "\n ", "\t!", "\u{1f} ", "\"\"#", "\n\n", "\r\n "],
                                     lengths: Array(1...18) + [23, 24, 25], filler: "abcdefghijklmnopqrstuvwxyz é漢🙂", step: 5)
        for (text, label) in texts {
            for slashes in [false, true] {
                #expect(JSONEscape.string(text, escapingSlashes: slashes) == Self.reference(text, slashes: slashes), "\(label)")
            }
        }
    }

    /// `firstEscaped` from every offset of a text, the writers' way to resume after an escape.
    @Test func firstEscapedFromEveryOffset() {
        var text = "ab\"cdefghij\\klmnopq\nrs"
        let bytes = Array(text.utf8)
        text.withUTF8 { utf8 in
            for start in 0...utf8.count {
                let expected = bytes[start...].firstIndex { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
                #expect(JSONEscape.firstEscaped(in: utf8, from: start, escapingSlashes: false) == expected ?? utf8.count, "from \(start)")
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
