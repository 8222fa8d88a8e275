/// How one page of the built site links to the site's other files: the one place a link is made.
///
/// Ordinary pages link relative to themselves (`../../assets/style.3f2a9c1b.css`, `../index.html`),
/// so the same output folder works opened from disk (`file://`), at a host's root and under any
/// sub-path, without a rebuild. A link to a page names its `index.html`, because a browser reading
/// files from disk shows a folder listing for `optimisers/` where a web server would send the index.
/// The 404 page is the exception: a host serves it for a missing URL at any depth, where relative
/// links would resolve against the missing URL, so it links from the base path
/// (`/courses/ml/assets/…`, `/courses/ml/optimisers/`).
public struct PageLinks: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        /// Relative to the page's folder.
        case relative
        /// Site-root-relative under this base path (starts and ends with `/`).
        case fromBasePath(String)
    }

    /// The page's path below the site root; only its folder matters: `""` and `index.html` (home),
    /// `optimisers/` and `optimisers/index.html`, `404.html`.
    public let page: String
    public let style: Style
    /// The folders `page` is in, from the root, each followed by `/` (`optimisers/adam/`), as UTF-8 bytes, and how
    /// many there are: found once, for every link the page makes.
    private let folderPath: [UInt8]
    private let folderCount: Int

    public init(page: String, style: Style = .relative) {
        self.page = page
        self.style = style
        let bytes = Array(page.utf8)
        folderPath = Array(bytes[..<(bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0)])
        folderCount = folderPath.count { $0 == UInt8(ascii: "/") }
    }

    /// A link to `target`, a path below the site root: `""` (the home page), `optimisers/` (a page),
    /// `assets/style.3f2a9c1b.css` (a file).
    public func to(_ target: String) -> String {
        switch style {
        case .fromBasePath(let basePath):
            return basePath + target
        case .relative:
            let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
            // The folders the file shares with the page, compared as bytes: where both paths have read the same
            // bytes up to a `/`, one more folder is shared (a `/` in the file also means it is not its name).
            var shared = 0, cut = 0
            var bytes = file.utf8.makeIterator()
            for (i, folderByte) in folderPath.enumerated() {
                guard let byte = bytes.next(), byte == folderByte else { break }
                if byte == UInt8(ascii: "/") { (shared, cut) = (shared + 1, i + 1) }
            }
            let rest = file.utf8.dropFirst(cut)
            return String(repeating: "../", count: folderCount - shared) + String(Substring(rest))
        }
    }

    /// The site root as a prefix for paths below it: `../../` on a lesson, `""` on the home page, the
    /// base path on the 404 page.
    public var root: String {
        switch style {
        case .fromBasePath(let basePath): return basePath
        case .relative: return String(repeating: "../", count: folderCount)
        }
    }

    /// A link written by an author, as it appears in this page: site-root-relative links
    /// (`/optimisers/#adam`) become links from this page (`../../optimisers/index.html#adam`), a
    /// relative link to a folder (`../first/`) names its `index.html`, and everything else (fragments,
    /// queries, `//host/x`, `https:`, `mailto:`, relative links to files) is left as written.
    public func published(_ url: String) -> String {
        guard let first = url.first, first != "#", first != "?", !url.hasPrefix("//"), Self.scheme(of: url) == nil else { return url }
        let pathEnd = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        let path = String(url[..<pathEnd]), suffix = String(url[pathEnd...])
        if first == "/" {
            return to(String(path.dropFirst())) + suffix
        }
        let last = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        switch last {
        case "": return path + "index.html" + suffix
        case ".", "..": return path + "/index.html" + suffix
        default: return url
        }
    }

    /// The scheme a URL starts with (`https`, `mailto`, `data`), as written: letters, digits, `+`, `-`
    /// or `.` before the first `:`, starting with a letter. Nil for paths.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return String(scheme)
    }
}
