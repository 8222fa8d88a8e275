import Markdown

/// Builds the dictionaries templates render. Every key is always present (`false` where a page has
/// no value, so `{{#key}}…{{/key}}` hides), so the template checker knows each name a template may use.
struct PageContext {
    /// An optional value for Mustache: swift-mustache renders an `Optional` boxed in `Any` as "nil".
    static func optional(_ value: Any?) -> Any { value ?? false }

    let content: SiteContent
    let urls: SiteURLs
    let assets: [String: String]
    /// The output folder as the repository holds it (`public`), for "Open in Colab".
    var outputFolder = "public"

    /// Keys of list items (table of contents, lessons, modules) that a page may have none of.
    static let itemNames: Set<String> = [
        "title", "id", "sub", "url", "current", "number", "summary", "reading_time", "coming_soon",
        "lesson_count", "lessons_plural", "has_lessons", "lessons", "current_page",
    ]

    static func lessonPath(_ lesson: Lesson) -> String { "\(lesson.moduleSlug)/\(lesson.slug)/" }
    static func modulePath(_ module: CourseModule) -> String { "\(module.slug)/" }

    func common(title: String, description: String, path: String, currentModule: String?, currentLesson: String?) -> [String: Any] {
        let config = content.config
        let nav: [[String: Any]] = content.modules.map { module in
            [
                "title": module.title,
                "url": Self.optional(module.comingSoon ? nil : urls.link(Self.modulePath(module))),
                "coming_soon": module.comingSoon,
                "current": module.slug == currentModule,
                "current_page": module.slug == currentModule && currentLesson == nil,
                "has_lessons": !module.lessons.isEmpty,
                "lessons": module.lessons.map { lesson -> [String: Any] in
                    [
                        "title": lesson.frontMatter.title,
                        "url": urls.link(Self.lessonPath(lesson)),
                        "current": module.slug == currentModule && lesson.slug == currentLesson,
                    ]
                },
            ] as [String: Any]
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
                "canonical": urls.canonical(path),
                "is_home": path.isEmpty,
            ] as [String: Any],
            "root": urls.basePath,
            "assets": assets.mapValues { urls.link($0) },
            "nav": nav,
            "content": "",
        ]
    }

    func lesson(_ lesson: Lesson, in module: CourseModule, body: String) -> [String: Any] {
        var context = common(title: lesson.frontMatter.title, description: lesson.frontMatter.summary,
                             path: Self.lessonPath(lesson), currentModule: module.slug, currentLesson: lesson.slug)
        let index = module.lessons.firstIndex { $0.slug == lesson.slug } ?? 0
        let previous = index > 0 ? module.lessons[index - 1] : nil
        let next = index + 1 < module.lessons.count ? module.lessons[index + 1] : nil
        let notebook = lesson.attachments.first { $0.name == LessonNotebook.fileName(lesson) }?.name
        context["lesson"] = [
            "title": lesson.frontMatter.title,
            "summary": lesson.frontMatter.summary,
            "reading_time": lesson.readingTime,
            "date": Self.optional(lesson.frontMatter.date),
            "display_date": Self.optional(lesson.frontMatter.displayDate),
            "module_title": module.title,
            "module_url": urls.link(Self.modulePath(module)),
            "toc": lesson.toc.map { ["title": $0.title, "id": $0.id, "sub": $0.level > 2] as [String: Any] },
            "has_toc": !lesson.toc.isEmpty,
            "body": body,
            "previous": Self.optional(previous.map { link(to: $0) }),
            "next": Self.optional(next.map { link(to: $0) }),
            "next_module": Self.optional(next == nil ? nextModule(after: module) : nil),
            "notebook_url": Self.optional(notebook.map { urls.link(Self.lessonPath(lesson) + $0) }),
            "colab_url": Self.optional(notebook.flatMap { name in
                content.config.repository?.colabURL("\(outputFolder)/\(Self.lessonPath(lesson))\(name)")
            }),
            "edit_url": Self.optional(content.config.repository?.editURL(lesson.sourcePath)),
        ] as [String: Any]
        return context
    }

    func module(_ module: CourseModule, intro: String) -> [String: Any] {
        var context = common(title: module.title, description: module.summary, path: Self.modulePath(module),
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
                    "url": urls.link(Self.lessonPath(lesson)),
                    "reading_time": lesson.readingTime,
                ]
            },
            "next_module": Self.optional(nextModule(after: module)),
        ] as [String: Any]
        return context
    }

    func index() -> [String: Any] {
        var context = common(title: content.config.title, description: content.config.description, path: "",
                             currentModule: nil, currentLesson: nil)
        context["modules"] = content.modules.enumerated().map { offset, module -> [String: Any] in
            [
                "number": offset + 1,
                "title": module.title,
                "summary": module.summary,
                "url": Self.optional(module.comingSoon ? nil : urls.link(Self.modulePath(module))),
                "coming_soon": module.comingSoon,
                "lesson_count": module.lessons.count,
                "lessons_plural": module.lessons.count != 1,
            ]
        }
        return context
    }

    private func link(to lesson: Lesson) -> [String: Any] {
        ["title": lesson.frontMatter.title, "url": urls.link(Self.lessonPath(lesson))]
    }

    private func nextModule(after module: CourseModule) -> [String: Any]? {
        guard let index = content.modules.firstIndex(where: { $0.slug == module.slug }),
              index + 1 < content.modules.count else { return nil }
        let next = content.modules[index + 1]
        return [
            "title": next.title,
            "summary": next.summary,
            "coming_soon": next.comingSoon,
            "url": Self.optional(next.comingSoon ? nil : urls.link(Self.modulePath(next))),
        ]
    }
}
