import Foundation
import Testing
@testable import Site

/// The search index stage: what a lesson's rendered body gives the index (headings, prose, captions and
/// table labels; not code, charts, math or numbers), the anchors results link to, escaping, and the asset
/// every page links to, with its size against the pages' HTML.
@Suite struct SearchIndexTests {
    private func entries(_ body: String, title: String = "Lesson") -> [SearchEntry] {
        SearchDocument(path: "m/l/", title: title, body: body).entries
    }

    @Test func headingsWithIDsStartEntriesAndTheProseBeforeThemBelongsToTheLesson() {
        let found = entries("""
        <p>Before any heading.</p>
        <h2 id="sgd-and-momentum">SGD and momentum<a class="anchor" href="#sgd-and-momentum" aria-label="Link to this section">#</a></h2>
        <p>The velocity <em>accumulates</em> gradients.</p>
        <h3 id="by-hand">By hand</h3>
        <ul><li>One</li><li>Two</li></ul>
        """, title: "Optimisers")
        #expect(found == [
            SearchEntry(kind: .section, anchor: "", title: "Optimisers", text: "Before any heading."),
            SearchEntry(kind: .section, anchor: "sgd-and-momentum", title: "SGD and momentum", text: "The velocity accumulates gradients."),
            SearchEntry(kind: .section, anchor: "by-hand", title: "By hand", text: "One Two"),
        ])
    }

    /// The build cuts a lesson's texts into tokens from the bytes the reader kept, with no document made: the same part
    /// as from the lesson's document, composed text (which NFC changes) included.
    @Test func aPartReadFromTheBodyIsThePartOfItsDocument() {
        let bodies = [
            "", "<p>plain</p>", "<p>Cafe\u{301} na\u{EF}ve \u{2126}hm</p><h2 id=\"x\">E\u{301}tude</h2><p>after, &amp; more</p>",
            """
            <p>Before <math><mi>β</mi><mo>−</mo><mn>1</mn></math> the heading.</p>
            <h2 id="a">A <em>title</em></h2><p>Text  with   spaces.</p><pre><code>left out</code></pre>
            <figure id="f"><figcaption><span class="figure-label">Figure 1.</span> A caption</figcaption>
            <table><tr><th>Optimiser</th><td>0.1</td><td>SGD</td></tr></table></figure><p>end \u{0958}</p>
            """,
        ]
        for body in bodies {
            let read = SearchIndexPart(path: "m/l/", title: "T\u{301}", body: body)
            let made = SearchIndexPart(SearchDocument(path: "m/l/", title: "T\u{301}", body: body))
            #expect(read.headings == made.headings && read.ids == made.ids && read.ends == made.ends, "\(body)")
            #expect((0..<read.words.count).map(read.words.string) == (0..<made.words.count).map(made.words.string))
            #expect(read.words.counts == made.words.counts)
        }
    }

    @Test func codeChartsScriptsAndTeXAreLeftOutAndMathIsKeptAsItShows() {
        let found = entries("""
        <h2 id="a">A</h2>
        <p>Prose with <math><semantics><msub><mi>β</mi><mn>1</mn></msub><annotation encoding="application/x-tex">\\beta_1</annotation></semantics></math> math and <code>inline code</code>.</p>
        <pre><code>import torch</code></pre>
        <div class="code-block"><button class="copy-button">Copy</button></div>
        <svg viewBox="0 0 1 1"><title>Chart title</title><text>0.5</text></svg>
        <script type="application/json">{"series": 1}</script>
        <style>.x { color: red }</style>
        <!-- a comment -->
        <p>End.</p>
        """)
        #expect(found.last == SearchEntry(kind: .section, anchor: "a", title: "A", text: "Prose with β1 math and inline code. End."))
    }

    @Test func figuresAreEntriesWithTheirLabelCaptionAndTableLabelsButNoNumbers() {
        let found = entries("""
        <h2 id="experiment">The experiment</h2>
        <p>Before the figure.</p>
        <figure class="experiment" id="experiment-sgd-variants">
        <div class="table-scroll"><table class="results"><caption>Four SGD variants</caption>
        <thead><tr><th scope="col">Optimiser</th><th scope="col" class="num">Final loss</th></tr></thead>
        <tbody><tr><th scope="row">SGD + momentum (β=0.9)</th><td class="num best"><strong>0.072390</strong><span class="visually-hidden"> (best)</span></td></tr>
        <tr><th scope="row">1</th><td>0.5</td></tr></tbody></table></div>
        <details class="chart-data"><summary>The data behind the chart</summary><table><thead><tr><th>Optimiser</th></tr></thead></table></details>
        <figcaption><span class="figure-label">Figure 1.</span> Training loss after 150 epochs. <span class="experiment-meta"><a href="x.csv">Results as CSV</a></span></figcaption>
        </figure>
        <p>After the figure.</p>
        """)
        #expect(found.count == 3)
        #expect(found[1] == SearchEntry(kind: .section, anchor: "experiment", title: "The experiment",
                                        text: "Before the figure. After the figure."))
        #expect(found[2] == SearchEntry(kind: .figure, anchor: "experiment-sgd-variants", title: "Figure 1",
                                        text: "Four SGD variants Optimiser Final loss SGD + momentum (β=0.9) The data behind the chart Training loss after 150 epochs."))
    }

    @Test func aHeadingWithoutAnIDIsProseOfItsSection() {
        let found = entries("""
        <h2 id="compare">Compare</h2>
        <div class="compare"><section class="compare-card"><h3>Adam</h3><p>A step per weight.</p></section></div>
        """)
        #expect(found.last == SearchEntry(kind: .section, anchor: "compare", title: "Compare", text: "Adam A step per weight."))
    }

    @Test func entitiesAreDecodedAndTheScriptEscapesWhatItHolds() throws {
        // U+2028 is white space like any other: one space in the index.
        let body = "<h2 id=\"q\">Quotes &amp; &lt;tags&gt;</h2><p>A \"quoted\" &#39;word&#39; and &lt;/script&gt; \\ back\u{2028}slash.</p>"
        let found = entries(body)
        #expect(found.last == SearchEntry(kind: .section, anchor: "q", title: "Quotes & <tags>",
                                          text: "A \"quoted\" 'word' and </script> \\ back slash."))
        let script = SearchIndex(documents: [SearchDocument(path: "m/l/", title: "T \"1\"", body: body)]).script()
        let prefix = "window.sitegenSearchIndex="
        #expect(script.hasPrefix(prefix) && script.hasSuffix(";\n"))
        #expect(!script.contains("</script>"), "a slash-escaped JSON: no end tag even if inlined")
        let shards = try Self.shards(ofScript: script)
        #expect(shards.count == 1)
        let decoded = shards[0]
        let pages = try #require(decoded["pages"] as? [[String]])
        #expect(pages == [["m/l/", "T \"1\""]])
        let rows = try #require(decoded["entries"] as? [[Any]])
        let tokens = try #require(decoded["words"] as? [String])
        let words = SearchVocabulary(tokens: tokens)
        #expect(rows.count == 2)
        #expect(rows[1][2] as? String == "q")
        #expect(rows[1][3] as? String == "Quotes & <tags>")
        let code = try #require(rows[1][4] as? String)
        #expect(words.decode(code) == "A \"quoted\" 'word' and </script> \\ back slash.")
    }

    @Test func theBuiltSiteLinksEveryPageToTheIndexWhoseAnchorsExist() throws {
        let site = try SiteTest(fixture: "features")
        defer { site.remove() }
        let report = try site.build()
        // The index keeps its name (a hashed one would change every page with any lesson); the script is hashed.
        let indexPath = "assets/search-index.js"
        #expect(report.tree.files.keys.filter { $0.hasPrefix("assets/search-index") } == [indexPath])
        #expect(report.tree.files.keys.contains { $0.hasPrefix("assets/search.") && $0.hasSuffix(".js") })

        for (page, prefix) in [("index.html", ""), ("course/index.html", "../"), ("course/tour/index.html", "../../")] {
            let html = try site.output(page)
            #expect(html.contains("<div class=\"site-search\" role=\"search\" aria-label=\"Course\" data-index=\"\(prefix)\(indexPath)\" data-root=\"\(prefix)\" hidden>"), "\(page)")
            #expect(html.contains("role=\"combobox\""), "\(page)")
        }

        let documents = try builtDocuments(site)
        #expect(documents.map(\.path) == ["course/tour/", "course/second/"])
        let tour = documents[0]
        let html = try site.output("course/tour/index.html")
        let ids = HTMLReferences(html: html).ids
        for entry in tour.entries where !entry.anchor.isEmpty {
            #expect(ids.contains(entry.anchor), "#\(entry.anchor) is on the page")
        }
        #expect(tour.entries.map(\.anchor) == ["", "callouts", "questions-and-comparisons", "code", "an-experiment",
                                               "experiment-factors", "experiment-momentum"])
        #expect(tour.entries[0].text.hasPrefix("An introduction with inline math β1=0.9 and a relative link."))
        let questions = try #require(tour.entries.first { $0.anchor == "questions-and-comparisons" })
        #expect(questions.text.contains("Why does the loss jump? Because the learning rate is too large."))
        #expect(!tour.entries.contains { $0.text.contains("import torch") }, "code is not indexed")
        let momentum = try #require(tour.entries.first { $0.anchor == "experiment-momentum" })
        #expect(momentum.title == "Figure 2")
        #expect(momentum.text.contains("The weights after each step."))
        #expect(momentum.text.contains("Weights W"))
        #expect(!momentum.text.contains("0.9"), "no numbers of the results")
        #expect(try site.output(indexPath) == SearchIndex(documents: documents).script())
    }

    @Test func theIndexIsSmallAgainstThePagesItIndexes() throws {
        let site = try SiteTest(fixture: "features")
        defer { site.remove() }
        let report = try site.build()
        let index = try #require(report.tree.files.first { $0.key.hasPrefix("assets/search-index.") }?.value)
        let pages = report.tree.files.filter { $0.key.hasSuffix(".html") }.values.reduce(0) { $0 + $1.count }
        // Each token is stored once in its shard, however often the shard's lessons use it.
        for shard in try Self.shards(ofScript: String(decoding: index, as: UTF8.self)) {
            let words = try #require(shard["words"] as? [String])
            #expect(Set(words).count == words.count)
        }
        #expect(Double(index.count) <= 0.15 * Double(pages), "index \(index.count) B against \(pages) B of pages")
    }

    struct UnreadableIndex: Error {}

    /// The shards of a search index script, each `{"entries": …, "pages": …, "words": …}`.
    static func shards(ofScript script: String) throws -> [[String: Any]] {
        let prefix = "window.sitegenSearchIndex=", suffix = ";\n"
        guard script.hasPrefix(prefix), script.hasSuffix(suffix) else { throw UnreadableIndex() }
        let json = String(script.dropFirst(prefix.count).dropLast(suffix.count))
        guard let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], decoded.count == 1,
              let shards = decoded["shards"] as? [[String: Any]] else { throw UnreadableIndex() }
        return shards
    }

    /// The lessons' documents read back from a search index script, shard after shard.
    static func documents(ofScript script: String) throws -> [SearchDocument] {
        try shards(ofScript: script).flatMap { shard -> [SearchDocument] in
            guard shard.count == 3, let pages = shard["pages"] as? [[String]], let rows = shard["entries"] as? [[Any]],
                  let tokens = shard["words"] as? [String] else { throw UnreadableIndex() }
            let words = SearchVocabulary(tokens: tokens)
            return try pages.enumerated().map { page, info in
                var document = SearchDocument(path: info[0], title: info[1], body: "")
                document.entries = try rows.filter { $0.first as? Int == page }.map { row in
                    guard row.count == 5, let kind = (row[1] as? Int).flatMap(SearchEntry.Kind.init(rawValue:)),
                          let anchor = row[2] as? String, let title = row[3] as? String, let code = row[4] as? String else { throw UnreadableIndex() }
                    return SearchEntry(kind: kind, anchor: anchor, title: title, text: words.decode(code))
                }
                return document
            }
        }
    }

    /// The lessons' documents read back from the index the build wrote.
    private func builtDocuments(_ site: SiteTest) throws -> [SearchDocument] {
        guard let path = try site.outputTree().keys.first(where: { $0.hasPrefix("assets/search-index.") }) else { throw UnreadableIndex() }
        return try Self.documents(ofScript: try site.output(path))
    }

    /// Documents of lessons `first..<last`: each its own words (`word<n>`) and words all of them share.
    static func numberedDocuments(_ range: Range<Int>) -> [SearchDocument] {
        range.map { n in
            SearchDocument(path: "m/l\(n)/", title: "Lesson \(n)",
                           body: "<h2 id=\"s\(n)\">Section \(n)</h2><p>Shared words and word\(n), its own; again shared.</p>")
        }
    }

    @Test func lessonsAreCutIntoShardsEachWithItsOwnWords() throws {
        let documents = Self.numberedDocuments(0..<(2 * SearchIndex.lessonsPerShard + 3))
        let index = SearchIndex(documents: documents)
        #expect(index.shardRanges == [0..<16, 16..<32, 32..<35])
        let script = index.script()
        let shards = try Self.shards(ofScript: script)
        #expect(shards.map { ($0["pages"] as? [[String]])?.count } == [16, 16, 3])
        // A shard's words are those of its own lessons: `word20` is in the second shard only.
        let words = shards.map { Set($0["words"] as? [String] ?? []) }
        #expect(words.map { $0.contains("word20") } == [false, true, false])
        #expect(words.allSatisfy { $0.contains("Shared") && $0.contains("shared") })
        // Page numbers count within a shard; read back, every lesson's text is whole.
        #expect(try Self.documents(ofScript: script) == documents)
    }

    @Test func aShardsBytesDependOnItsOwnLessonsOnly() throws {
        var documents = Self.numberedDocuments(0..<40)
        let before = SearchIndex(documents: documents)
        documents[20] = SearchDocument(path: "m/l20/", title: "Lesson 20",
                                       body: "<h2 id=\"s20\">Section 20</h2><p>A new sentence with novel words in lesson twenty.</p>")
        let after = SearchIndex(documents: documents)
        let changed = before.shardRanges.map { before.shardBytes($0) != after.shardBytes($0) }
        #expect(changed == [false, true, false])
        #expect(try Self.documents(ofScript: after.script()) == documents)
    }
}

/// The index's texts as numbers into one token list: they read back exactly, and a frequent word is short.
@Suite struct SearchVocabularyTests {
    @Test func textsReadBackExactly() {
        let texts = [
            "Adam's step, in units of the learning rate (lr = 0.001).",
            "(Leading gap) and trailing gap…",
            "Naïve café, 日本語 and emoji 🙂 — dashes – and “quotes”.",
            "x",
            "",
            "A \"quoted\" </script> \\ back\u{2028}slash / and a slash.",
        ]
        let vocabulary = SearchVocabulary(texts: texts)
        for text in texts {
            #expect(vocabulary.decode(vocabulary.encode(text)) == text)
        }
    }

    @Test func numbersOfAnyLengthReadBack() {
        // 3 000 different words: numbers of one, two and three characters.
        let text = (0..<3000).map { "w\($0)" }.joined(separator: " ")
        let vocabulary = SearchVocabulary(texts: [text])
        let code = vocabulary.encode(text)
        #expect(vocabulary.decode(code) == text)
        #expect(code.count == 45 * 1 + (45 * 45 - 45) * 2 + (3000 - 45 * 45) * 3)
        #expect(code.allSatisfy { SearchVocabulary.alphabet.contains($0) })
        #expect(!code.contains("\"") && !code.contains("\\") && !code.contains("/"))
    }

    @Test func theMostFrequentTokensTakeOneCharacter() {
        let text = Array(repeating: "the optimiser and the rate", count: 50).joined(separator: ". ") + ". rare"
        let vocabulary = SearchVocabulary(texts: [text])
        #expect(vocabulary.tokens.first == "the")
        #expect(vocabulary.encode("the").count == 1)
        #expect(vocabulary.encode(text).count < text.count / 3)
    }

    @Test func onlyShardNamesAndTheirTemporaryFilesCountAsShardFiles() {
        for name in ["0123456789abcdef", "0123456789abcdef.4242.tmp"] { #expect(SearchShardCache.isShardFile(name), "\(name)") }
        for name in ["0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0", "notes.txt", "0123456789abcdef.tmp",
                     "0123456789abcdef.x1.tmp", "0123456789abcdef.42.txt", "0123456789abcdef..tmp", ".0123456789abcdef", ""] {
            #expect(!SearchShardCache.isShardFile(name), "\(name)")
        }
    }
}
