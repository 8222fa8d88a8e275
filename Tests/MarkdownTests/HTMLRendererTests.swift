import Testing
@testable import Markdown

@Suite struct HTMLRendererTests {
    /// cmark parses anything; only nesting deeper than `CmarkParser.maximumDepth` throws, which these inputs never do.
    func parse(_ markdown: String, file: String = "t.md", lineOffset: Int = 0) -> [Block] {
        do { return try CmarkParser.parse(markdown, file: file, lineOffset: lineOffset) } catch {
            Issue.record("unexpected: \(error)")
            return []
        }
    }

    func html(_ markdown: String) -> String {
        HTMLRenderer().render(HeadingIDs.assign(parse(markdown)))
    }

    @Test func headingsGetIdsAndAnchors() {
        #expect(html("## Adam vs AdamW") == "<h2 id=\"adam-vs-adamw\">Adam vs AdamW<a class=\"anchor\" href=\"#adam-vs-adamw\" aria-label=\"Link to this section\">#</a></h2>\n")
    }

    @Test func repeatedHeadingsGetUniqueIds() {
        let blocks = HeadingIDs.assign(parse("## Fix\n\n## Fix\n\n## Fix-1\n"))
        let ids = TOCEntry.collect(blocks).map(\.id)
        #expect(ids == ["fix", "fix-1", "fix-1-1"])
    }

    @Test func slugsKeepUnicodeLettersAndDropPunctuation() {
        #expect(HeadingIDs.slug("SGD + momentum (β=0.9)") == "sgd--momentum-β09")
        #expect(HeadingIDs.slug("Why optimisers exist?") == "why-optimisers-exist")
    }

    /// The byte-by-byte slug of an ASCII text is the character-by-character one: every ASCII byte (controls,
    /// CR LF, punctuation, both cases) in 3 000 random texts; a text with any other byte is left to Unicode.
    @Test func asciiSlugsAreTheUnicodeSlugs() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        for _ in 0..<3_000 {
            let length = Int(next() % 24)
            let text = String(decoding: (0..<length).map { _ in UInt8(next() % 128) }, as: UTF8.self)
            #expect(HeadingIDs.asciiSlug(text) == HeadingIDs.unicodeSlug(text), "\(Array(text.utf8))")
        }
        #expect(HeadingIDs.asciiSlug("Adam\r\nvs AdamW_2-b") == "adamvs-adamw_2-b")
        #expect(HeadingIDs.asciiSlug("caf\u{E9}") == nil && HeadingIDs.slug("Caf\u{E9} Au") == "caf\u{E9}-au")
        #expect(HeadingIDs.asciiSlug("e\u{301}") == nil)
    }

    @Test func tocCollectsLevelsTwoAndThree() {
        let blocks = HeadingIDs.assign(parse("# T\n\n## A `code`\n\n### B\n\n#### C\n"))
        #expect(TOCEntry.collect(blocks) == [TOCEntry(level: 2, title: "A code", id: "a-code"), TOCEntry(level: 3, title: "B", id: "b")])
    }

    @Test func codeBlocksKeepTheirLanguage() {
        #expect(html("```python\nx = 1 < 2\n```\n") == "<pre><code class=\"language-python\">x = 1 &lt; 2\n</code></pre>\n")
    }

    @Test func codeBlockHookTakesOver() {
        var renderer = HTMLRenderer()
        renderer.codeBlock = { info, code in info == "experiment" ? "<div>ran \(code.count)</div>\n" : nil }
        let out = renderer.render(parse("```experiment\nabc\n```\n\n```\nplain\n```\n"))
        #expect(out == "<div>ran 4</div>\n<pre><code>plain\n</code></pre>\n")
    }

    @Test func tablesHaveHeaderScopesAndScrollBox() {
        let out = html("| a | b |\n|---|--:|\n| 1 | 2 |\n")
        #expect(out == "<div class=\"table-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"Table\"><table>\n<thead>\n<tr>\n<th scope=\"col\">a</th>\n<th scope=\"col\" style=\"text-align:right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td style=\"text-align:right\">2</td>\n</tr>\n</tbody>\n</table></div>\n")
    }

    @Test func footnotesAreNumberedInReferenceOrder() {
        let out = html("B[^b] A[^a] B again[^b]\n\n[^a]: first\n[^b]: second\n")
        #expect(out.contains("<a href=\"#fn-1\" id=\"fnref-1\">1</a>"))
        #expect(out.contains("<a href=\"#fn-1\" id=\"fnref-1-2\">1</a>"))
        #expect(out.contains("<li id=\"fn-1\">\n<p>second <a href=\"#fnref-1\""))
        #expect(out.contains("<li id=\"fn-2\">\n<p>first "))
    }

    @Test func tightListsAndTaskLists() {
        #expect(html("- a\n- b\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
        #expect(html("- [x] a\n").contains("<input type=\"checkbox\" disabled checked aria-label=\"done\"> a</li>"))
    }

    @Test func scriptURLsAreNeutralised() {
        #expect(html("[x](javascript:alert(1))") == "<p><a href=\"#\">x</a></p>\n")
        #expect(html("a & <b") == "<p>a &amp; &lt;b</p>\n")
    }
}
