import Foundation

/// Where a reference in a built page points, as the checker sees it.
enum LinkTarget: Equatable {
    /// Fetched by readers from elsewhere: listed by `sitegen check`, never fetched.
    case external(String)
    /// A file of the built site (path relative to the output folder, folders ending in `/`) and the
    /// fragment after `#`, if any.
    case page(path: String, fragment: String?)
    /// Points outside the site's base path or above its root: always broken.
    case outside(String)
    /// Nothing to check (`tel:`, `data:`, an empty `href`).
    case ignored

    /// Classifies `value` found on the page at `pagePath` (relative to the output, `intro/first/index.html`).
    static func classify(_ value: String, onPage pagePath: String, urls: SiteURLs) -> LinkTarget {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .ignored }
        let lowered = trimmed.lowercased()
        if let scheme = PageLinks.scheme(of: lowered) {
            guard ["http", "https"].contains(scheme) else {
                return scheme == "mailto" ? .external(trimmed) : .ignored
            }
            let home = (urls.origin + urls.basePath).lowercased()
            if !urls.origin.isEmpty, lowered.hasPrefix(home) || lowered + "/" == home {
                return fromSitePath(String(trimmed.dropFirst(min(home.count, trimmed.count))), urls: urls)
            }
            return .external(trimmed)
        }
        if trimmed.hasPrefix("//") { return .external(trimmed) }
        if trimmed.hasPrefix("/") {
            guard trimmed.hasPrefix(urls.basePath) || trimmed + "/" == urls.basePath else { return .outside(trimmed) }
            return fromSitePath(String(trimmed.dropFirst(min(urls.basePath.count, trimmed.count))), urls: urls)
        }
        // Relative to the page's folder.
        let folder = pagePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let (pathPart, fragment) = Self.splitFragment(trimmed)
        if pathPart.isEmpty { return .page(path: pagePath, fragment: fragment) }
        var segments = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        let parts = pathPart.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (index, part) in parts.enumerated() {
            switch part {
            case "..":
                guard !segments.isEmpty else { return .outside(trimmed) }
                segments.removeLast()
            case ".", "":
                if index == parts.count - 1 { segments.append("") }
            default:
                segments.append(part)
            }
        }
        let joined = segments.joined(separator: "/")
        return .page(path: Self.decode(joined), fragment: fragment)
    }

    /// A path below the base path (`intro/first/#x`, `assets/a.css?v=1`).
    private static func fromSitePath(_ rest: String, urls: SiteURLs) -> LinkTarget {
        let (pathPart, fragment) = splitFragment(rest)
        let segments = pathPart.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .outside(urls.basePath + rest) }
        return .page(path: decode(pathPart), fragment: fragment)
    }

    /// `path?query#fragment` → (`path`, `fragment`).
    static func splitFragment(_ text: String) -> (String, String?) {
        var path = Substring(text), fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...]).removingPercentEncoding ?? String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let question = path.firstIndex(of: "?") { path = path[..<question] }
        return (String(path), fragment)
    }

    private static func decode(_ path: String) -> String { path.removingPercentEncoding ?? path }
}
