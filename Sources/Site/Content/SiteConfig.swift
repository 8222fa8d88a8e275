import Diagnostics
import LocatedYAML
import Foundation
import Yams
import Bibliography

/// The site config at the project root (`sitegen.yml`): titles, base URL, and the order of modules
/// and lessons.
public struct SiteConfig: Sendable, Equatable {
    /// One module entry: its folder under content/, and optionally its lesson order and status.
    public struct ModuleEntry: Sendable, Equatable {
        public var slug: String
        public var title: String?
        public var summary: String?
        /// Lesson slugs in reading order; lessons not listed follow, by `order` then title.
        public var lessons: [String]?
        /// A module announced but not written yet: listed, never built, shown as "coming soon".
        public var comingSoon: Bool
        public var location: SourceLocation
    }

    public var title: String
    public var track: String
    public var description: String
    public var baseURL: String
    public var language: String
    public var author: String?
    public var modules: [ModuleEntry]
    public var file: String
    /// The BibTeX file lessons cite from, relative to the content folder (`references.bib` by default;
    /// a missing default file means the site cites nothing).
    public var bibliography: String?
    public var bibliographyLocation: SourceLocation?
    /// `[@key]` renders as `[1]` (numbered) or `(Kingma & Ba, 2015)` (author-year).
    public var citationStyle: CitationStyle = .numbered
    /// The repository holding the site's sources (`https://github.com/owner/name`), for "Edit this page"
    /// and "Open in Colab" links; and its branch.
    public var repository: SourceRepository?

    static let keys = ["title", "track", "description", "base_url", "language", "author", "modules",
                       "bibliography", "citation_style", "repository", "repository_branch"]
    static let moduleKeys = ["slug", "title", "summary", "lessons", "status"]

    public static func load(path: String, displayPath: String) throws(Diagnostic) -> SiteConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.error(at: nil, "no site config at \(displayPath): create it with at least 'title:' and a 'modules:' list (see README, 'Content format')")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic.error(at: SourceLocation(file: displayPath, line: 1, column: 1), "the site config is not valid UTF-8")
        }
        return try parse(text, file: displayPath)
    }

    public static func parse(_ text: String, file: String) throws(Diagnostic) -> SiteConfig {
        let doc = try YAMLDocument(text, file: file, lineOffset: 0)
        try doc.checkKeys(keys, what: "the site config")
        guard let title = try doc.string("title"), !title.isEmpty else {
            throw Diagnostic.error(at: doc.start, "the site config needs a 'title'")
        }
        var modules: [ModuleEntry] = []
        if let node = doc.node("modules") {
            guard let sequence = node.sequence else {
                throw Diagnostic.error(at: doc.location(of: node), "'modules' must be a list of module folders (or of mappings with 'slug:')")
            }
            for item in sequence {
                modules.append(try moduleEntry(item, doc: doc))
            }
        }
        var seen: Set<String> = []
        for module in modules where !seen.insert(module.slug).inserted {
            throw Diagnostic.error(at: module.location, "module '\(module.slug)' is listed twice")
        }
        let baseURL = try doc.string("base_url") ?? "/"
        var config = SiteConfig(
            title: title,
            track: try doc.string("track") ?? "",
            description: try doc.string("description") ?? "",
            baseURL: baseURL,
            language: try doc.string("language") ?? "en",
            author: try doc.string("author"),
            modules: modules,
            file: file
        )
        if let path = try doc.string("bibliography") {
            let at = doc.node("bibliography").map(doc.location(of:))
            if path.isEmpty || path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                throw Diagnostic.error(at: at, "'bibliography' is a path inside the content folder, such as references.bib, not '\(path)'")
            }
            config.bibliography = path
            config.bibliographyLocation = at
        }
        if let style = try doc.string("citation_style") {
            guard let known = CitationStyle(rawValue: style) else {
                let names = CitationStyle.allCases.map(\.rawValue)
                throw Diagnostic.error(at: doc.node("citation_style").map(doc.location(of:)),
                                       "'citation_style' is \(names.map { "'\($0)'" }.joined(separator: " or ")), not '\(style)'\(DidYouMean.hint(for: style, among: names))")
            }
            config.citationStyle = known
        }
        if let url = try doc.string("repository") {
            guard let repository = SourceRepository(url: url, branch: try doc.string("repository_branch") ?? "main") else {
                throw Diagnostic.error(at: doc.node("repository").map(doc.location(of:)),
                                       "'repository' is a GitHub repository's address, such as https://github.com/owner/course, not '\(url)'")
            }
            config.repository = repository
        }
        return config
    }

    private static func moduleEntry(_ node: Node, doc: YAMLDocument) throws(Diagnostic) -> ModuleEntry {
        let at = doc.location(of: node)
        if case .scalar = node, let slug = node.string {
            try checkSlug(slug, at: at)
            return ModuleEntry(slug: slug, title: nil, summary: nil, lessons: nil, comingSoon: false, location: at)
        }
        guard let mapping = node.mapping else {
            throw Diagnostic.error(at: at, "a module entry is a folder name or a mapping with 'slug:', not \(YAMLReader.describe(node))")
        }
        try doc.checkKeys(of: node, moduleKeys, what: "a module entry")
        guard let slug = try doc.string("slug", in: mapping) else {
            throw Diagnostic.error(at: at, "a module entry needs 'slug:' (its folder under content/)")
        }
        try checkSlug(slug, at: mapping["slug"].map(doc.location(of:)) ?? at)
        let lessons = try doc.strings("lessons", in: mapping)
        var comingSoon = false
        if let status = try doc.string("status", in: mapping) {
            switch status {
            case "coming-soon": comingSoon = true
            case "published": comingSoon = false
            default:
                throw Diagnostic.error(at: mapping["status"].map(doc.location(of:)) ?? at,
                                       "'status' is 'published' or 'coming-soon', not '\(status)'\(DidYouMean.hint(for: status, among: ["published", "coming-soon"]))")
            }
        }
        return ModuleEntry(slug: slug, title: try doc.string("title", in: mapping), summary: try doc.string("summary", in: mapping),
                           lessons: lessons, comingSoon: comingSoon, location: at)
    }

    static func checkSlug(_ slug: String, at: SourceLocation) throws(Diagnostic) {
        let allowed = slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        if slug.isEmpty || !allowed {
            throw Diagnostic.error(at: at, "'\(slug)' is not a valid folder name for a module: use lowercase letters, digits, '-' and '_'")
        }
    }
}
