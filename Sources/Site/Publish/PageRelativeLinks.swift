import Diagnostics
import Markdown

/// Makes the links and images an author wrote portable (see `PageLinks`): a site-root-relative link
/// (`[next](/optimisers/)`) becomes a link from the lesson's page (`../../optimisers/index.html`), and
/// a link to a folder names its `index.html`, so the page works opened from disk and under any
/// sub-path. Fragments, protocol-relative (`//host/x`) and absolute URLs and relative links to files
/// are left alone. Raw HTML that the author wrote in the markdown gets the same treatment for its
/// `href`, `src` and `poster` attributes. Runs right after parsing, before stages add HTML of their own.
public struct PageRelativeLinks: LessonStage {
    public let name = "page-relative links"
    public init() {}

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        Self.rewrite(&lesson.blocks, links: PageLinks(page: PageContext.pagePath(of: lesson)))
    }

    static func rewrite(_ blocks: inout [Block], links: PageLinks) {
        Rewriter(links: links).apply(to: &blocks)
    }

    /// Publishes the URLs of links and images and the attributes of inline and block HTML; nothing else.
    private struct Rewriter: InlineRewriter {
        let links: PageLinks

        func touches(_ node: Inline) -> Bool {
            switch node {
            case .link, .image, .html: true
            default: false
            }
        }

        func rewrite(_ inlines: inout [Inline]) {
            for index in inlines.indices {
                switch inlines[index] {
                case let .link(url, title, content):
                    inlines[index] = .link(url: links.published(url), title: title, content: content)
                case let .image(url, title, alt):
                    inlines[index] = .image(url: links.published(url), title: title, alt: alt)
                case .html(let html):
                    inlines[index] = .html(rewriteHTML(html, links: links))
                default:
                    continue
                }
            }
        }

        func rewrite(htmlBlock html: String) -> String? { rewriteHTML(html, links: links) }
    }

    /// `href="/x"`, `src='x/'`, `poster=/x` (quoted or not, any case) in author-written HTML.
    static func rewriteHTML(_ html: String, links: PageLinks) -> String {
        // The attribute needs an `=`: HTML without one is kept as it is, without asking the pattern.
        guard html.utf8.contains(UInt8(ascii: "=")) else { return html }
        let attribute = /(?i)(\s(?:href|src|poster)\s*=\s*)(["']?)([^"'\s>]+)/
        return html.replacing(attribute) { match in
            "\(match.output.1)\(match.output.2)\(links.published(String(match.output.3)))"
        }
    }
}
