import Diagnostics
import Escaping
import Testing
@testable import Markdown
import TestSupport

/// `HTMLRenderer` writes bytes into an `HTMLBuffer`, which answers as the `String`s it wrote before did where bytes and
/// characters differ (CR LF, a combining mark or a prepended character before a tag, non-ASCII text). When it changed
/// from strings to bytes, the two renderers gave the same HTML for 2 000 random documents (commit 1224864).
@Suite struct HTMLBufferTests {
    /// What a `String` says of the same text: the buffer's text, and whether it ends with the character "\n".
    @Test func bufferAnswersAsAString() {
        let pieces = ["\r", "\n", "\r\n", "a", "é", "\u{301}", "\u{600}", "<", "&", "👍🏽", " "]
        var random = SplitMix64(state: 7)
        for _ in 0..<3_000 {
            var buffer = HTMLBuffer(reservingCapacity: 0)
            var string = ""
            for _ in 0..<random.below(7) {
                let piece = pieces[random.below(pieces.count)]
                buffer.append(html: piece)
                string += piece
            }
            #expect(Array(buffer.text.utf8) == Array(string.utf8))
            #expect(buffer.endsWithNewline == string.hasSuffix("\n"), "\(Array(string.utf8))")
            var escaped = HTMLBuffer(reservingCapacity: 0)
            escaped.append(escaping: string)
            #expect(Array(escaped.text.utf8) == Array(HTMLEscape.escape(string).utf8))
        }
    }

    /// Finished HTML that ends in CR (a stage's), in a tight list item and a footnote: the CR LF it makes is one
    /// character, so the item keeps its last newline; HTML after a prepended character keeps the back link outside.
    @Test func finishedHTMLEndingInCarriageReturn() {
        let at = SourceLocation(file: "t.md", line: 1, column: 1)
        let blocks = [
            Block(.list(ordered: false, start: 1, tight: true, items: [
                ListItem(blocks: [Block(.rawHTML("x\r"), at: at)]),
                ListItem(blocks: [Block(.paragraph([.rawHTML("y\r")]), at: at)]),
                ListItem(blocks: [Block(.paragraph([.text("z")]), at: at)]),
            ]), at: at),
            Block(.paragraph([.footnoteReference(label: "1"), .footnoteReference(label: "2")]), at: at),
            Block(.footnoteDefinition(label: "1", content: [Block(.rawHTML("\u{600}</p>\n"), at: at)]), at: at),
            Block(.footnoteDefinition(label: "2", content: [Block(.paragraph([.text("é")]), at: at)]), at: at),
        ]
        let html = HTMLRenderer().render(blocks)
        #expect(html.contains("<li>x\r\n</li>\n<li>y\r\n</li>\n<li>z</li>"))
        #expect(html.contains("\u{600}</p>\n <a href=\"#fnref-1\""))
        #expect(html.contains("<p>é <a href=\"#fnref-2\" class=\"footnote-back\" aria-label=\"Back to reference 2\">↩</a></p>"))
    }
}

extension SplitMix64 {
    /// A number in `0..<n`.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
