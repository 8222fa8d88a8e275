import Foundation
import Testing
@testable import Site
import TestSupport

/// The reader-facing features of a built page (landmarks, navigation, lesson furniture, code, math,
/// tables, metadata) on the `features` fixture, and the stylesheet's promises (contrast, themes, print).
@Suite struct PageFeatureTests {
    /// Builds the fixture once per test and returns (site, lesson page HTML).
    private func built() throws -> (SiteTest, String) {
        let site = try SiteTest(fixture: "features")
        try site.build()
        return (site, try site.output("course/tour/index.html"))
    }

    @Test func everyPageHasLandmarksAndASkipLink() throws {
        let (site, _) = try built()
        defer { site.remove() }
        for page in ["index.html", "course/index.html", "course/tour/index.html", "course/second/index.html"] {
            let html = try site.output(page)
            #expect(html.contains("<a class=\"skip-link\" href=\"#main\">Skip to content</a>"), "\(page)")
            #expect(html.contains("<header class=\"site-header\">"), "\(page)")
            #expect(html.contains("<nav class=\"sidebar\" aria-label=\"Course contents\">"), "\(page)")
            #expect(html.contains("<main id=\"main\" tabindex=\"-1\">"), "\(page)")
            #expect(html.contains("<footer class=\"site-footer\">"), "\(page)")
            #expect(html.components(separatedBy: "<main").count == 2, "\(page): exactly one <main>")
            #expect(html.components(separatedBy: "<h1>").count == 2, "\(page): exactly one <h1>")
            let skip = try #require(html.range(of: "class=\"skip-link\""))
            let header = try #require(html.range(of: "<header class=\"site-header\">"))
            #expect(skip.lowerBound < header.lowerBound, "\(page): the skip link comes first")
        }
    }

    @Test func headerNamesTheCourseAndTrack() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<a class=\"site-title\" href=\"../../index.html\">Feature Course</a>"))
        #expect(html.contains("<span class=\"site-track\">Design track</span>"))
    }

    @Test func themeToggleIsHiddenUntilScriptedAndTheChoiceIsRestoredBeforePaint() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<button class=\"theme-toggle\" type=\"button\" hidden aria-label=\"Switch colour theme\""))
        #expect(html.contains("<meta name=\"color-scheme\" content=\"light dark\">"))
        let restore = try #require(html.range(of: "localStorage.getItem(\"sitegen-theme\")"))
        let stylesheet = try #require(html.range(of: "<link rel=\"stylesheet\""))
        let body = try #require(html.range(of: "<body>"))
        #expect(stylesheet.lowerBound < restore.lowerBound && restore.lowerBound < body.lowerBound)
        let script = try site.output(try #require(assetPath(in: html, suffix: ".js")))
        #expect(script.contains("localStorage.setItem(\"sitegen-theme\", next)"))
        #expect(script.contains("toggle.hidden = false"))
    }

    @Test func sidebarMarksTheCurrentLessonAndModule() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<li><a href=\"index.html\" aria-current=\"page\">A tour of the furniture</a></li>"))
        #expect(html.contains("<li><a href=\"../second/index.html\">Second lesson</a></li>"))
        #expect(html.contains("<a href=\"../index.html\" aria-current=\"true\">Course module</a>"))
        #expect(html.contains("<span class=\"nav-soon\">Upcoming module <small>coming soon</small></span>"))
        let module = try site.output("course/index.html")
        #expect(module.contains("<a href=\"index.html\" aria-current=\"page\">Course module</a>"))
        #expect(!module.contains("aria-current=\"true\""))
        let index = try site.output("index.html")
        #expect(!index.contains("aria-current"))
    }

    @Test func lessonHeaderShowsTitleSummaryReadingTimeAndDate() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<h1>A tour of the furniture</h1>"))
        #expect(html.contains("<p class=\"lesson-summary\">Callouts, questions, comparison cards, math, code and an experiment.</p>"))
        #expect(html.contains("<span>12 min read</span> · <time datetime=\"2026-04-01\">1 April 2026</time>"))
        #expect(html.contains("<p class=\"lesson-module\"><a href=\"../index.html\">Course module</a></p>"))
    }

    @Test func tableOfContentsLinksEverySectionInOrder() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<nav class=\"toc\" aria-label=\"On this page\">"))
        #expect(html.contains(
            "<li><a href=\"#callouts\">Callouts</a></li><li><a href=\"#questions-and-comparisons\">Questions and comparisons</a></li>"
            + "<li class=\"toc-sub\"><a href=\"#code\">Code</a></li><li><a href=\"#an-experiment\">An experiment</a></li>"))
        for id in ["callouts", "questions-and-comparisons", "code", "an-experiment"] {
            #expect(html.contains(" id=\"\(id)\">"), "heading #\(id) exists")
        }
        // A lesson without headings has no empty TOC box.
        #expect(!(try site.output("course/second/index.html")).contains("class=\"toc\""))
    }

    @Test func previousNextAndNextModuleCard() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<nav class=\"pager\" aria-label=\"Lessons\">"))
        #expect(html.contains("<a class=\"pager-next\" href=\"../second/index.html\" rel=\"next\"><small>Next</small>Second lesson</a>"))
        #expect(!html.contains("pager-prev"))
        #expect(!html.contains("next-module"))  // only the module's last lesson shows the next module
        let last = try site.output("course/second/index.html")
        #expect(last.contains("<a class=\"pager-prev\" href=\"../tour/index.html\" rel=\"prev\"><small>Previous</small>A tour of the furniture</a>"))
        #expect(last.contains("<div class=\"next-module is-soon\">"))
        #expect(last.contains("<strong>Upcoming module</strong>"))
        #expect(last.contains("<p>Not written yet.</p>"))
        #expect(last.contains("<span class=\"badge\">coming soon</span>"))
    }

    @Test func calloutsOfEveryKindWithTitles() throws {
        let (site, html) = try built()
        defer { site.remove() }
        let expected = [
            ("note", "Note", "Note"), ("tip", "Tip", "A titled tip"), ("important", "Important", "Important"),
            ("warning", "Warning", "Warning"), ("caution", "Caution", "Caution"), ("analogy", "Analogy", "Hikers in fog"),
        ]
        for (kind, label, title) in expected {
            #expect(html.contains("<aside class=\"callout callout-\(kind)\" aria-label=\"\(label)\">\n<p class=\"callout-title\">\(title)</p>"), "\(kind)")
        }
        let css = try stylesheet(site, html)
        for (kind, _, _) in expected {
            #expect(css.contains(".callout-\(kind) {"), "the stylesheet styles .callout-\(kind)")
        }
    }

    @Test func questionAnswerCompareCardsAndTakeaways() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<details class=\"qa\">\n<summary>Why does the loss jump?</summary>\n<p>Because the learning rate is too large.</p>\n</details>"))
        #expect(html.contains("<div class=\"compare\">\n<section class=\"compare-card\">\n<h3>SGD</h3>\n<p>One learning rate for every weight.</p>\n</section>\n<section class=\"compare-card\">\n<h3>Adam</h3>"))
        #expect(html.contains("<aside class=\"takeaways\" aria-label=\"Key takeaways\">\n<p class=\"callout-title\">Key takeaways</p>\n<ul>\n<li>Everything renders without JavaScript.</li>"))
    }

    @Test func codeHasATitleAndHighlightingClassesTheStylesheetColours() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<div class=\"code-block\">\n<div class=\"code-title\">train.py</div>\n<pre tabindex=\"0\" role=\"group\" aria-label=\"Code: train.py\"><code class=\"language-python\">"))
        #expect(html.contains("<span class=\"tok-keyword\">import</span> torch"))
        #expect(html.contains("<span class=\"tok-keyword\">def</span> <span class=\"tok-function\">step</span>"))
        #expect(html.contains("<span class=\"tok-number\">2</span>"))
        #expect(html.contains("<span class=\"tok-comment\"># double it</span>"))
        // Every token class the highlighter emits has a rule (operators and punctuation take the text's colour and
        // get no span).
        #expect(!html.contains("tok-operator") && !html.contains("tok-punctuation"))
        let css = try stylesheet(site, html)
        let coloured = ["keyword", "string", "number", "comment", "builtin", "decorator", "constant", "type", "variable",
                        "function", "class", "interpolation", "key", "anchor", "option", "prompt", "output"]
        for kind in coloured {
            #expect(css.contains(".tok-\(kind) {") || css.contains(".tok-\(kind),") || css.contains(", .tok-\(kind) {"), "tok-\(kind)")
        }
    }

    @Test func mathIsMathMLWithItsTeXSource() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\"><semantics><mrow><msub><mi>β</mi><mn>1</mn></msub>"))
        // A display formula sits in a focusable box that scrolls sideways when the formula is wider than the page.
        #expect(html.contains("<span class=\"math-block\" tabindex=\"0\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"))
        #expect(html.contains("<annotation encoding=\"application/x-tex\">\\beta_1 = 0.9</annotation>"))
        #expect(try stylesheet(site, html).contains(".math-block { display: block; overflow-x: auto;"))
    }

    @Test func tablesHaveCaptionsAndHeaderScopes() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<div class=\"table-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"Table: SGD with momentum, step by step\"><table class=\"results\">\n<caption>SGD with momentum, step by step</caption>\n<thead>\n<tr><th scope=\"col\" class=\"num\">Step</th><th scope=\"col\" class=\"num\">Weights W</th></tr>"))
        #expect(html.contains("<table class=\"chart-table\">\n<caption>Correction factors</caption>"))
        let tables = html.components(separatedBy: "<table").count - 1
        #expect(tables == 2)
        #expect(html.components(separatedBy: "<caption>").count - 1 == tables, "every table has a caption")
        #expect(!html.contains("<th>"), "every header cell has a scope")
    }

    @Test func everyFigureHasATextAlternative() throws {
        let (site, html) = try built()
        defer { site.remove() }
        #expect(html.contains("<figure class=\"experiment\" id=\"experiment-factors\">"))
        #expect(html.contains("role=\"img\" aria-labelledby=\"chart-factors-title chart-factors-desc\">\n<title id=\"chart-factors-title\">Correction factors</title>\n<desc id=\"chart-factors-desc\">"))
        #expect(html.contains("<details class=\"chart-data\"><summary>The data behind the chart</summary>"))
        let figures = html.components(separatedBy: "<figure").count - 1
        #expect(figures == 2)
        #expect(html.components(separatedBy: "<figcaption>").count - 1 == figures)
        #expect(html.components(separatedBy: "<svg").count - 1 == html.components(separatedBy: "role=\"img\" aria-labelledby=").count - 1)
    }

    @Test func metaDescriptionAndCanonicalOnEveryPage() throws {
        let (site, _) = try built()
        defer { site.remove() }
        let pages: [(String, String, String)] = [
            ("index.html", "A fixture that uses every piece of lesson furniture once.", "https://example.org/learn/"),
            ("course/index.html", "Two lessons that show every feature of a page.", "https://example.org/learn/course/"),
            ("course/tour/index.html", "Callouts, questions, comparison cards, math, code and an experiment.", "https://example.org/learn/course/tour/"),
        ]
        for (page, description, canonical) in pages {
            let html = try site.output(page)
            #expect(html.contains("<meta name=\"description\" content=\"\(description)\">"), "\(page)")
            #expect(html.contains("<link rel=\"canonical\" href=\"\(canonical)\">"), "\(page)")
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), "\(page)")
        }
    }

    @Test func noBuiltFileRequestsAnythingOutsideTheSite() throws {
        let (site, _) = try built()
        defer { site.remove() }
        let tree = try site.outputTree()
        #expect(tree.keys.contains { $0.hasSuffix(".css") } && tree.keys.contains { $0.hasSuffix(".js") })
        let reference = try Regex(#"(?:\s(?:href|src|srcset|action|poster|data|xlink:href)\s*=\s*["']([^"']*)["'])|url\(\s*["']?([^"')]*)|@import\s+["']([^"']*)"#)
        var checked = 0
        for (path, data) in tree where [".html", ".css", ".js", ".svg"].contains(where: path.hasSuffix) {
            let text = String(decoding: data, as: UTF8.self)
                .replacingOccurrences(of: #"<link rel="canonical" href="[^"]*">"#, with: "", options: .regularExpression)
            for match in text.matches(of: reference) {
                let value = [match.output[1].substring, match.output[2].substring, match.output[3].substring]
                    .compactMap { $0 }.first.map(String.init) ?? ""
                checked += 1
                let lower = value.lowercased().trimmingCharacters(in: .whitespaces)
                let external = lower.hasPrefix("//") || (lower.range(of: #"^[a-z][a-z0-9+.-]*:"#, options: .regularExpression) != nil
                    && !lower.hasPrefix("data:"))
                #expect(!external, "\(path) refers to \(value)")
            }
            for call in ["fetch(", "XMLHttpRequest", "import(", "sendBeacon", "new WebSocket"] {
                #expect(!text.contains(call), "\(path) makes a request with \(call)")
            }
        }
        #expect(checked > 20)
    }

    @Test func stylesheetHasUtilitiesReducedMotionAndAPrintStyle() throws {
        let (site, html) = try built()
        defer { site.remove() }
        let css = try stylesheet(site, html)
        #expect(css.contains(".visually-hidden { position: absolute !important; width: 1px; height: 1px;"))
        #expect(css.contains(".table-scroll { overflow-x: auto;") && css.contains("position: relative; }"),
                "a visually hidden cell note cannot escape its scrolling table")
        #expect(css.contains(":focus-visible { outline: 3px solid var(--accent);"))
        let print = try #require(css.range(of: "@media print {")).upperBound
        let printRules = String(css[print...])
        #expect(printRules.contains(".site-header, .sidebar, .toc, .pager,") && printRules.contains("display: none !important;"))
        #expect(printRules.contains("figure, table, pre, .chart,") && printRules.contains("break-inside: avoid;"))
    }

    /// The asset a lesson page (two folders deep) links to: `../../assets/style.<hash>.css` → `assets/style.<hash>.css`.
    private func assetPath(in html: String, suffix: String) -> String? {
        let pattern = "\"\\.\\./\\.\\./assets/[^\"]+\\\(suffix)\""
        guard let range = html.range(of: pattern, options: .regularExpression) else { return nil }
        return String(html[range].dropFirst("\"../../".count).dropLast())
    }

    private func stylesheet(_ site: SiteTest, _ html: String) throws -> String {
        try site.output(try #require(assetPath(in: html, suffix: ".css")))
    }
}

/// WCAG contrast of the stylesheet's two palettes, read from templates/assets/style.css.
@Suite struct PaletteContrastTests {
    static let css: String = (try? String(contentsOfFile: "\(Repository.root)/templates/assets/style.css", encoding: .utf8)) ?? ""

    /// `--name: #rrggbb` declarations of the first rule block opened by `selector`.
    static func palette(_ selector: String) -> [String: String] {
        guard let start = css.range(of: selector), let open = css[start.lowerBound...].firstIndex(of: "{"),
              let close = css[open...].firstIndex(of: "}") else { return [:] }
        var result: [String: String] = [:]
        for match in css[open..<close].matches(of: /--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})/) {
            result[String(match.output.1)] = String(match.output.2)
        }
        return result
    }

    /// Relative luminance of an sRGB colour, WCAG 2.x: linearise each channel, then weight 0.2126 R + 0.7152 G + 0.0722 B.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let bytes: [Int] = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF]
        let channels: [Double] = bytes.map { byte -> Double in
            let c = Double(byte) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let red: Double = 0.2126 * channels[0]
        let green: Double = 0.7152 * channels[1]
        let blue: Double = 0.0722 * channels[2]
        return red + green + blue
    }

    /// (L_lighter + 0.05) / (L_darker + 0.05).
    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func contrastFormulaMatchesKnownValues() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(Self.contrast("#767676", "#ffffff") - 4.54) < 0.01)  // the classic lightest AA grey on white
    }

    @Test func palettesAreReadFromTheirOwnBlocks() {
        #expect(Self.palette(":root {")["bg"] == "#ffffff")
        #expect(Self.palette(":root[data-theme=\"dark\"]")["bg"] == "#15171a")
    }

    @Test func bothDarkBlocksAreIdentical() throws {
        let system = Self.palette(":root:not([data-theme=\"light\"])")
        let chosen = Self.palette(":root[data-theme=\"dark\"]")
        #expect(system.count >= 30)
        #expect(system == chosen)
    }

    @Test(arguments: ["light", "dark"]) func textMeetsWCAGAAOnEveryBackground(theme: String) throws {
        let light = Self.palette(":root {")
        let colours = theme == "light" ? light : light.merging(Self.palette(":root[data-theme=\"dark\"]")) { $1 }
        var pairs: [(String, String, Double)] = [("bg", "accent", 4.5)]  // skip link
        let texts = ["fg", "fg-soft", "accent", "ok", "warn", "danger", "important", "analogy"] + colours.keys.filter { $0.hasPrefix("tok-") }
        for text in texts {
            for background in ["bg", "bg-soft", "bg-code"] { pairs.append((text, background, 4.5)) }
        }
        for text in ["fg", "fg-soft", "accent"] {
            for background in ["accent-soft", "mark", "chart-bg"] { pairs.append((text, background, 4.5)) }
        }
        // Series colours also colour legend and line labels, so they are held to the text threshold.
        for n in 1...8 { pairs.append(("chart-series-\(n)", "chart-bg", 4.5)) }
        #expect(pairs.count > 60)
        for (text, background, minimum) in pairs {
            let fore = try #require(colours[text], "--\(text) is defined")
            let back = try #require(colours[background], "--\(background) is defined")
            let ratio = Self.contrast(fore, back)
            #expect(ratio >= minimum, "\(theme): --\(text) \(fore) on --\(background) \(back) is \(ratio), below \(minimum)")
        }
    }

    @Test func everyCustomPropertyUsedIsDefined() {
        // --shown-lines is set on each folded listing by its own style attribute (FoldedListing).
        let defined = Set(Self.palette(":root {").keys).union(["font-body", "font-ui", "font-mono", "measure", "figure-max", "header-height",
                                                               "shown-lines"])
        for match in Self.css.matches(of: /var\(--([a-z0-9-]+)/) {
            #expect(defined.contains(String(match.output.1)), "var(--\(match.output.1)) has a value in :root")
        }
    }
}

