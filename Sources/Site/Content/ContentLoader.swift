import Diagnostics
import Foundation
import Hashing
import Bibliography

/// Stage 1 of a build: reads the site config and every module's markdown files from disk.
/// Reports every broken file at once, each with its location.
public struct ContentLoader: Sendable {
    public var paths: BuildPaths
    public var includeDrafts: Bool
    /// What the last build read of each lesson (`SiteBuilder.build` passes it, with `inputs`); nil: every
    /// lesson is read and every header parsed.
    var lessonCache: LessonCache?
    /// The digests of this build's input files, which tell the lessons `lessonCache` may give unread.
    var inputs: BuildInputs?

    public init(paths: BuildPaths, includeDrafts: Bool) {
        self.paths = paths
        self.includeDrafts = includeDrafts
    }

    public func load() throws(DiagnosticList) -> SiteContent {
        let config: SiteConfig
        do {
            config = try SiteConfig.load(path: paths.config, displayPath: paths.display(paths.config))
        } catch {
            throw DiagnosticList([error])
        }
        var problems: [Diagnostic] = []
        var modules: [CourseModule] = []
        let loader = self
        // The bibliography is read while the modules are.
        let bibliography = Background { Result { () throws(DiagnosticList) -> Bibliography in try loader.loadBibliography(config) } }
        // Modules are read in parallel; their lessons and problems are gathered in the config's order.
        let loaded = config.modules.concurrentMap { entry in
            Result { () throws(DiagnosticList) -> CourseModule in try loader.loadModule(entry) }
        }
        for outcome in loaded {
            switch outcome {
            case .success(let module): modules.append(module)
            case .failure(let list): problems += list.diagnostics
            }
        }
        if modules.allSatisfy(\.comingSoon) && problems.isEmpty {
            problems.append(.error(at: SourceLocation(file: config.file, line: 1, column: 1),
                                   "the site has no published module: list at least one folder of \(paths.display(paths.content)) under 'modules:'"))
        }
        var references = Bibliography.empty
        switch bibliography.value {
        case .success(let read): references = read
        case .failure(let list): problems += list.diagnostics
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return SiteContent(config: config, modules: modules, bibliography: references)
    }

    /// The config's `bibliography` file, or `references.bib` in the content folder when there is one.
    private func loadBibliography(_ config: SiteConfig) throws(DiagnosticList) -> Bibliography {
        let path = (paths.content as NSString).appendingPathComponent(config.bibliography ?? "references.bib")
        guard let data = FileManager.default.contents(atPath: path) else {
            guard config.bibliography != nil else { return .empty }
            throw DiagnosticList([.error(at: config.bibliographyLocation, "no bibliography at \(paths.display(path)): create it, or correct 'bibliography'")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([.error(at: SourceLocation(file: paths.display(path), line: 1, column: 1), "the bibliography is not valid UTF-8: save it as UTF-8")])
        }
        let normalised = Self.unixLineEndings(text)
        return try BibTeXParser.parse(normalised, file: paths.display(path))
    }

    private func loadModule(_ entry: SiteConfig.ModuleEntry) throws(DiagnosticList) -> CourseModule {
        let folder = (paths.content as NSString).appendingPathComponent(entry.slug)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue
        if entry.comingSoon {
            guard let title = entry.title else {
                throw DiagnosticList([.error(at: entry.location, "a coming-soon module needs a 'title:' in the site config")])
            }
            return CourseModule(slug: entry.slug, title: title, summary: entry.summary ?? "", comingSoon: true, intro: nil, lessons: [])
        }
        guard exists else {
            throw DiagnosticList([.error(at: entry.location, "module folder \(paths.display(folder)) does not exist: create it, or mark the module 'status: coming-soon'")])
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        var problems: [Diagnostic] = []
        var intro: Lesson?
        var lessons: [Lesson] = []
        let contentRoot = BuildPaths.resolved(paths.content)
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            // Like included files and scripts: a lesson may not lead outside the content folder.
            guard BuildPaths.isInside(BuildPaths.resolved(path), contentRoot) else {
                problems.append(.error(at: SourceLocation(file: paths.display(path), line: 1, column: 1),
                                       "this lesson is a symbolic link to a file outside the content folder; keep lessons inside \(paths.display(paths.content)) (copy the file in)"))
                continue
            }
            do {
                let lesson = try loadLesson(path: path, slug: String(name.dropLast(3)), module: entry.slug)
                if name == "index.md" {
                    intro = lesson
                } else if includeDrafts || !lesson.frontMatter.draft {
                    lessons.append(lesson)
                }
            } catch {
                problems.append(error)
            }
        }
        if let order = entry.lessons {
            for slug in order where !lessons.contains(where: { $0.slug == slug }) && !names.contains(slug + ".md") {
                problems.append(.error(at: entry.location, "lesson '\(slug)' is listed for module '\(entry.slug)' but \(paths.display(folder))/\(slug).md does not exist"))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        lessons.sort { a, b in
            let order = entry.lessons ?? []
            let ia = order.firstIndex(of: a.slug) ?? Int.max, ib = order.firstIndex(of: b.slug) ?? Int.max
            if ia != ib { return ia < ib }
            let oa = a.frontMatter.order ?? Int.max, ob = b.frontMatter.order ?? Int.max
            if oa != ob { return oa < ob }
            return a.frontMatter.title < b.frontMatter.title
        }
        guard let title = intro?.frontMatter.title ?? entry.title else {
            throw DiagnosticList([.error(at: entry.location, "module '\(entry.slug)' needs a title: give it 'title:' here or write \(paths.display(folder))/index.md with front matter")])
        }
        let summary = intro?.frontMatter.summary ?? entry.summary ?? ""
        return CourseModule(slug: entry.slug, title: title, summary: summary, comingSoon: false, intro: intro, lessons: lessons)
    }

    private func loadLesson(path: String, slug: String, module: String) throws(Diagnostic) -> Lesson {
        let display = paths.display(path)
        let digest = inputs?.digest(of: path)
        // Unchanged since the last build: not read (its body is, if a stage asks for it).
        if let cache = lessonCache, let digest, let kept = cache.unchanged(display, digest: digest), let start = kept.bodyStart {
            if slug != "index" {
                try SiteConfig.checkSlug(slug, at: SourceLocation(file: display, line: 1, column: 1))
            }
            return Lesson(slug: slug, moduleSlug: module, sourcePath: display, absolutePath: path, frontMatter: kept.frontMatter,
                          deferred: Lesson.DeferredBody(start: start, digest: digest), bodyLineOffset: kept.bodyLineOffset, facts: kept.facts)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.error(at: SourceLocation(file: display, line: 1, column: 1), "cannot read this file")
        }
        let (lesson, header, bodyStart) = try Self.read(data, slug: slug, module: module, sourcePath: display, absolutePath: path, cache: lessonCache)
        if let cache = lessonCache {
            // Kept under the hash of the bytes read now, not the one the inputs were digested with: a file saved in
            // between is recorded as what was read, and a later build that finds the earlier bytes again misses.
            cache.record(lesson, header: header, digest: data.withUnsafeBytes { ContentHash.hex(bytes: $0) }, bodyStart: bodyStart)
        }
        return lesson
    }

    /// A lesson from the bytes of its markdown file: UTF-8 check, line endings, front matter, slug.
    /// `slug` is the file name without `.md` (`index` for a module's landing page).
    public static func lesson(from data: Data, slug: String, module: String, sourcePath: String,
                              absolutePath: String) throws(Diagnostic) -> Lesson {
        try read(data, slug: slug, module: module, sourcePath: sourcePath, absolutePath: absolutePath, cache: nil).lesson
    }

    /// The lesson, its header's key in `LessonCache`, and where its body starts in `data` (nil: the body is not a
    /// tail of the bytes, as in a file with carriage returns or a byte-order mark).
    static func read(_ data: Data, slug: String, module: String, sourcePath: String,
                     absolutePath: String, cache: LessonCache?) throws(Diagnostic) -> (lesson: Lesson, header: String, bodyStart: Int?) {
        // Most files: read straight from their bytes. A file with a carriage return or a byte-order mark, without
        // both fences, or not UTF-8 goes the way of its text, which reports the problem.
        let fromBytes = data.withUnsafeBytes { raw in
            Result { () throws(Diagnostic) -> FrontMatter.Split? in
                let bytes = raw.assumingMemoryBound(to: UInt8.self)
                guard let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) == nil,
                      !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
                return try FrontMatter.split(utf8: bytes, file: sourcePath, cache: cache)
            }
        }
        let split: FrontMatter.Split
        var bodyStart: Int?
        if let found = try fromBytes.get() {
            split = found
            bodyStart = data.count - found.body.utf8.count
        } else {
            split = try splitText(data, sourcePath: sourcePath, cache: cache)
        }
        if slug != "index" {
            try SiteConfig.checkSlug(slug, at: SourceLocation(file: sourcePath, line: 1, column: 1))
        }
        let lesson = Lesson(slug: slug, moduleSlug: module, sourcePath: sourcePath, absolutePath: absolutePath,
                            frontMatter: split.frontMatter, body: split.body, bodyLineOffset: split.bodyLineOffset)
        return (lesson, split.header, bodyStart)
    }

    private static func splitText(_ data: Data, sourcePath: String, cache: LessonCache?) throws(Diagnostic) -> FrontMatter.Split {
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic.error(at: SourceLocation(file: sourcePath, line: 1, column: 1), "the file is not valid UTF-8: save it as UTF-8")
        }
        return try FrontMatter.split(unixLineEndings(text), file: sourcePath, cache: cache)
    }

    /// `text` with `\r\n` line endings as `\n`. Most files have no carriage return at all: one `memchr`
    /// finds that out and saves a copy of the whole text.
    static func unixLineEndings(_ text: String) -> String {
        var bytes = text
        let hasReturn = bytes.withUTF8 { buffer in
            guard let start = buffer.baseAddress else { return false }
            return memchr(start, 0x0D, buffer.count) != nil
        }
        return hasReturn ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }
}
