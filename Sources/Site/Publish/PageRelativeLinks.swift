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
        lesson.blocks = Self.rewrite(lesson.blocks, links: PageLinks(page: PageContext.pagePath(of: lesson)))
    }

    static func rewrite(_ blocks: [Block], links: PageLinks) -> [Block] {
        InlineRewriter(rewrite: { inlines in
            inlines.map { inline in
                switch inline {
                case let .link(url, title, content):
                    return .link(url: links.published(url), title: title, content: content)
                case let .image(url, title, alt):
                    return .image(url: links.published(url), title: title, alt: alt)
                case .html(let html):
                    return .html(rewriteHTML(html, links: links))
                default:
                    return inline
                }
            }
        }, htmlBlock: { rewriteHTML($0, links: links) }).blocks(blocks)
    }

    /// `href="/x"`, `src='x/'`, `poster=/x` (quoted or not, any case) in author-written HTML.
    static func rewriteHTML(_ html: String, links: PageLinks) -> String {
        guard html.contains("=") else { return html }
        let attribute = /(?i)(\s(?:href|src|poster)\s*=\s*)(["']?)([^"'\s>]+)/
        return html.replacing(attribute) { match in
            "\(match.output.1)\(match.output.2)\(links.published(String(match.output.3)))"
        }
    }
}
