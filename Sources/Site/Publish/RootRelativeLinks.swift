import Diagnostics
import Markdown

/// Puts the site's base path in front of site-root-relative links and images written in markdown
/// (`[next](/optimisers/)` → `/courses/ml/optimisers/` when the site is served under `/courses/ml/`),
/// so a lesson's links follow `--base-url` as the templates' do. Relative links (`../x/`, `x.py`),
/// fragments, protocol-relative (`//host/x`) and absolute URLs are left alone. Raw HTML that the author
/// wrote in the markdown gets the same treatment for its `href`, `src` and `poster` attributes.
/// Runs right after parsing, before stages add HTML of their own.
public struct RootRelativeLinks: LessonStage {
    public let name = "root-relative links"
    public init() {}

    public func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList) {
        let urls = SiteURLs(baseURL: context.options.baseURL ?? context.site.baseURL)
        guard urls.basePath != "/" else { return }
        lesson.blocks = Self.rewrite(lesson.blocks, urls: urls)
    }

    /// The link as it appears in the built page.
    public static func published(_ url: String, urls: SiteURLs) -> String {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return url }
        return urls.link(String(url.dropFirst()))
    }

    static func rewrite(_ blocks: [Block], urls: SiteURLs) -> [Block] {
        InlineRewriter(rewrite: { inlines in
            inlines.map { inline in
                switch inline {
                case let .link(url, title, content):
                    return .link(url: published(url, urls: urls), title: title, content: content)
                case let .image(url, title, alt):
                    return .image(url: published(url, urls: urls), title: title, alt: alt)
                case .html(let html):
                    return .html(rewriteHTML(html, urls: urls))
                default:
                    return inline
                }
            }
        }, htmlBlock: { rewriteHTML($0, urls: urls) }).blocks(blocks)
    }

    /// `href="/x"`, `src='/x'`, `poster=/x` (quoted or not, any case) in author-written HTML.
    static func rewriteHTML(_ html: String, urls: SiteURLs) -> String {
        guard html.contains("/") else { return html }
        let attribute = /(?i)(\s(?:href|src|poster)\s*=\s*)(["']?)(\/(?!\/)[^"'\s>]*)/
        return html.replacing(attribute) { match in
            "\(match.output.1)\(match.output.2)\(published(String(match.output.3), urls: urls))"
        }
    }
}
