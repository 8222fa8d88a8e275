import Foundation

/// Turns page paths into links under the site's base URL: `https://example.org/courses/ml/` gives
/// links `/courses/ml/optimisers/` and canonical `https://example.org/courses/ml/optimisers/`;
/// a bare path such as `/courses/ml/` gives the same links and root-relative canonicals.
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

    /// A page or file path relative to the site root (`optimisers/`, `assets/x.css`) as a link.
    public func link(_ path: String) -> String { basePath + path }

    public func canonical(_ path: String) -> String { origin + basePath + path }
}
