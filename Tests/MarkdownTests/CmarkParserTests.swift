import Diagnostics
import Testing
@testable import Markdown

@Suite struct CmarkParserTests {
    /// cmark parses anything; only nesting deeper than `CmarkParser.maximumDepth` throws, which these inputs never do.
    func parse(_ markdown: String, file: String = "t.md", lineOffset: Int = 0) -> [Block] {
        do { return try CmarkParser.parse(markdown, file: file, lineOffset: lineOffset) } catch {
            Issue.record("unexpected: \(error)")
            return []
        }
    }

    @Test func keepsSourcePositionsWithLineOffset() throws {
        let blocks = parse("# Title\n\nSome text.\n\n```python\nprint(1)\n```\n", file: "content/m/a.md", lineOffset: 4)
        #expect(blocks.count == 3)
        #expect(blocks[0].location == SourceLocation(file: "content/m/a.md", line: 5, column: 1))
        #expect(blocks[2].location.line == 9)
        guard case let .codeBlock(info, code) = blocks[2].kind else { Issue.record("not a code block"); return }
        #expect(info == "python")
        #expect(code == "print(1)\n")
    }

    @Test func parsesGFMTables() {
        let blocks = parse("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
        guard case .table(let table) = blocks.first?.kind else { Issue.record("no table"); return }
        #expect(table.alignments == [.left, .right])
        #expect(table.header == [[.text("a")], [.text("b")]])
        #expect(table.rows == [[[.text("1")], [.text("2")]]])
    }

    /// cmark-gfm switches its extensions' characters (`~`, `:`, `w`, `|`…) on in one table shared by the whole process
    /// while a parse reads inlines, and off when it is done: a parse on another thread meanwhile read `~~old~~` as text
    /// (seen once in the whole suite). Parses on many threads at once must each give what one parse alone gives.
    @Test func parsesOnManyThreadsAtOnceAsAlone() async {
        let text = "~~old~~ see https://example.org and www.example.com\n\n| a | ~~b~~ |\n|--|--|\n| 1 | https://x.org |\n"
        let alone = parse(text)
        let results = await withTaskGroup(of: [Block].self) { group in
            for _ in 0..<400 { group.addTask { (try? CmarkParser.parse(text, file: "t.md")) ?? [] } }
            var all: [[Block]] = []
            for await blocks in group { all.append(blocks) }
            return all
        }
        #expect(results.count == 400)
        #expect(results.filter { $0 != alone }.count == 0)
    }

    @Test func parsesStrikethroughTaskListsAndAutolinks() {
        let blocks = parse("~~old~~ see https://example.org\n\n- [x] done\n- [ ] todo\n")
        guard case .paragraph(let inlines) = blocks[0].kind else { Issue.record("no paragraph"); return }
        #expect(inlines.first == .strikethrough([.text("old")]))
        #expect(inlines.contains(.link(url: "https://example.org", title: "", content: [.text("https://example.org")])))
        guard case let .list(_, _, _, items) = blocks[1].kind else { Issue.record("no list"); return }
        #expect(items.map(\.task) == [true, false])
    }

    @Test func parsesFootnotes() {
        // cmark-gfm numbers references in order of first use and moves definitions to the end in that order.
        let blocks = parse("[^b]: Second.\n\nClaim.[^a] Other.[^b]\n\n[^a]: Source.\n")
        guard case .paragraph(let inlines) = blocks[0].kind else { Issue.record("no paragraph"); return }
        #expect(inlines.filter { if case .footnoteReference = $0 { true } else { false } } == [.footnoteReference(label: "1"), .footnoteReference(label: "2")])
        guard case let .footnoteDefinition(label, content) = blocks[1].kind else { Issue.record("no definition"); return }
        #expect(label == "1")
        #expect(content == [Block(.paragraph([.text("Source.")]), at: content[0].location)])
    }
}
