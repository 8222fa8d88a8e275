import Diagnostics

/// The files a static host needs beside the pages: `sitemap.xml`, `robots.txt`, the Atom feed of
/// dated lessons (`feed.xml`) and `404.html` (the page most hosts send for a missing URL, rendered
/// through `templates/404.mustache` and `base`). Its links are root-relative with the base path, so
/// it works at any depth of the site.
struct PublishingFiles {
    static let notFoundPath = "404.html"
    static let notFoundTemplate = "404"

    let pages: PageContext
    let urls: SiteURLs
    let templates: TemplateSet

    /// A body for sites whose templates folder predates `404.mustache`.
    static let fallbackBody = """
    <article class="not-found"><h1>Page not found</h1><p>There is no page at this address.</p>\
    <p><a href="{{root}}">Go to the home page</a></p></article>
    """

    func add(to tree: inout OutputTree) throws(Diagnostic) {
        tree.add(Sitemap.path, Sitemap(urls: urls).xml(pages: Sitemap.pages(in: tree)))
        tree.add(Robots.path, Robots(urls: urls).text)
        let entries = AtomFeed.entries(pages.content)
        if !entries.isEmpty {
            tree.add(AtomFeed.path, AtomFeed(urls: urls, config: pages.content.config).xml(entries: entries))
        }
        tree.add(Self.notFoundPath, try notFoundPage())
    }

    func notFoundPage() throws(Diagnostic) -> String {
        var context = try pages.common(title: "Page not found", description: "", path: Self.notFoundPath,
                                   currentModule: nil, currentLesson: nil, links: PageLinks(page: Self.notFoundPath, style: .fromBasePath(urls.basePath)))
        if templates.has(Self.notFoundTemplate) {
            context["content"] = try templates.render(Self.notFoundTemplate, context: context, itemNames: PageContext.itemNames)
        } else {
            context["content"] = Self.fallbackBody.replacingOccurrences(of: "{{root}}", with: urls.basePath)
        }
        return try templates.render("base", context: context, itemNames: PageContext.itemNames)
    }
}

extension SiteBuilder {
    /// Adds sitemap.xml, robots.txt, feed.xml and 404.html to a rendered tree.
    func addPublishingFiles(to tree: inout OutputTree, pages: PageContext, urls: SiteURLs,
                            templates: TemplateSet) throws(Diagnostic) {
        try PublishingFiles(pages: pages, urls: urls, templates: templates).add(to: &tree)
    }
}
