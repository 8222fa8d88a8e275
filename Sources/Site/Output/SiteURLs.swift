import Foundation

/// Where the site lives, from its base URL: `https://example.org/courses/ml/` gives the origin
/// `https://example.org` and the base path `/courses/ml/`, so canonical
/// `https://example.org/courses/ml/optimisers/`; a bare path such as `/courses/ml/` gives no origin.
/// Only what must name the site's address uses it (canonical and `og:url`, sitemap, feed, the 404
/// page, the preview server's mount point); pages link to each other with `PageLinks`.
public struct SiteURLs: Sendable, Equatable {
    /// Always starts and ends with `/`.
    public let basePath: String
    /// `https://example.org` or empty.
    public let origin: String

    public init(baseURL: String) {
        var rest = baseURL.trimmingCharacters(in: .whitespaces)
        var origin = ""
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            let afterScheme = rest.dropFirst(scheme.count)
            let host = afterScheme.prefix { $0 != "/" }
            origin = String(rest.prefix(scheme.count)) + host
            rest = String(afterScheme.dropFirst(host.count))
        }
        var path = rest
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        while path.contains("//") { path = path.replacingOccurrences(of: "//", with: "/") }
        self.basePath = path
        self.origin = origin
    }

    public func canonical(_ path: String) -> String { origin + basePath + path }
}
