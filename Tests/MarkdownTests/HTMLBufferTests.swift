import Diagnostics
import Escaping
import Testing
@testable import Markdown

/// `HTMLRenderer` writes bytes into an `HTMLBuffer`; it wrote `String`s before, and `StringRenderer` below is that
/// renderer, kept as the reference: the same HTML, byte for byte, for random documents full of the cases where bytes and
/// characters differ (CR LF, a combining mark or a prepended character before a tag, non-ASCII text).
@Suite struct HTMLBufferTests {
    /// What a `String` says of the same text: the buffer's text, and whether it ends with the character "\n".
    @Test func bufferAnswersAsAString() {
        let pieces = ["\r", "\n", "\r\n", "a", "é", "\u{301}", "\u{600}", "<", "&", "👍🏽", " "]
        var random = SplitMix(seed: 7)
        for _ in 0..<3_000 {
            var buffer = HTMLBuffer(reservingCapacity: 0)
            var string = ""
            for _ in 0..<random.below(7) {
                let piece = pieces[random.below(pieces.count)]
                buffer.append(html: piece)
                string += piece
            }
            #expect(buffer.text == string)
            #expect(buffer.endsWithNewline == string.hasSuffix("\n"), "\(Array(string.utf8))")
            var escaped = HTMLBuffer(reservingCapacity: 0)
            escaped.append(escaping: string)
            #expect(escaped.text == HTMLEscape.escape(string))
        }
    }

    @Test func renderingIsTheStringRenderers() throws {
        let pieces = [
            "text ", "é ", "\u{600}", "e\u{301}", "&#13;", "&amp;", "<b>", "\r\n", "\n", "\n\n", "- ", "1. ", "3. ",
            "> ", "# ", "## ", "**", "*", "~~", "`c`", "[^a]", "[^b]", "[^a]: ", "[^b]: ", "- [ ] ", "- [x] ",
            "[l](/u \"t\")", "![i](s.png \"t\")", "[j](javascript:x)", "| a | b |\n|:-|-:|\n| 1 | 2 |\n",
            "```py x\ncode <\n```\n", "<div>\nhtml\n</div>\n", "---\n", "    indented\n", "  ",
        ]
        var random = SplitMix(seed: 11)
        var hook = HTMLRenderer()
        hook.codeBlock = { info, code in info.hasPrefix("py") ? "<pre>\(code.count)</pre>\n" : nil }
        for _ in 0..<2_000 {
            let markdown = (0..<random.below(24)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let blocks = HeadingIDs.assign(try CmarkParser.parse(markdown, file: "t.md"))
            #expect(HTMLRenderer().render(blocks) == StringRenderer().render(blocks), "\(markdown.debugDescription)")
            #expect(hook.render(blocks) == StringRenderer(codeBlock: hook.codeBlock).render(blocks))
            for case .paragraph(let inlines) in blocks.map(\.kind) {
                #expect(HTMLRenderer().renderInline(inlines) == StringRenderer().renderInline(inlines))
            }
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
        #expect(html == StringRenderer().render(blocks))
        #expect(html.contains("<li>x\r\n</li>\n<li>y\r\n</li>\n<li>z</li>"))
        #expect(html.contains("\u{600}</p>\n <a href=\"#fnref-1\""))
        #expect(html.contains("<p>é <a href=\"#fnref-2\" class=\"footnote-back\" aria-label=\"Back to reference 2\">↩</a></p>"))
    }
}

/// SplitMix64: random numbers, the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
