import Diagnostics
import Markdown

/// Builds the dictionaries templates render. Every key is always present (`false` where a page has
/// no value, so `{{#key}}…{{/key}}` hides), so the template checker knows each name a template may use.
struct PageContext {
    /// An optional value for a template: a missing one is `false`, so the key is there for the checker and
    /// `{{#key}}…{{/key}}` hides.
    static func optional(_ value: Any?) -> Any { value ?? false }

    let content: SiteContent
    let urls: SiteURLs
    let assets: [String: String]
    /// The output folder as the repository holds it (`public`), for "Open in Colab".
    let outputFolder: String

    /// What every page shares, made once per build rather than once per page.
    private let course: Course

    /// The sidebar's module entries, each with its HTML, shared by the pages that show the same one.
    let sidebar: SidebarEntries

    /// `keptSidebar`: the sidebar entries' HTML a build under the same outline made (`SidebarCache`).
    init(content: SiteContent, urls: SiteURLs, assets: [String: String], templates: TemplateSet,
         outputFolder: String = "public", keptSidebar: [SidebarEntries.Key: String] = [:]) {
        self.content = content
        self.urls = urls
        self.assets = assets
        self.outputFolder = outputFolder
        self.sidebar = SidebarEntries(templates: templates, kept: keptSidebar)
        var course = Course(hasFeed: AtomFeed.hasEntries(content))
        for (m, module) in content.modules.enumerated() {
            for (l, lesson) in module.lessons.enumerated() {
                let key = Self.readingKey(module: module.slug, lesson: lesson.slug)
                if course.readingPosition[key] == nil { course.readingPosition[key] = course.readingOrder.count }
                course.readingOrder.append((m, l))
            }
        }
        self.course = course
    }

    private struct Course: Sendable {
        var hasFeed: Bool
        /// Every lesson in reading order across the modules (module and lesson indexes), and where each
        /// lesson stands in it (by `readingKey`).
        var readingOrder: [(module: Int, lesson: Int)] = []
        var readingPosition: [String: Int] = [:]
    }

    /// Keys of list items (table of contents, lessons, modules) that a page may have none of.
    static let itemNames: Set<String> = [
        "title", "id", "sub", "url", "current", "number", "summary", "reading_time", "coming_soon",
        "lesson_count", "lessons_plural", "has_lessons", "lessons", "current_page", "html",
    ]

    static func lessonPath(_ lesson: Lesson) -> String { "\(lesson.moduleSlug)/\(lesson.slug)/" }
    static func modulePath(_ module: CourseModule) -> String { "\(module.slug)/" }
    /// The page a parsed markdown file becomes: its lesson page, or its module's page for `index.md`.
    static func pagePath(of lesson: Lesson) -> String { lesson.slug == "index" ? "\(lesson.moduleSlug)/" : lessonPath(lesson) }

    /// The keys every page has. `links` is how this page links to others: relative to `path`, except
    /// on the 404 page (see `PageLinks`).
    func common(title: String, description: String, path: String, currentModule: String?, currentLesson: String?,
                links: PageLinks? = nil) throws(Diagnostic) -> [String: Any] {
        let config = content.config
        let links = links ?? PageLinks(page: path)
        var nav: [[String: Any]] = []
        for module in content.modules {
            nav.append(try sidebar.entry(of: module, links: links, isCurrent: module.slug == currentModule) {
                Self.navEntry(module, links: links, currentModule: currentModule, currentLesson: currentLesson)
            })
        }
        return [
            "site": [
                "title": config.title,
                "track": config.track,
                "description": config.description,
                "language": config.language,
                "author": Self.optional(config.author),
            ] as [String: Any],
            "page": [
                "title": title,
                "description": description.isEmpty ? config.description : description,
                // Absolute only: a root-relative canonical would name the wrong page once the folder is
                // served under another path, so without an origin there is none.
                "canonical": Self.optional(urls.origin.isEmpty ? nil : urls.canonical(path)),
                "is_home": path.isEmpty,
                "type": "website",
                "date": false,
                "previous": false,
                "next": false,
            ] as [String: Any],
            "home": links.to(""),
            "root": links.root,
            "feed": Self.optional(course.hasFeed ? links.to(AtomFeed.path) : nil),
            "assets": assets.mapValues { links.to($0) },
            "nav": nav,
            "content": "",
        ]
    }

    /// A module's entry in the sidebar (without its HTML), with links from the page `links` is for.
    static func navEntry(_ module: CourseModule, links: PageLinks, currentModule: String?, currentLesson: String?) -> [String: Any] {
        [
            "title": module.title,
            "url": optional(module.comingSoon ? nil : links.to(modulePath(module))),
            "coming_soon": module.comingSoon,
            "current": module.slug == currentModule,
            "current_page": module.slug == currentModule && currentLesson == nil,
            "has_lessons": !module.lessons.isEmpty,
            "lessons": module.lessons.map { lesson -> [String: Any] in
                [
                    "title": lesson.frontMatter.title,
                    "url": links.to(lessonPath(lesson)),
                    "current": module.slug == currentModule && lesson.slug == currentLesson,
                ]
            },
        ]
    }

    /// `body`: the lesson's HTML.
    func lesson(_ lesson: Lesson, in module: CourseModule, body: String) throws(Diagnostic) -> [String: Any] {
        let path = Self.lessonPath(lesson)
        var context = try common(title: lesson.frontMatter.title, description: lesson.frontMatter.summary,
                             path: path, currentModule: module.slug, currentLesson: lesson.slug)
        let links = PageLinks(page: path)
        let (previous, next) = neighbours(of: lesson, in: module)
        let lastInModule = module.lessons.last?.slug == lesson.slug
        if var page = context["page"] as? [String: Any] {
            page["type"] = "article"
            page["date"] = Self.optional(lesson.frontMatter.date)
            page["previous"] = Self.optional(previous.map { links.to(Self.lessonPath($0)) })
            page["next"] = Self.optional(next.map { links.to(Self.lessonPath($0)) })
            context["page"] = page
        }
        let notebook = lesson.attachments.first { $0.name == LessonNotebook.fileName(lesson) }?.name
        context["lesson"] = [
            "title": lesson.frontMatter.title,
            "summary": lesson.frontMatter.summary,
            "reading_time": lesson.readingTime,
            "date": Self.optional(lesson.frontMatter.date),
            "display_date": Self.optional(lesson.frontMatter.displayDate),
            "module_title": module.title,
            "module_url": links.to(Self.modulePath(module)),
            "toc": lesson.toc.map { ["title": $0.title, "id": $0.id, "sub": $0.level > 2] as [String: Any] },
            "has_toc": !lesson.toc.isEmpty,
            "body": body,
            "previous": Self.optional(previous.map { item(linking: $0, from: links) }),
            "next": Self.optional(next.map { item(linking: $0, from: links) }),
            "next_module": Self.optional(lastInModule ? nextModule(after: module, from: links) : nil),
            "notebook_url": Self.optional(notebook.map { links.to(Self.lessonPath(lesson) + $0) }),
            "colab_url": Self.optional(notebook.flatMap { name in
                content.config.repository?.colabURL("\(outputFolder)/\(Self.lessonPath(lesson))\(name)")
            }),
            "edit_url": Self.optional(content.config.repository?.editURL(lesson.sourcePath)),
        ] as [String: Any]
        return context
    }

    func module(_ module: CourseModule, intro: String) throws(Diagnostic) -> [String: Any] {
        let links = PageLinks(page: Self.modulePath(module))
        var context = try common(title: module.title, description: module.summary, path: Self.modulePath(module),
                             currentModule: module.slug, currentLesson: nil)
        context["module"] = [
            "title": module.title,
            "summary": module.summary,
            "intro": intro,
            "lessons": module.lessons.enumerated().map { offset, lesson -> [String: Any] in
                [
                    "number": offset + 1,
                    "title": lesson.frontMatter.title,
                    "summary": lesson.frontMatter.summary,
                    "url": links.to(Self.lessonPath(lesson)),
                    "reading_time": lesson.readingTime,
                ]
            },
            "next_module": Self.optional(nextModule(after: module, from: links)),
        ] as [String: Any]
        return context
    }

    func index() throws(Diagnostic) -> [String: Any] {
        let links = PageLinks(page: "")
        var context = try common(title: content.config.title, description: content.config.description, path: "",
                             currentModule: nil, currentLesson: nil)
        context["modules"] = content.modules.enumerated().map { offset, module -> [String: Any] in
            [
                "number": offset + 1,
                "title": module.title,
                "summary": module.summary,
                "url": Self.optional(module.comingSoon ? nil : links.to(Self.modulePath(module))),
                "coming_soon": module.comingSoon,
                "lesson_count": module.lessons.count,
                "lessons_plural": module.lessons.count != 1,
            ]
        }
        return context
    }

    /// The lessons before and after `lesson` in reading order across the whole course: the first lesson of a
    /// module follows the last of the module before it (modules coming soon have no lessons).
    private func neighbours(of lesson: Lesson, in module: CourseModule) -> (previous: Lesson?, next: Lesson?) {
        let order = course.readingOrder
        guard let index = course.readingPosition[Self.readingKey(module: module.slug, lesson: lesson.slug)] else { return (nil, nil) }
        func reading(_ i: Int) -> Lesson? {
            order.indices.contains(i) ? content.modules[order[i].module].lessons[order[i].lesson] : nil
        }
        return (reading(index - 1), reading(index + 1))
    }

    private static func readingKey(module: String, lesson: String) -> String { module + "/" + lesson }

    private func item(linking lesson: Lesson, from links: PageLinks) -> [String: Any] {
        ["title": lesson.frontMatter.title, "url": links.to(Self.lessonPath(lesson))]
    }

    private func nextModule(after module: CourseModule, from links: PageLinks) -> [String: Any]? {
        guard let index = content.modules.firstIndex(where: { $0.slug == module.slug }),
              index + 1 < content.modules.count else { return nil }
        let next = content.modules[index + 1]
        return [
            "title": next.title,
            "summary": next.summary,
            "coming_soon": next.comingSoon,
            "url": Self.optional(next.comingSoon ? nil : links.to(Self.modulePath(next))),
        ]
    }
}
