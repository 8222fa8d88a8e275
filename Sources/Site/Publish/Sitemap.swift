import Escaping

/// `sitemap.xml`: every page of the build (each `…/index.html`), in path order, with no dates, so
/// the file changes only when pages are added or removed. URLs are absolute when the base URL has
/// an origin (`https://example.org/courses/ml/`); with a bare path they are root-relative, which
/// search engines ignore but which still lists the pages.
public struct Sitemap: Sendable {
    public static let path = "sitemap.xml"

    public var urls: SiteURLs

    public init(urls: SiteURLs) {
        self.urls = urls
    }

    /// Page paths (`""`, `intro/`, `intro/first/`) of the HTML pages in `tree`.
    public static func pages(in tree: OutputTree) -> [String] {
        tree.files.keys
            .filter { $0 == "index.html" || $0.hasSuffix("/index.html") }
            .filter { !$0.hasPrefix("assets/") }
            .map { String($0.dropLast("index.html".count)) }
            .sorted()
    }

    public func xml(pages: [String]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            out += "  <url><loc>\(HTMLEscape.xml(urls.canonical(page)))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}

/// `robots.txt`: allows everything and, when the sitemap's URLs are absolute, points at it.
/// Crawlers read it only at a host's root, so a site deployed under a sub-path should have its
/// lines merged into the host's own file.
public struct Robots: Sendable {
    public static let path = "robots.txt"

    public var urls: SiteURLs

    public init(urls: SiteURLs) {
        self.urls = urls
    }

    public var text: String {
        var out = "User-agent: *\nAllow: /\n"
        if !urls.origin.isEmpty {
            out += "\nSitemap: \(urls.canonical(Sitemap.path))\n"
        }
        return out
    }
}
