import Diagnostics
import Foundation
import Markdown

/// Checks every reference of a built site: internal links, `#anchors` (the id must exist on the
/// target page), images, scripts and stylesheets must resolve to files of the build; external links
/// (`http`, `https`, `mailto`) are listed, never fetched. A broken reference written in a lesson is
/// reported at its line in the markdown file; one from a template, at its line in the output page.
public struct LinkChecker {
    public var tree: OutputTree
    public var urls: SiteURLs
    /// Lessons by the output page they produce (`intro/first/index.html`), with their parsed blocks.
    public var sources: [String: Lesson]
    /// How the output folder is named in messages (`public`).
    public var outputDisplay: String

    public init(tree: OutputTree, urls: SiteURLs, sources: [String: Lesson], outputDisplay: String) {
        self.tree = tree
        self.urls = urls
        self.sources = sources
        self.outputDisplay = outputDisplay
    }

    public func run() -> LinkCheckReport {
        var report = LinkCheckReport()
        var idsByPage: [String: Set<String>] = [:]
        var scanned: [String: HTMLReferences] = [:]
        func references(_ page: String) -> HTMLReferences? {
            if let cached = scanned[page] { return cached }
            guard let html = tree[page] else { return nil }
            let found = HTMLReferences(html: html)
            scanned[page] = found
            idsByPage[page] = found.ids
            return found
        }
        let pages = tree.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        for page in pages {
            guard let found = references(page) else { continue }
            var finder = SourceFinder(lesson: sources[page])
            for reference in found.references {
                report.checked += 1
                // Looked up only for references that are reported, so working template links (the
                // sidebar's) never take the place of a lesson's link to the same URL.
                var location: SourceLocation { finder.location(of: reference) ?? outputLocation(page, reference) }
                switch LinkTarget.classify(reference.value, onPage: page, urls: urls) {
                case .ignored:
                    continue
                case .external(let url):
                    report.external.append(ExternalLink(url: url, location: location))
                case .outside(let url):
                    report.problems.append(.error(at: location, "broken link '\(reference.value)': \(url) is outside the site (its base path is \(urls.basePath))"))
                case let .page(path, fragment):
                    guard let file = resolve(path) else {
                        report.problems.append(.error(at: location, "broken \(Self.noun(reference)) '\(reference.value)': the site has no file \(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path) (checked \(outputDisplay)/\(page))"))
                        continue
                    }
                    if page != PublishingFiles.notFoundPath, let reason = Self.notPortable(reference.value, resolvedTo: file, path: path) {
                        report.warnings.append(.warning(at: location, "'\(reference.value)' \(reason)"))
                    }
                    guard let fragment, !fragment.isEmpty, file.hasSuffix(".html") else { continue }
                    _ = references(file)
                    if !(idsByPage[file] ?? []).contains(fragment) {
                        let target = file == page ? "this page" : file
                        report.problems.append(.error(at: location, "broken anchor '#\(fragment)' in '\(reference.value)': no element on \(target) has id=\"\(fragment)\"\(DidYouMean.hint(for: fragment, among: (idsByPage[file] ?? []).sorted()))"))
                    }
                }
            }
        }
        return report
    }

    /// The file a site path names: `x/` → `x/index.html`; `x` → `x`, or `x/index.html` (served
    /// through a redirect).
    func resolve(_ path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return tree.files[index] != nil ? index : nil
        }
        if tree.files[path] != nil { return path }
        return tree.files[path + "/index.html"] != nil ? path + "/index.html" : nil
    }

    /// Why a working link would break once the site is opened from disk or moved to another path, if it would.
    static func notPortable(_ value: String, resolvedTo file: String, path: String) -> String? {
        if value.hasPrefix("/"), !value.hasPrefix("//") {
            return "is root-relative: it works only where the site is served at this base path, not opened from disk or moved; link relative to the page (in a template, from {{root}})"
        }
        if PageLinks.scheme(of: value) == nil, !value.hasPrefix("//"), file.hasSuffix("index.html"), file != path {
            return "names a folder: opened from disk a browser shows a folder listing there, not its index.html; name the index.html in the link"
        }
        return nil
    }

    private func outputLocation(_ page: String, _ reference: HTMLReferences.Reference) -> SourceLocation {
        SourceLocation(file: "\(outputDisplay)/\(page)", line: reference.line, column: reference.column)
    }

    private static func noun(_ reference: HTMLReferences.Reference) -> String {
        switch reference.tag {
        case "img", "source", "picture": return "image"
        case "script", "link": return "asset"
        default: return "link"
        }
    }
}

/// What `sitegen check` found.
public struct LinkCheckReport: Sendable {
    /// Broken references, each at its source.
    public var problems: [Diagnostic] = []
    /// References that work when served but not opened from disk (root-relative, or naming a folder).
    public var warnings: [Diagnostic] = []
    /// External links in page order (not fetched).
    public var external: [ExternalLink] = []
    /// References looked at.
    public var checked = 0
    /// With `check --strict`: the unguarded claims, as errors (otherwise they are among the warnings).
    public var claims: [Diagnostic] = []

    public init() {}
}

/// An external URL and where it was written.
public struct ExternalLink: Sendable, Equatable {
    public var url: String
    public var location: SourceLocation
}
