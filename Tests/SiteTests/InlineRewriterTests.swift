import Diagnostics
import Markdown
import Testing
@testable import Site

/// The walk every inline rewrite shares (`InlineRewriter`): every run of the tree is reached, nested runs
/// before the run they are in, and only runs holding a node the rewrite touches are handed to it.
@Suite struct InlineRewriterTests {
    private static let at = SourceLocation(file: "l.md", line: 1, column: 1)

    /// Upper-cases code spans, and records the runs it is handed (their plain text, as handed).
    private final class CodeShouting: InlineRewriter {
        var handed: [String] = []

        func touches(_ node: Inline) -> Bool {
            if case .code = node { true } else { false }
        }

        func rewrite(_ inlines: inout [Inline]) {
            handed.append(Inline.plainText(inlines))
            for index in inlines.indices {
                if case .code(let code) = inlines[index] { inlines[index] = .code(code.uppercased()) }
            }
        }
    }

    private static func tree(_ code: String) -> [Block] {
        [
            Block(.paragraph([.text("plain "), .emphasis([.text("em")])]), at: at),
            Block(.paragraph([.text("a "), .strong([.text("b "), .code(code)]), .code(code)]), at: at),
            Block(.heading(level: 2, content: [.link(url: "/x", title: "", content: [.code(code)])], id: nil), at: at),
            Block(.blockQuote([
                Block(.list(ordered: false, start: 1, tight: true, items: [
                    ListItem(blocks: [Block(.paragraph([.strikethrough([.code(code)])]), at: at)]),
                    ListItem(blocks: [Block(.paragraph([.text("no code")]), at: at)]),
                ]), at: at),
            ]), at: at),
            Block(.table(Table(alignments: [.none, .none], header: [[.code(code)], [.text("h")]],
                               rows: [[[.text("c")], [.emphasis([.code(code)])]]])), at: at),
            Block(.footnoteDefinition(label: "1", content: [Block(.paragraph([.code(code)]), at: at)]), at: at),
            Block(.codeBlock(info: "python", code: code), at: at),
            Block(.htmlBlock("<div>\(code)</div>"), at: at),
            Block(.paragraph([.image(url: "i.png", title: "", alt: [.code(code)])]), at: at),
        ]
    }

    @Test func everyRunHoldingATouchedNodeIsRewrittenInnerFirstAndNoOther() {
        var blocks = Self.tree("x")
        let rewriter = CodeShouting()
        rewriter.apply(to: &blocks)
        var expected = Self.tree("X")
        // Code blocks, HTML blocks and an image's alt text are no runs of the walk.
        expected[6] = Block(.codeBlock(info: "python", code: "x"), at: Self.at)
        expected[7] = Block(.htmlBlock("<div>x</div>"), at: Self.at)
        expected[8] = Block(.paragraph([.image(url: "i.png", title: "", alt: [.code("x")])]), at: Self.at)
        #expect(blocks == expected)
        // Nested runs are handed before the run they are in (already rewritten when it is), runs without code never.
        #expect(rewriter.handed == ["b x", "a b Xx", "x", "x", "x", "x", "x"])
    }

    @Test func aTreeWithNothingToRewriteIsLeftAsItIs() {
        var blocks = [Block(.paragraph([.text("a "), .emphasis([.text("b")])]), at: Self.at),
                      Block(.blockQuote([Block(.heading(level: 1, content: [.text("t")], id: nil), at: Self.at)]), at: Self.at)]
        let before = blocks
        let rewriter = CodeShouting()
        rewriter.apply(to: &blocks)
        #expect(blocks == before)
        #expect(rewriter.handed.isEmpty)
    }

    /// The links stage publishes every link, image and attribute of author-written HTML, however deep, and nothing else.
    @Test func pageRelativeLinksReachEveryLinkImageAndHTML() {
        let links = PageLinks(page: "optimisers/adam/")
        let at = Self.at
        var blocks = [
            Block(.paragraph([.text("see "), .link(url: "/optimisers/", title: "t", content: [.text("next")]),
                              .html("<a href=\"/x/\">"), .html("<br>")]), at: at),
            Block(.blockQuote([Block(.list(ordered: true, start: 1, tight: false, items: [
                ListItem(blocks: [Block(.paragraph([.emphasis([.image(url: "/img/a.png", title: "", alt: [.text("a")])])]), at: at)]),
            ]), at: at)]), at: at),
            Block(.htmlBlock("<img src='/img/b.png'>"), at: at),
            Block(.codeBlock(info: "", code: "[x](/y/)"), at: at),
        ]
        PageRelativeLinks.rewrite(&blocks, links: links)
        #expect(blocks == [
            Block(.paragraph([.text("see "), .link(url: links.published("/optimisers/"), title: "t", content: [.text("next")]),
                              .html("<a href=\"\(links.published("/x/"))\">"), .html("<br>")]), at: at),
            Block(.blockQuote([Block(.list(ordered: true, start: 1, tight: false, items: [
                ListItem(blocks: [Block(.paragraph([.emphasis([.image(url: links.published("/img/a.png"), title: "", alt: [.text("a")])])]), at: at)]),
            ]), at: at)]), at: at),
            Block(.htmlBlock("<img src='\(links.published("/img/b.png"))'>"), at: at),
            Block(.codeBlock(info: "", code: "[x](/y/)"), at: at),
        ])
        #expect(links.published("/optimisers/") != "/optimisers/")
    }
}
