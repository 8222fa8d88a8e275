import Diagnostics
import Foundation

/// The sidebar's module entries, each with its HTML (`templates/partials/nav-module.mustache`, shown
/// by `partials/sidebar` as the entry's `html`). Every page lists every module and lesson, so made and
/// rendered page by page the sidebar was most of the template work of a large course; but the entry
/// of a module a page is not in is the same on every page at that depth (its links climb to the site
/// root and go down again, and nothing in it is current), so it is made once per module and depth, when
/// a page first needs it, and shared. The entry of the page's own module, and every entry of the 404
/// page (whose links start at the base path), is made for the page.
///
/// The shared entries' HTML is also kept for the next build (`SidebarCache`), under the hash of the site's
/// outline, which holds everything an entry shows (the templates, the modules' and lessons' titles and paths, the
/// options): an edit that renders one page then renders no module entry at all.
final class SidebarEntries: @unchecked Sendable {
    static let template = "partials/nav-module"

    private let templates: TemplateSet
    private let lock = NSLock()
    /// By module slug and the page's way up to the site root (`../../` on a lesson page). Template
    /// contexts are `Any` dictionaries, which Swift cannot check for sendability: an entry is only read
    /// once stored, under the lock.
    private var shared: [Key: [String: Any]] = [:]
    /// The HTML of shared entries the last build made under the same outline (`SidebarCache`).
    private let kept: [Key: String]

    struct Key: Hashable, Sendable {
        var module: String
        var root: String
    }

    init(templates: TemplateSet, kept: [Key: String] = [:]) {
        self.templates = templates
        self.kept = kept
    }

    /// The HTML of every shared entry this build used, for the next (`SidebarCache`).
    var sharedHTML: [Key: String] {
        lock.withLock { shared.compactMapValues { $0["html"] as? String } }
    }

    /// The entry of `module` on the page `links` is for: `make()`'s dictionary with `html` added (empty
    /// when the templates have no `partials/nav-module`). `isCurrent`: the page belongs to `module`.
    func entry(of module: CourseModule, links: PageLinks, isCurrent: Bool,
               make: () -> [String: Any]) throws(Diagnostic) -> [String: Any] {
        guard !isCurrent, links.style == .relative, !links.page.hasPrefix(module.slug + "/") else {
            return try withHTML(make())
        }
        let key = Key(module: module.slug, root: links.root)
        if let entry = lock.withLock({ shared[key] }) { return entry }
        var entry: [String: Any]
        if let html = kept[key] {
            entry = make()
            entry["html"] = html
        } else {
            entry = try withHTML(make())
        }
        lock.withLock { shared[key] = entry }
        return entry
    }

    private func withHTML(_ entry: [String: Any]) throws(Diagnostic) -> [String: Any] {
        var entry = entry
        var html = ""
        if templates.has(Self.template) {
            html = try templates.render(Self.template, context: entry, itemNames: PageContext.itemNames)
            if html.hasSuffix("\n") { html.removeLast() }
        }
        entry["html"] = html
        return entry
    }
}
