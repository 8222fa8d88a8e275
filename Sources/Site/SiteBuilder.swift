import Diagnostics
import Foundation
import Experiments
import Markdown

/// A whole build, as visible stages: load content, run the lesson stages, render pages through the
/// templates, write the output atomically.
public struct SiteBuilder {
    public var paths: BuildPaths
    public var options: BuildOptions
    public var stages: [any LessonStage]
    /// Called with `[i/n] stage` lines (the CLI prints them with --verbose).
    public var log: @Sendable (String) -> Void
    /// Experiment results on disk under `paths.cache`, reused across builds.
    public let cache: ResultCache

    public init(paths: BuildPaths, options: BuildOptions, stages: [any LessonStage]? = nil,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.paths = paths
        self.options = options
        self.log = log
        let cache = LessonExperiments.cache(paths)
        self.cache = cache
        self.stages = stages ?? SiteBuilder.defaultStages(cache: cache)
    }

    /// The lesson pipeline, in order; experiment results are kept in `cache` (none: always computed).
    public static func defaultStages(cache: ResultCache?) -> [any LessonStage] {
        [
            ParseMarkdown(),
            PageRelativeLinks(),
            IncludeFiles(),
            RunExperiments(cache: cache),
            RenderMath(),
            HighlightCode(),
            CrossReferences(),
            Citations(),
            LessonNotebook(),
            LessonFurniture(),
            AssignHeadingIDs(),
        ]
    }

    /// What a finished build produced.
    public struct Report: Sendable {
        public var pages: Int
        public var files: Int
        public var tree: OutputTree
        /// True when the build was skipped because nothing changed (`BuildOptions.skipWhenUpToDate`);
        /// `tree` is then empty.
        public var upToDate = false
    }

    /// Builds the site in memory; nothing is written. Throws every problem found.
    public func render() throws(DiagnosticList) -> Report {
        let content = try ContentLoader(paths: paths, includeDrafts: options.includeDrafts).load()
        let templates = try TemplateSet(folder: paths.templates, displayFolder: paths.display(paths.templates))
        let context = BuildContext(paths: paths, options: options, site: content.config,
                                   bibliography: content.bibliography)

        var processed = content
        var problems: [Diagnostic] = []
        for (m, module) in content.modules.enumerated() {
            for (l, lesson) in module.lessons.enumerated() {
                do {
                    processed.modules[m].lessons[l] = try runStages(lesson, context: context)
                } catch {
                    problems += error.diagnostics
                }
            }
            if let intro = module.intro {
                do {
                    processed.modules[m].intro = try runStages(intro, context: context)
                } catch {
                    problems += error.diagnostics
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        var tree = OutputTree()
        var assets = AssetPipeline()
        do {
            try assets.copy(from: (paths.templates as NSString).appendingPathComponent("assets"), into: &tree)
        } catch {
            throw DiagnosticList([error])
        }
        // The rendered lessons feed two stages: their pages, and the search index every page links to.
        let bodies = renderedLessons(processed)
        assets.add(SearchIndex.assetName, bytes: Array(SearchIndex(documents: bodies.map(\.search)).script().utf8), into: &tree,
                   hashed: false)
        let bodyBySource = Dictionary(bodies.map { ($0.lesson.sourcePath, $0.body) }, uniquingKeysWith: { first, _ in first })
        let urls = SiteURLs(baseURL: options.baseURL ?? content.config.baseURL)
        let pages = PageContext(content: processed, urls: urls, assets: assets.urls, outputFolder: paths.display(paths.output))
        let renderer = HTMLRenderer()
        var count = 0
        do {
            tree.add("index.html", try page("index", pages.index(), templates: templates))
            count += 1
            for module in processed.modules where !module.comingSoon {
                let intro = module.intro.map { renderer.render($0.blocks) } ?? ""
                tree.add(PageContext.modulePath(module) + "index.html",
                         try page("module", pages.module(module, intro: intro), templates: templates))
                count += 1
                for lesson in module.lessons {
                    let body = bodyBySource[lesson.sourcePath] ?? renderer.render(lesson.blocks)
                    let layout = lesson.frontMatter.layout ?? "lesson"
                    tree.add(PageContext.lessonPath(lesson) + "index.html",
                             try page(layout, pages.lesson(lesson, in: module, body: body), templates: templates,
                                      requestedAt: lesson.frontMatter.layoutLocation
                                          ?? SourceLocation(file: lesson.sourcePath, line: 1, column: 1)))
                    for attachment in lesson.attachments {
                        tree.add(PageContext.lessonPath(lesson) + attachment.name, attachment.contents)
                    }
                    count += 1
                }
            }
            try addPublishingFiles(to: &tree, pages: pages, urls: urls, templates: templates)
        } catch {
            throw DiagnosticList([error])
        }
        tree.add(".gitkeep", "")
        return Report(pages: count, files: tree.files.count, tree: tree)
    }

    /// Renders and writes the site; the previous output stays until this succeeds. Nothing is read,
    /// written or compared before `OutputGuard` has accepted the output folder.
    @discardableResult
    public func build() throws(DiagnosticList) -> Report {
        if let refusal = OutputGuard.check(output: paths.output, project: paths, replaceOutput: options.replaceOutput) {
            throw DiagnosticList([refusal])
        }
        let inputs = options.skipWhenUpToDate ? BuildFingerprint.inputs(paths, options) : nil
        if let inputs, let last = BuildFingerprint.load(paths), last.inputs == inputs,
           !last.output.isEmpty, last.output == BuildFingerprint.listing(paths.output) {
            return Report(pages: last.pages, files: last.output.count, tree: OutputTree(), upToDate: true)
        }
        BuildFingerprint.forget(paths)
        let report = try render()
        do {
            try OutputWriter(output: paths.output, displayOutput: paths.display(paths.output), replaceOutput: options.replaceOutput)
                .write(report.tree)
        } catch {
            throw DiagnosticList([error])
        }
        if let inputs {
            BuildFingerprint(inputs: inputs, pages: report.pages, output: BuildFingerprint.listing(paths.output)).save(paths)
        }
        return report
    }

    /// Every built lesson's body, rendered once: the input of its page and of its search document.
    private func renderedLessons(_ content: SiteContent) -> [(lesson: Lesson, body: String, search: SearchDocument)] {
        let renderer = HTMLRenderer()
        return content.modules.filter { !$0.comingSoon }.flatMap { module in
            module.lessons.map { lesson in
                let body = renderer.render(lesson.blocks)
                return (lesson, body, SearchDocument(path: PageContext.lessonPath(lesson), title: lesson.frontMatter.title, body: body))
            }
        }
    }

    private func runStages(_ lesson: Lesson, context: BuildContext) throws(DiagnosticList) -> Lesson {
        var lesson = lesson
        for (index, stage) in stages.enumerated() {
            log("[\(index + 1)/\(stages.count)] \(stage.name): \(lesson.sourcePath)")
            try stage.run(&lesson, in: context)
        }
        return lesson
    }

    /// Renders a page's own template, then wraps it in the `base` layout.
    private func page(_ template: String, _ context: [String: Any], templates: TemplateSet,
                      requestedAt: SourceLocation? = nil) throws(Diagnostic) -> String {
        var context = context
        context["content"] = try templates.render(template, context: context, itemNames: PageContext.itemNames, requestedAt: requestedAt)
        return try templates.render("base", context: context, itemNames: PageContext.itemNames)
    }
}
