import Diagnostics
import Foundation
import Testing
@testable import Site

/// Bad lesson input: each case gets its message at its file, line and column, and never crashes.
@Suite struct LessonStageErrorTests {
    /// Writes `body` (after a front matter of three lines) as a lesson and returns the build's messages.
    func diagnostics(_ body: String, extraFiles: [String: String] = [:]) throws -> [String] {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/first.md", "---\ntitle: First\n---\n" + body)
        for (path, text) in extraFiles { try site.write(path, text) }
        return site.buildFailure().map(\.description)
    }

    /// The page of a lesson with this body, built.
    func page(_ body: String) throws -> String {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/first.md", "---\ntitle: First\n---\n" + body)
        try site.build()
        return try site.output("intro/first/index.html")
    }

    @Test func unknownCalloutKind() throws {
        #expect(try diagnostics("> [!NOTEE] Title\n> Body\n") == [
            "content/intro/first.md:4:1: error: unknown callout kind '[!NOTEE]' (did you mean 'NOTE'?); use one of NOTE, TIP, IMPORTANT, WARNING, CAUTION, ANALOGY, QA, COMPARE, TAKEAWAYS, EXERCISE",
        ])
    }

    @Test func questionBlockNeedsAQuestion() throws {
        #expect(try diagnostics("Intro.\n\n> [!QA]\n> Answer.\n") == [
            "content/intro/first.md:6:1: error: a [!QA] block needs the question on its first line: '> [!QA] Loss oscillates wildly'",
        ])
    }

    @Test func compareBlockNeedsCardHeadings() throws {
        #expect(try diagnostics("> [!COMPARE]\n> Loose text.\n") == [
            "content/intro/first.md:4:3: error: a [!COMPARE] block holds cards, each starting with a '### Name' heading",
        ])
    }

    @Test func missingInclude() throws {
        #expect(try diagnostics("Text.\n\n```python file=\"gone.py\"\n```\n") == [
            "content/intro/first.md:6:1: error: included file content/intro/gone.py does not exist: check the name in file=\"gone.py\"",
        ])
    }

    @Test func includeMayNotLeaveTheContentFolder() throws {
        let messages = try diagnostics("```python file=\"../../sitegen.yml\"\n```\n")
        #expect(messages == ["content/intro/first.md:4:1: error: include path '../../sitegen.yml' leaves the content folder; keep included files beside the lesson"])
        #expect(try diagnostics("```python file=\"/etc/passwd\"\n```\n") == [
            "content/intro/first.md:4:1: error: include path '/etc/passwd' must be relative to the lesson's folder",
        ])
    }

    @Test func includeThroughASymlinkOutsideIsRefused() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: "\(site.root)/content/intro/escape.py", withDestinationPath: "/etc/hostname")
        try site.write("content/intro/first.md", "---\ntitle: First\n---\n```python file=\"escape.py\"\n```\n")
        #expect(site.buildFailure().map(\.message) == ["include path 'escape.py' leaves the content folder; keep included files beside the lesson"])
    }

    @Test func includedFileIsShownAndPublished() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/demo.py", "print(\"<hi>\")\n")
        try site.write("content/intro/first.md", "---\ntitle: First\n---\n```python file=\"demo.py\"\n```\n")
        try site.build()
        let html = try site.output("intro/first/index.html")
        #expect(html.contains("<div class=\"code-title\"><a href=\"demo.py\" download>demo.py</a></div>"))
        #expect(html.contains("<span class=\"tok-builtin\">print</span>"))
        #expect(html.contains("&lt;hi&gt;"))
        #expect(try site.output("intro/first/demo.py") == "print(\"<hi>\")\n")
    }

    @Test func invalidTeXPointsIntoTheFormula() throws {
        #expect(try diagnostics("Rule: $W \\leftarrow \\fracc{a}{b}$ here.\n") == [
            "content/intro/first.md:4:21: error: invalid math: unknown command \\fracc (did you mean \\frac?)",
        ])
    }

    /// A formula written twice is converted once (`RenderMath`), yet each place it is written gets its own error.
    @Test func aRepeatedInvalidFormulaIsReportedWhereverItIsWritten() throws {
        #expect(try diagnostics("A $\\fracc{a}$ and $\\fracc{a}$, shown $$\\fracc{a}$$.\n") == [
            "content/intro/first.md:4:4: error: invalid math: unknown command \\fracc (did you mean \\frac?)",
            "content/intro/first.md:4:20: error: invalid math: unknown command \\fracc (did you mean \\frac?)",
            "content/intro/first.md:4:40: error: invalid math: unknown command \\fracc (did you mean \\frac?)",
        ])
    }

    /// The memo of formulas compares their bytes: `é` and `e` + U+0301, equal as Swift strings, are two formulas,
    /// each with its own error column (the accent is one character in both, two bytes in the first, three in the other).
    @Test func canonicallyEqualFormulasAreStillTwoFormulas() throws {
        #expect(try diagnostics("$\\text{\u{E9}}\\fracc$ $\\text{e\u{301}}\\fracc$\n") == [
            "content/intro/first.md:4:10: error: invalid math: unknown command \\fracc (did you mean \\frac?)",
            "content/intro/first.md:4:27: error: invalid math: unknown command \\fracc (did you mean \\frac?)",
        ])
        let html = Array(try page("A $\\text{\u{E9}}$ and $\\text{e\u{301}}$.\n").utf8)
        func count(_ bytes: [UInt8]) -> Int {
            (0...(html.count - bytes.count)).filter { html[$0..<($0 + bytes.count)].elementsEqual(bytes) }.count
        }
        // Each spelling is in its formula's MathML and in its TeX annotation.
        #expect(count([0x3E, 0xC3, 0xA9, 0x3C]) == 1)            // >é<
        #expect(count([0x3E, 0x65, 0xCC, 0x81, 0x3C]) == 1)      // >e◌́<
        #expect(count([0x7B, 0xC3, 0xA9, 0x7D]) == 1)            // {é}
        #expect(count([0x7B, 0x65, 0xCC, 0x81, 0x7D]) == 1)      // {e◌́}
    }

    @Test func unclosedMathAndResults() throws {
        #expect(try diagnostics("Cost $$x^2\n\nValue {{ a.b\n") == [
            "content/intro/first.md:4:6: error: display math is not closed: end it with '$$' on the same line",
            "content/intro/first.md:6:7: error: inline result is not closed: add '}}' on the same line",
        ])
    }

    @Test func dollarsInProseAndCodeStayText() throws {
        let html = try page("It costs $5 and $10. Escaped \\$x\\$. Code `$y$`.\n\n```\n$z$\n```\n")
        #expect(html.contains("<p>It costs $5 and $10. Escaped $x$. Code <code>$y$</code>.</p>"))
        #expect(html.contains("<pre tabindex=\"0\" role=\"group\" aria-label=\"Code\"><code>$z$\n</code></pre>"))
        #expect(!html.contains("<math"))
    }

    @Test func mathBecomesMathML() throws {
        let html = try page("Inline $v_t = \\beta v_{t-1} + g_t$ and\n\n$$\\hat m_t = \\frac{m_t}{1-\\beta_1^t}$$\n")
        #expect(html.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\">"))
        #expect(html.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
        #expect(html.contains("<mfrac>"))
        #expect(!html.contains("\u{E000}"))
    }

    /// A formula written twice, inline and as display math, is converted once for each form and shown at every place.
    @Test func aRepeatedFormulaIsShownEveryTimeInItsOwnForm() throws {
        let html = try page("Step $\\eta g$, again $\\eta g$.\n\n$$\\eta g$$\n")
        let inline = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\">"
        let block = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"
        #expect(html.components(separatedBy: inline).count - 1 == 2)
        #expect(html.components(separatedBy: block).count - 1 == 1)
        #expect(html.components(separatedBy: "<mi>η</mi>").count - 1 == 3)
    }

    @Test func emptyAndInvalidUTF8Lessons() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/first.md", "")
        try Data([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]).write(to: URL(fileURLWithPath: "\(site.root)/content/intro/second.md"))
        #expect(site.buildFailure().map(\.description) == [
            "content/intro/first.md:1:1: error: missing front matter: start the file with a '---' line, then at least 'title: …', then '---'",
            "content/intro/second.md:1:1: error: the file is not valid UTF-8: save it as UTF-8",
        ])
    }

    @Test func hostileLabelsAreEscaped() throws {
        let site = try SiteTest(fixture: "basic")
        defer { site.remove() }
        try site.write("content/intro/first.md", "---\ntitle: \"<script>alert(1)</script> & co\"\nsummary: \"\\\"quoted\\\" <b>\"\n---\n## <b>Bold</b> & heading\n")
        try site.build()
        let html = try site.output("intro/first/index.html")
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>"))
        #expect(html.contains("content=\"&quot;quoted&quot; &lt;b&gt;\""))
    }

    @Test func codeInsideCalloutsIsHighlightedToo() throws {
        let html = try page("> [!TIP] Try it\n>\n> ```python\n> print(1)\n> ```\n")
        #expect(html.contains("<aside class=\"callout callout-tip\""))
        #expect(html.contains("<pre tabindex=\"0\" role=\"group\" aria-label=\"Code: python\"><code class=\"language-python\"><span class=\"tok-builtin\">print</span>"))
    }
}
