import Foundation
import Hashing

/// Which pages a build renders, and which files of the previous output it carries over unchanged.
///
/// Every page depends on the whole site's *outline* (the config, the templates and assets, every file
/// of the content folder that is not a published lesson, each module's title and summary, each lesson's
/// front matter, the options and the sitegen executable): its hash is `site`. A lesson page depends, in
/// addition, on its own markdown file only; a module page on its `index.md` and its lessons' reading
/// times. So when `site` is what the last build recorded, and the output folder is as that build left
/// it, only the pages whose own key changed are rendered and everything else is reused; any other
/// change renders every page. A lesson whose file name another lesson mentions (it may be included
/// with `file="…"`) renders every page too. A page that quotes another lesson's block
/// (`{{ optimisers/optimisers#sgd-variants… }}`) is rendered again when that block's computation
/// changed (`renderQuoting`).
struct RebuildPlan: Equatable {
    /// The outline's hash (see above).
    var site: String
    /// Page key → hash of what that page alone depends on: `lesson <source path>`, `module <slug>`.
    var pages: [String: String]
    /// Nil: render every page. Otherwise the page keys to render (the others are reused).
    var changed: Set<String>?

    var rendersEverything: Bool { changed == nil }

    /// Whether the page with this key is rendered by this build.
    func renders(_ key: String) -> Bool { changed.map { $0.contains(key) } ?? true }

    static func lessonKey(_ lesson: Lesson) -> String { "lesson \(lesson.sourcePath)" }
    static func moduleKey(_ module: CourseModule) -> String { "module \(module.slug)" }

    /// The plan for `content`, given the digests of every input file and what the last successful
    /// build recorded (nil: no usable record, render everything). Reading times come from the lessons: those of
    /// lessons `LessonCache` gave unread are the ones counted when they were last read.
    init(content: SiteContent, inputs: BuildInputs, previous: (site: String, pages: [String: String])?) {
        // The markdown files that are pages' own sources: published lessons and module landing pages.
        var lessonFiles: [String: Lesson] = [:]
        for module in content.modules {
            for lesson in module.lessons + (module.intro.map { [$0] } ?? []) { lessonFiles[lesson.absolutePath] = lesson }
        }
        var outline = ContentHash()
        outline.update("sitegen outline v1\n\(inputs.setup)\n")
        for file in inputs.files where lessonFiles[file.path] == nil { file.hashLine(into: &outline) }
        var pages: [String: String] = [:]
        for module in content.modules {
            outline.update("module \(module.slug) \(module.comingSoon)\n\(module.title)\n\(module.summary)\n")
            for lesson in module.lessons {
                outline.update("lesson \(lesson.sourcePath)\n\(lesson.frontMatter.outline)")
                pages[Self.lessonKey(lesson)] = inputs.digest(of: lesson.absolutePath) ?? "-"
            }
        }
        site = outline.hex
        for module in content.modules {
            var moduleHash = ContentHash()
            moduleHash.update("intro \(module.intro?.absolutePath ?? "-") \(module.intro.flatMap { inputs.digest(of: $0.absolutePath) } ?? "-")\n")
            for lesson in module.lessons {
                moduleHash.update("reading \(lesson.readingTime)\n")
            }
            pages[Self.moduleKey(module)] = moduleHash.hex
        }
        self.pages = pages
        guard let previous, previous.site == site else {
            changed = nil
            return
        }
        let changedKeys = Set(pages.compactMap { key, value in previous.pages[key] == value ? nil : key })
        // A lesson another one may include: its page is not the only one it changes.
        let changedFiles = content.modules.flatMap { module in
            module.lessons.filter { changedKeys.contains(Self.lessonKey($0)) }
                + (module.intro.map { changedKeys.contains(Self.moduleKey(module)) ? [$0] : [] } ?? [])
        }.map(\.absolutePath)
        let mentioned = changedFiles.contains { path in
            let name = (path as NSString).lastPathComponent
            return lessonFiles.values.contains { $0.absolutePath != path && $0.mentions(fileNamed: name) }
        }
        changed = mentioned ? nil : changedKeys
    }

    /// Adds the pages that quote a block of another lesson whose computation changed. `quotes` holds, by
    /// page key, what each page quoted when it was last rendered; only blocks of lessons whose files
    /// changed are looked at, through `digests` (a lesson's block ids → `ExperimentRunner.cacheKey`, empty
    /// when it no longer parses). A page that quotes only unchanged blocks is still reused, whatever else
    /// changed in the quoted lesson.
    mutating func renderQuoting(_ quotes: [String: [QuotedBlock]], content: SiteContent,
                                digests: (Lesson) -> [String: String]) {
        guard let edited = changed else { return }
        var lessons: [String: Lesson] = [:]
        for module in content.modules where !module.comingSoon {
            for lesson in module.lessons { lessons[SiteResults.path(of: lesson)] = lesson }
        }
        var parsed: [String: [String: String]] = [:]
        var rendered = edited
        for (page, quoted) in quotes where pages[page] != nil && !edited.contains(page) {
            for quote in quoted {
                guard let lesson = lessons[quote.lesson] else {
                    rendered.insert(page)
                    break
                }
                guard edited.contains(Self.lessonKey(lesson)) else { continue }
                let now = parsed[quote.lesson] ?? digests(lesson)
                parsed[quote.lesson] = now
                if now[quote.block] != quote.digest {
                    rendered.insert(page)
                    break
                }
            }
        }
        changed = rendered
    }
}
