import Foundation
import Testing
@testable import Site

/// Citations, numbered tables and figures with cross-references, and the lesson's notebook, on small
/// fixtures built end to end.
@Suite struct CitationAndNotebookTests {
    static let bib = """
    @string{iclr = {International Conference on Learning Representations}}
    @inproceedings{kingma2015adam, author = {Kingma, Diederik P. and Ba, Jimmy}, title = {{Adam}: A Method for Stochastic Optimization},
      booktitle = iclr, year = 2015, eprint = {1412.6980}, archiveprefix = {arXiv}}
    @article{nesterov1983, author = {Nesterov, Yurii}, title = {A Method}, journal = {Soviet Math. Dokl.}, year = 1983, doi = {10.1/n}}
    @misc{goyal2017, author = {Goyal, Priya and Doll{\\'a}r, Piotr and others}, title = {Large Minibatch <SGD>}, year = 2017, url = {https://arxiv.org/abs/1706.02677}}
    """

    static let lesson = """
    ---
    title: First
    ---
    Adam [@kingma2015adam] and momentum [@nesterov1983; @kingma2015adam]; warmup [@goyal2017].
    A link [@kingma2015adam](https://example.org/x) and mail a@fig:x stay as they are.

    | optimiser | lr |
    |:--|--:|
    | Adam | 0.001 |

    Table: Defaults with $\\beta_1$. {#tbl:defaults}

    @tbl:defaults shows them, and [@goyal2017] again.

    ```python file="train.py"
    ```
    """

    func site(style: String? = nil, repository: Bool = false) throws -> SiteTest {
        let site = try SiteTest(fixture: "basic")
        try site.write("content/references.bib", Self.bib)
        try site.write("content/intro/first.md", Self.lesson)
        try site.write("content/intro/helpers.py", "import math\nSCALE = 2\n")
        try site.write("content/intro/train.py", "import torch\nimport numpy as np\nfrom sklearn.metrics import r2_score\nfrom helpers import SCALE\nprint(SCALE)\n")
        var config = try site.read("sitegen.yml")
        if let style { config += "citation_style: \(style)\n" }
        if repository { config += "repository: https://github.com/example/course\nrepository_branch: site\n" }
        try site.write("sitegen.yml", config)
        return site
    }

    @Test func numberedCitationsLinkToTheReferencesAndPreviewThem() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let html = try site.output("intro/first/index.html")
        #expect(html.contains("Adam [<span class=\"citation\"><a href=\"#ref-kingma2015adam\" aria-describedby=\"cite-1\">1</a><span class=\"citation-preview\" role=\"tooltip\" id=\"cite-1\">Diederik P. Kingma and Jimmy Ba. 2015. Adam: A Method for Stochastic Optimization. In International Conference on Learning Representations. arXiv:1412.6980</span></span>]"))
        #expect(html.contains("momentum [<span class=\"citation\"><a href=\"#ref-nesterov1983\" aria-describedby=\"cite-2\">2</a>"))
        #expect(html.contains("aria-describedby=\"cite-3\">1</a>"))   // a second citation of [1] keeps its number
        #expect(html.contains("<h2 id=\"references\">"))
        #expect(html.contains("<ol class=\"references\">\n<li id=\"ref-kingma2015adam\">Diederik P. Kingma and Jimmy Ba. 2015. Adam: A Method for Stochastic Optimization. In <em>International Conference on Learning Representations</em>. <a href=\"https://arxiv.org/abs/1412.6980\">arXiv:1412.6980</a></li>\n<li id=\"ref-nesterov1983\">Yurii Nesterov. 1983. A Method. <em>Soviet Math. Dokl.</em> <a href=\"https://doi.org/10.1/n\">doi:10.1/n</a></li>\n<li id=\"ref-goyal2017\">Priya Goyal, Piotr Dollár, et al. 2017. Large Minibatch &lt;SGD&gt;. <a href=\"https://arxiv.org/abs/1706.02677\">https://arxiv.org/abs/1706.02677</a></li>\n</ol>"))
        // A markdown link whose text starts with @ and an e-mail-like word are not citations.
        #expect(html.contains("<a href=\"https://example.org/x\">@kingma2015adam</a>"))
        #expect(html.contains("a@fig:x stay"))
        #expect(try site.builder.render().tree.files.keys.contains("intro/first/index.html"))
    }

    @Test func authorYearIsASiteSetting() throws {
        let site = try site(style: "author-year")
        defer { site.remove() }
        try site.build()
        let html = try site.output("intro/first/index.html")
        #expect(html.contains("momentum (<span class=\"citation\"><a href=\"#ref-nesterov1983\" aria-describedby=\"cite-2\">Nesterov, 1983</a>"))
        #expect(html.contains("aria-describedby=\"cite-3\">Kingma &amp; Ba, 2015</a>"))
        #expect(html.contains("aria-describedby=\"cite-4\">Goyal et al., 2017</a>"))
        // Listed by author: Goyal, Kingma, Nesterov.
        let order = ["ref-goyal2017", "ref-kingma2015adam", "ref-nesterov1983"].compactMap { html.range(of: "<li id=\"\($0)\"")?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
        #expect(html.contains("<ul class=\"references author-year\">"))
    }

    @Test func captionedTablesAreNumberedAndReferencesLinkToThem() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let html = try site.output("intro/first/index.html")
        #expect(html.contains("<figure class=\"table-figure\" id=\"table-defaults\">\n<figcaption>\n<p><span class=\"figure-label\">Table 1.</span> Defaults with <math"))
        #expect(html.contains("<p><a class=\"cross-reference\" href=\"#table-defaults\">Table 1</a> shows them"))
        #expect(try LinkCheckerTestsSupport.problems(site).isEmpty)
    }

    @Test func experimentFiguresAreNumberedInReadingOrder() throws {
        let site = try SiteTest(fixture: "experiments")
        defer { site.remove() }
        let lab = "content/lab/results.md"
        try site.write(lab, try site.read(lab) + "\nSee @fig:tiny-train, after @fig:tiny-schedule.\n")
        try site.build()
        let html = try site.output("lab/results/index.html")
        #expect(html.contains("<figure class=\"experiment\" id=\"experiment-tiny-schedule\">"))
        #expect(html.contains("<figcaption><span class=\"figure-label\">Figure 1.</span>"))
        #expect(html.contains("<figcaption><span class=\"figure-label\">Figure 3.</span>"))
        #expect(html.contains("See <a class=\"cross-reference\" href=\"#experiment-tiny-train\">Figure 3</a>, after <a class=\"cross-reference\" href=\"#experiment-tiny-schedule\">Figure 1</a>."))
        #expect(try LinkCheckerTestsSupport.problems(site).isEmpty)
    }

    @Test func theNotebookHasTheStructureNbformat4Requires() throws {
        let site = try site(repository: true)
        defer { site.remove() }
        try site.build()
        let data = try #require(try site.read("public/intro/first/first.ipynb").data(using: .utf8))
        let notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // nbformat 4.5's required keys and types (nbformat.v4.schema.json).
        #expect(Set(notebook.keys) == ["cells", "metadata", "nbformat", "nbformat_minor"])
        #expect(notebook["nbformat"] as? Int == 4)
        #expect(notebook["nbformat_minor"] as? Int == 5)
        let metadata = try #require(notebook["metadata"] as? [String: Any])
        let kernel = try #require(metadata["kernelspec"] as? [String: String])
        #expect(kernel["name"] == "python3" && kernel["display_name"] == "Python 3")
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        var ids: Set<String> = []
        for cell in cells {
            let id = try #require(cell["id"] as? String)
            #expect(id.range(of: "^[a-zA-Z0-9-_]{1,64}$", options: .regularExpression) != nil)
            ids.insert(id)
            #expect(cell["metadata"] is [String: Any])
            let source = try #require(cell["source"] as? [String])
            #expect(source.dropLast().allSatisfy { $0.hasSuffix("\n") })
            switch cell["cell_type"] as? String {
            case "markdown":
                #expect(Set(cell.keys) == ["cell_type", "id", "metadata", "source"])
            case "code":
                #expect(Set(cell.keys) == ["cell_type", "execution_count", "id", "metadata", "outputs", "source"])
                #expect(cell["execution_count"] is NSNull)
                #expect((cell["outputs"] as? [Any])?.isEmpty == true)   // no pasted results
            default:
                Issue.record("unknown cell type \(String(describing: cell["cell_type"]))")
            }
        }
        #expect(ids.count == cells.count)
        let text = cells.map { ($0["cell_type"] as? String ?? "") + ": " + (($0["source"] as? [String]) ?? []).joined() }
        #expect(text == [
            "markdown: # First",
            "code: # The packages the scripts below import\n%pip install --quiet numpy scikit-learn torch",
            "code: %%writefile helpers.py\nimport math\nSCALE = 2",
            "markdown: Adam [1] and momentum [2, 1]; warmup [3].\nA link [@kingma2015adam](https://example.org/x) and mail a@fig:x stay as they are.\n\n| optimiser | lr |\n|:--|--:|\n| Adam | 0.001 |\n\nTable: Defaults with $\\beta_1$. {#tbl:defaults}\n\nTable 1 shows them, and [3] again.",
            "code: import torch\nimport numpy as np\nfrom sklearn.metrics import r2_score\nfrom helpers import SCALE\nprint(SCALE)",
            "markdown: ## References\n\n1. Diederik P. Kingma and Jimmy Ba. 2015. Adam: A Method for Stochastic Optimization. In *International Conference on Learning Representations*. [arXiv:1412.6980](https://arxiv.org/abs/1412.6980)\n2. Yurii Nesterov. 1983. A Method. *Soviet Math. Dokl.* [doi:10.1/n](https://doi.org/10.1/n)\n3. Priya Goyal, Piotr Dollár, et al. 2017. Large Minibatch <SGD>. [https://arxiv.org/abs/1706.02677](https://arxiv.org/abs/1706.02677)",
        ])
        let html = try site.output("intro/first/index.html")
        #expect(html.contains("<p class=\"lesson-actions\"><a href=\"first.ipynb\" download>Download as notebook</a> · <a href=\"https://colab.research.google.com/github/example/course/blob/site/public/intro/first/first.ipynb\">Open in Colab</a> · <a href=\"https://github.com/example/course/edit/site/content/intro/first.md\">Edit this page</a></p>"))
    }

    @Test func calloutsBecomeQuotesAndSharedScriptsAreWrittenToDisk() {
        #expect(LessonNotebook.callout("> [!TIP] A default") == "> **A default**\n>")
        #expect(LessonNotebook.callout("> [!NOTE]") == "> **Note**\n>")
        #expect(LessonNotebook.callout("> [!TAKEAWAYS]") == "> **Key takeaways**\n>")
        #expect(LessonNotebook.callout("> [!UNKNOWN] x") == "> [!UNKNOWN] x")
        #expect(LessonNotebook.callout(" > > [!WARNING] Nested") == " > > **Nested**\n > >")
        #expect(LessonNotebook.callout("> [!\u{301}NOTE]") == "> [!\u{301}NOTE]")
        #expect(["> [!x", ">[!", " > > [!"].allSatisfy(LessonNotebook.mayBeAlert))
        #expect(!["", "  [!NOTE]", "> [x", "> ", "[!NOTE]", "> a [!NOTE]"].contains(where: LessonNotebook.mayBeAlert))
        #expect(LessonNotebook.imports("import torch.nn as nn\nfrom sklearn.metrics import x\nimport os, math\n") == ["torch", "sklearn", "os", "math"])
    }
}

/// The link checker over a built fixture, as `sitegen check` runs it.
enum LinkCheckerTestsSupport {
    static func problems(_ site: SiteTest) throws -> [String] {
        try SiteCheck(paths: site.paths, options: site.options).run().problems.map(\.description)
    }
}

/// The `citations` fixture (also built by scripts/html-check.sh for the Nu checker): author-year style,
/// accents, a citation inside a table caption and a callout, and a caption before its table.
@Suite struct CitationFixtureTests {
    @Test func authorYearReferencesAreSortedIgnoringAccentsAndCaptionsMayComeFirst() throws {
        let site = try SiteTest(fixture: "citations")
        defer { site.remove() }
        try site.build()
        let html = try site.output("papers/reading/index.html")
        let order = ["ref-goedel1931", "ref-goodfellow2016deep", "ref-kingma2015adam", "ref-pytorch"]
            .compactMap { html.range(of: "<li id=\"\($0)\"")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
        #expect(html.contains("aria-describedby=\"cite-6\">Gödel, 1931</a>"))   // inside the callout
        #expect(html.contains("<span class=\"figure-label\">Table 1.</span> Adam's defaults (<span class=\"citation\">"))
        #expect(html.contains("<figure class=\"table-figure\" id=\"table-sizes\">\n<figcaption>\n<p><span class=\"figure-label\">Table 2.</span> Network sizes.</p>"))
        #expect(html.contains("Kurt Gödel. 1931. Über formal unentscheidbare Sätze. <em>Monatshefte für Mathematik und Physik</em>, 38, 173–198."))
        #expect(html.contains("<a href=\"https://github.com/example/citation-course/edit/main/content/papers/reading.md\">Edit this page</a>"))
        #expect(try LinkCheckerTestsSupport.problems(site).isEmpty)
    }
}
