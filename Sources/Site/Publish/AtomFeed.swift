import Hashing
import Escaping

/// `feed.xml`: an Atom feed (RFC 4287) of the lessons that have a `date`, newest first, so readers can
/// follow a course as it grows. Like the sitemap it holds no build time: the feed's `updated` is the
/// newest lesson's date, and the same sources give the same bytes.
///
/// With an origin in the base URL (`https://example.org/courses/ml/`) every link and id is absolute.
/// Without one the links are relative to the feed (`optimisers/optimisers/index.html`), which readers
/// resolve against the address they fetched it from, and the ids, which must be absolute IRIs that
/// never change, are `urn:uuid:`s derived from the site title and the page's path.
struct AtomFeed {
    static let path = "feed.xml"

    var urls: SiteURLs
    var config: SiteConfig

    /// A dated lesson and its module, as the feed lists it.
    struct Entry {
        var lesson: Lesson
        var module: CourseModule
        var date: String
    }

    /// Whether `entries(content)` has any: a lesson with a date in a module that is not coming soon (asked by
    /// every build, which need not sort the entries for it).
    static func hasEntries(_ content: SiteContent) -> Bool {
        var lessons = dated(content).makeIterator()
        return lessons.next() != nil
    }

    /// Lessons with a date, newest first; lessons of one day keep their course order.
    static func entries(_ content: SiteContent) -> [Entry] {
        Array(dated(content)).enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date > b.element.date : a.offset < b.offset
        }.map(\.element)
    }

    /// The lessons with a date, in course order, in the modules that are not coming soon: made as they are asked for.
    private static func dated(_ content: SiteContent) -> some Sequence<Entry> {
        content.modules.lazy.filter { !$0.comingSoon }.flatMap { module in
            module.lessons.lazy.compactMap { lesson in lesson.frontMatter.date.map { Entry(lesson: lesson, module: module, date: $0) } }
        }
    }

    /// The feed; `entries` must not be empty (a feed needs an `updated` date).
    func xml(entries: [Entry]) -> String {
        let updated = Self.timestamp(entries.map(\.date).max() ?? "")
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(e(config.language))\">\n"
        out += "  <title>\(e(config.title))</title>\n"
        if !config.description.isEmpty { out += "  <subtitle>\(e(config.description))</subtitle>\n" }
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(e(link(to: "")))\"/>\n"
        if !urls.origin.isEmpty {
            out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(e(urls.canonical(Self.path)))\"/>\n"
        }
        out += "  <id>\(e(id(of: "")))</id>\n"
        out += "  <updated>\(updated)</updated>\n"
        out += "  <author><name>\(e(config.author ?? config.title))</name></author>\n"
        out += "  <generator>sitegen</generator>\n"
        for entry in entries {
            let page = PageContext.lessonPath(entry.lesson)
            out += "  <entry>\n"
            out += "    <title>\(e(entry.lesson.frontMatter.title))</title>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(e(link(to: page)))\"/>\n"
            out += "    <id>\(e(id(of: page)))</id>\n"
            out += "    <published>\(Self.timestamp(entry.date))</published>\n"
            out += "    <updated>\(Self.timestamp(entry.date))</updated>\n"
            if !entry.lesson.frontMatter.summary.isEmpty {
                out += "    <summary>\(e(entry.lesson.frontMatter.summary))</summary>\n"
            }
            out += "    <category term=\"\(e(entry.module.slug))\" label=\"\(e(entry.module.title))\"/>\n"
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    private func link(to page: String) -> String {
        urls.origin.isEmpty ? PageLinks(page: Self.path).to(page) : urls.canonical(page)
    }

    private func id(of page: String) -> String {
        urls.origin.isEmpty ? Self.uuidURN(config.title + "\u{0}" + page) : urls.canonical(page)
    }

    /// A name-based `urn:uuid:` (RFC 9562 version 8 layout) from two FNV-1a hashes of `name`.
    static func uuidURN(_ name: String) -> String {
        let high = ContentHash.hex("sitegen feed id 1\u{0}" + name), low = ContentHash.hex("sitegen feed id 2\u{0}" + name)
        let hex = Array(high + low)
        // Version nibble 8; variant bits 10 (the first digit of the fourth group is 8, 9, a or b).
        let variant = String(8 | ((Int(String(hex[16]), radix: 16) ?? 0) & 3), radix: 16)
        let groups = [String(hex[0..<8]), String(hex[8..<12]), "8" + String(hex[13..<16]),
                      variant + String(hex[17..<20]), String(hex[20..<32])]
        return "urn:uuid:" + groups.joined(separator: "-")
    }

    /// `2026-11-29` → `2026-11-29T00:00:00Z` (Atom dates are RFC 3339 date-times).
    static func timestamp(_ date: String) -> String { date + "T00:00:00Z" }

    private func e(_ text: String) -> String { HTMLEscape.escape(text) }
}
