import Testing
@testable import Site

/// `TextLines` cuts on bytes where `split(separator: "\n", omittingEmptySubsequences: false)` cuts on
/// characters: a "\r\n" is one character and ends no line; text beyond ASCII stays whole.
@Suite struct TextLinesTests {
    @Test func linesCutOnBytesWhereCharactersEnd() {
        #expect(TextLines.lines("") == [""])
        #expect(TextLines.lines("\n") == ["", ""])
        #expect(TextLines.lines("a\n\nb\n") == ["a", "", "b", ""])
        #expect(TextLines.lines("a\r\nb\nc") == ["a\r\nb", "c"])
        #expect(TextLines.lines("é\n\u{301}x\n漢字🙂") == ["é", "\u{301}x", "漢字🙂"])
        #expect(TextLines.lines("x\r") == ["x\r"])
    }

    @Test func countIsTheNumberOfLines() {
        #expect(["", "\n", "a\n\nb\n", "a\r\nb\nc", "\r\n", "🙂"].map(TextLines.count) == [1, 2, 4, 2, 1, 1])
    }

}

extension TextLines {
    /// The lines of `text` as `ranges` cuts them, as strings.
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            ranges(bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }
}
