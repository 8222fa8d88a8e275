import Diagnostics
import Foundation
import Hashing
import Experiments
import Markdown

/// A whole build, as visible stages: load content, run the lesson stages, render pages through the
/// templates, write the output atomically.
public struct SiteBuilder: Sendable {
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
        /// Pages of the site (rendered or reused).
        public var pages: Int
        /// Files of the site (rendered, reused, or copied assets).
        public var files: Int
        /// The files this build rendered; in an incremental build, `tree.reused` names the others.
        public var tree: OutputTree
        /// True when the build was skipped because nothing changed (`BuildOptions.skipWhenUpToDate`);
        /// `tree` is then empty.
        public var upToDate = false
        /// Pages this build rendered: `pages`, or fewer when it reused unchanged ones (see `RebuildPlan`).
        public var rendered = 0
        /// The blocks of other lessons each rendered page quotes, by page key (see `RebuildPlan`).
        var quotes: [String: [QuotedBlock]] = [:]
        /// The search index being written to the cache for the next build, if it is (`SearchIndexStore`).
        var savingSearch: Background<Void>?
        /// The sidebar entries' HTML this build used, for the next build (`SidebarCache`).
        var sidebar: [SidebarEntries.Key: String] = [:]
    }

    /// Builds the whole site in memory; nothing is written. Throws every problem found.
    public func render() throws(DiagnosticList) -> Report {
        let (content, templates) = try load()
        return try render(content, templates: templates, plan: nil)
    }

    /// Stage 1: the site config, every lesson and the templates; what the last build read of the lessons whose
    /// files have the same digests in `inputs` comes from `lessons` (which then keeps what this build read).
    func load(lessons: LessonCache? = nil, inputs: BuildInputs? = nil) throws(DiagnosticList) -> (SiteContent, TemplateSet) {
        // The templates are read while the lessons load.
        let templates = Background { [paths] in
            Result { () throws(DiagnosticList) -> TemplateSet in
                try TemplateSet(folder: paths.templates, displayFolder: paths.display(paths.templates))
            }
        }
        var loader = ContentLoader(paths: paths, includeDrafts: options.includeDrafts)
        loader.lessonCache = lessons
        loader.inputs = inputs
        let content: SiteContent
        do {
            content = try loader.load()
        } catch {
            _ = templates.value
            throw error
        }
        return (content, try templates.value.get())
    }

    /// Runs the lesson stages and renders the pages `plan` selects (every page without a plan). Each lesson goes
    /// through its stages and straight on to its page, the lessons in parallel: its tree is turned into HTML while
    /// it is still in the core's cache, and freed by the job that made it (the pages around a lesson, its
    /// neighbours, the sidebar and the module lists, read only what the lessons' front matter and files say, as
    /// loaded). The module landing pages and the home page follow, once the module introductions went through their
    /// stages. Results are gathered in reading order, so problems are reported, and files added, in the same order
    /// as one by one: the stages' problems first, then the first page that failed.
    /// `keptSearch` is the index the last build left and its pages by page key, which give the lessons the plan does
    /// not render their share of the new index.
    /// `searchLater`: the search index's bytes are made while the tree is written (`OutputTree.pending`).
    func render(_ content: SiteContent, templates: TemplateSet, plan: RebuildPlan?,
                keptSearch: KeptSearch? = nil, keptSidebar: [SidebarEntries.Key: String] = [:],
                searchLater: Bool = false) throws(DiagnosticList) -> Report {
        let context = BuildContext(paths: paths, options: options, site: content.config,
                                   bibliography: content.bibliography, results: SiteResults(content: content))
        let renders = { (key: String) in plan?.renders(key) ?? true }

        var tree = OutputTree()
        var savingSearch: Background<Void>?
        var assetFiles = OutputTree()
        var assets = AssetPipeline()
        // Reported after the stages' problems, as it would be if it were copied after them.
        let assetProblem: Diagnostic?
        do {
            try assets.copy(from: (paths.templates as NSString).appendingPathComponent("assets"), into: &assetFiles)
            assetProblem = nil
        } catch {
            assetProblem = error
        }
        // The search index is made from the lesson pages rendered below, which link to it by name.
        assets.reserve(SearchIndex.assetName)
        let urls = SiteURLs(baseURL: options.baseURL ?? content.config.baseURL)
        let pages = PageContext(content: content, urls: urls, assets: assets.urls, templates: templates,
                                outputFolder: paths.display(paths.output), keptSidebar: keptSidebar)

        // The pages this build renders, in reading order, and the lessons (and module introductions) it runs through
        // the stages: those of its pages.
        var pageJobs: [PageJob] = [.index]
        for (m, module) in content.modules.enumerated() where !module.comingSoon {
            pageJobs.append(.module(m))
            pageJobs += module.lessons.indices.map { .lesson(m, $0) }
        }
        let selected = pageJobs.filter { job in
            switch job {
            case .index: plan?.rendersEverything ?? true
            case .module(let m): renders(RebuildPlan.moduleKey(content.modules[m]))
            case .lesson(let m, let l): renders(RebuildPlan.lessonKey(content.modules[m].lessons[l]))
            }
        }
        var jobs: [LessonJob] = []
        for (m, module) in content.modules.enumerated() {
            for lesson in module.lessons where renders(RebuildPlan.lessonKey(lesson)) {
                jobs.append(LessonJob(module: m, isIntro: false, source: lesson))
            }
            if let intro = module.intro, renders(RebuildPlan.moduleKey(module)) {
                jobs.append(LessonJob(module: m, isIntro: true, source: intro))
            }
        }
        // With fewer pages than cores (an edit), a lesson's search text is read from its body while its page renders.
        let searchAlongside = selected.count < ProcessInfo.processInfo.activeProcessorCount
        let outcomes = jobs.concurrentMap { job in
            Result { () throws(DiagnosticList) -> LessonOutcome in
                let lesson = try runStages(job.source, context: context)
                guard !job.isIntro else { return LessonOutcome(intro: lesson, quotedBlocks: lesson.quotedBlocks) }
                let module = content.modules[job.module]
                // A lesson of a module coming soon has no page.
                let page = module.comingSoon ? nil : Result { () throws(Diagnostic) -> PageFiles in
                    try renderLesson(lesson, in: module, pages: pages, templates: templates, searchAlongside: searchAlongside)
                }
                return LessonOutcome(page: page, quotedBlocks: lesson.quotedBlocks)
            }
        }
        var intros: [Int: Lesson] = [:]
        var lessonPages: [String: Result<PageFiles, Diagnostic>] = [:]
        var problems: [Diagnostic] = []
        var quotes: [String: [QuotedBlock]] = [:]
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .success(let done):
                if let intro = done.intro {
                    intros[job.module] = intro
                    quotes[RebuildPlan.moduleKey(content.modules[job.module])] = done.quotedBlocks
                } else {
                    let key = RebuildPlan.lessonKey(job.source)
                    quotes[key] = done.quotedBlocks
                    lessonPages[key] = done.page
                }
            case .failure(let list):
                problems += list.diagnostics
            }
        }
        if let assetProblem { problems.append(assetProblem) }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        // The home page and the module pages, with the introductions as their stages left them.
        let landings = selected.compactMap(\.landing)
        let processedIntros = intros
        let landingPages = landings.concurrentMap { landing in
            Result { () throws(Diagnostic) -> PageFiles in
                try renderLanding(landing, intros: processedIntros, pages: pages, templates: templates)
            }
        }
        // Every page's outcome in reading order: the landing pages' taken in turn (they are in that order too).
        var landingPage = landingPages.makeIterator()
        let rendered = selected.map { job -> Result<PageFiles, Diagnostic> in
            guard case .lesson(let m, let l) = job else { return landingPage.next()! }
            return lessonPages[RebuildPlan.lessonKey(content.modules[m].lessons[l])]
                ?? .failure(Diagnostic.error(at: nil, "internal: no page for \(content.modules[m].lessons[l].sourcePath)"))
        }
        do throws(Diagnostic) {
            var searched: [String: SearchIndexPart] = [:]
            for outcome in rendered {
                let page = try outcome.get()
                for (path, bytes) in page.files { tree.add(path, bytes: bytes) }
                if let (key, document) = page.search { searched[key] = document }
            }
            // Every lesson's share of the index: rendered now, or kept from the index the last build left.
            var shares: [(key: String, share: SearchShare)] = []
            for module in content.modules where !module.comingSoon {
                for lesson in module.lessons {
                    let key = RebuildPlan.lessonKey(lesson)
                    if let part = searched[key] {
                        shares.append((key, .rendered(part, digest: plan?.pages[key] ?? "")))
                    } else if let page = keptSearch?.pages[key] {
                        shares.append((key, .kept(page)))
                    } else {
                        throw Diagnostic.error(at: nil, "internal: no search entries for \(lesson.sourcePath); run `sitegen build --force`")
                    }
                }
            }
            // The index is put together on a thread of its own while the tree is finished (and, with `searchLater`,
            // while it is written).
            let renderedKeys = Set(searched.keys), allShares = shares
            let making = Background { () -> SearchIndex in
                var index = keptSearch.map { SearchIndex(vocabulary: $0.index.vocabulary, compactSize: $0.index.compactSize) } ?? SearchIndex()
                for (key, share) in allShares {
                    switch share {
                    case let .rendered(part, digest): index.append(part, key: key, digest: digest)
                    case .kept(let page): index.append(kept: page)
                    }
                }
                // Made from scratch, every token is used; the index kept for the next build drops the tokens no page
                // uses any more once they may be many.
                guard keptSearch != nil else {
                    index.markCompact()
                    return index
                }
                return index.compactedWhenGrown()
            }
            // Shards none of whose lessons is rendered now are copied from the last build's script (an incremental build).
            let shards = plan.map { (cache: SearchShardCache(paths: paths), site: $0.site) }
            if searchLater {
                assets.add(SearchIndex.assetName, later: Background {
                    Self.searchScript(making.value, rendered: renderedKeys, shards: shards)
                }, into: &tree)
            } else {
                assets.add(SearchIndex.assetName, bytes: Self.searchScript(making.value, rendered: renderedKeys, shards: shards),
                           into: &tree, hashed: false)
            }
            if plan?.rendersEverything ?? true {
                for (path, bytes) in assetFiles.files { tree.add(path, bytes: bytes) }
                try addPublishingFiles(to: &tree, pages: pages, urls: urls, templates: templates)
                tree.add(".gitkeep", "")
            }
            if let plan {
                // Kept for the next build, written while the site is: `build` waits for it before it returns.
                let store = SearchIndexStore(paths: paths), outline = plan.site
                savingSearch = Background { store.save(making.value, outline: outline) }
            }
        } catch {
            throw DiagnosticList([error])
        }
        let sidebar = pages.sidebar.sharedHTML
        // The module introductions and what the pages shared are freed on a thread of their own while the site is written.
        Background.release((consume intros, consume pages))
        return Report(pages: pageJobs.count, files: tree.files.count, tree: tree, rendered: selected.count, quotes: quotes,
                      savingSearch: savingSearch, sidebar: sidebar)
    }

    /// The search index's script (`SearchIndex.bytes`). With `shards` (an incremental build: its cache and outline, the
    /// cache's own folder), a
    /// shard none of whose lessons' keys is in `rendered` is copied from the last build's when the cache holds it, the
    /// others are made now and kept there for the next build, and the cache is left holding this script's shards only.
    static func searchScript(_ index: SearchIndex, rendered: Set<String>,
                             shards: (cache: SearchShardCache, site: String)?) -> [UInt8] {
        guard let (cache, site) = shards, cache.isOwnFolder else { return index.bytes() }
        let ranges = index.shardRanges
        let names = ranges.map { SearchShardCache.name(site: site, pages: index.pages[$0]) }
        let made = Array(ranges.indices).concurrentMap { number -> [UInt8] in
            let range = ranges[number]
            if !index.pages[range].contains(where: { rendered.contains($0.key) }), let kept = cache.read(names[number]) {
                return kept
            }
            let bytes = index.shardBytes(range)
            cache.write(bytes, name: names[number])
            return bytes
        }
        cache.keepOnly(Set(names))
        return SearchIndex.script(shards: made)
    }

    /// The search index the last build left, the outline it was made under, and its pages by page key, found while the
    /// lessons load.
    struct KeptSearch: Sendable {
        var index: SearchIndex
        var pages: [String: SearchIndex.Page]

        /// The outline its pages were rendered under.
        var outline: String

        init(_ kept: SearchIndexStore.Kept) {
            index = kept.index
            outline = kept.outline
            pages = Dictionary(index.pages.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// A lesson of module `module`, or its introduction (the module page's own prose), to run through the stages.
    private struct LessonJob: Sendable {
        var module: Int
        var isIntro: Bool
        var source: Lesson
    }

    /// One page of the site, by its place in the content.
    private enum PageJob: Sendable {
        case index
        case module(Int)
        case lesson(Int, Int)

        /// The home page and the module pages, rendered once the lessons are; nil for a lesson's page, which its
        /// lesson's job renders.
        var landing: LandingPage? {
            switch self {
            case .index: .home
            case .module(let m): .module(m)
            case .lesson: nil
            }
        }
    }

    /// A page that lists lessons: the home page, or a module's page.
    private enum LandingPage: Sendable {
        case home
        case module(Int)
    }

    /// A lesson's share of the search index: its page rendered by this build, or its page in the kept index.
    private enum SearchShare: Sendable {
        case rendered(SearchIndexPart, digest: String)
        case kept(SearchIndex.Page)
    }

    /// The files of one page (its HTML, and for a lesson the attachments written beside it) and, for a
    /// lesson, its page key and what search finds in it. The files are bytes, made from their text by the page's
    /// own job, on its core, not one by one after every page rendered.
    private struct PageFiles: Sendable {
        var files: [(path: String, bytes: [UInt8])]
        var search: (key: String, part: SearchIndexPart)?
    }

    /// What a lesson job gives back once its lesson went through the stages: its page (nil for a lesson of a module
    /// coming soon), or the module introduction it processed, and the blocks of other lessons it quotes. A lesson's
    /// tree is not kept: only its page needed it.
    private struct LessonOutcome {
        var intro: Lesson? = nil
        var page: Result<PageFiles, Diagnostic>? = nil
        var quotedBlocks: [QuotedBlock]
    }

    /// The home page or a module's page; `intros`: the module introductions as their stages left them, by module.
    private func renderLanding(_ landing: LandingPage, intros: [Int: Lesson], pages: PageContext,
                               templates: TemplateSet) throws(Diagnostic) -> PageFiles {
        switch landing {
        case .home:
            return PageFiles(files: [("index.html", try page("index", try pages.index(), templates: templates))])
        case .module(let m):
            let module = pages.content.modules[m]
            let intro = intros[m].map { HTMLRenderer().render($0.blocks) } ?? ""
            return PageFiles(files: [(PageContext.modulePath(module) + "index.html",
                                      try page("module", try pages.module(module, intro: intro), templates: templates))])
        }
    }

    /// A lesson's page, from the lesson as the stages left it, with its attachments, and its share of the search index.
    private func renderLesson(_ lesson: Lesson, in module: CourseModule, pages: PageContext, templates: TemplateSet,
                              searchAlongside: Bool = false) throws(Diagnostic) -> PageFiles {
        let body = HTMLRenderer().render(lesson.blocks)
        let path = PageContext.lessonPath(lesson), title = lesson.frontMatter.title
        let searching: @Sendable () -> SearchIndexPart = { SearchIndexPart(path: path, title: title, body: body) }
        let alongside = searchAlongside ? Background(searching) : nil
        // Waited for on every way out, so that no reading is left running when the page fails.
        defer { _ = alongside?.value }
        let layout = lesson.frontMatter.layout ?? "lesson"
        let requestedAt = lesson.frontMatter.layoutLocation ?? SourceLocation(file: lesson.sourcePath, line: 1, column: 1)
        let html = try page(layout, try pages.lesson(lesson, in: module, body: body), templates: templates,
                            requestedAt: requestedAt, capacity: body.utf8.count)
        return PageFiles(files: [(path + "index.html", html)] + lesson.attachments.map { (path + $0.name, $0.bytes) },
                         search: (RebuildPlan.lessonKey(lesson), alongside?.value ?? searching()))
    }

    /// Renders and writes the site; the previous output stays until this succeeds. Nothing is read,
    /// written or compared before `OutputGuard` has accepted the output folder. With
    /// `skipWhenUpToDate`, a build whose inputs did not change is skipped, and one whose changes touch
    /// only some pages renders those and reuses the rest of the output folder (see `RebuildPlan`).
    @discardableResult
    public func build() throws(DiagnosticList) -> Report {
        if let refusal = OutputGuard.check(output: paths.output, project: paths, replaceOutput: options.replaceOutput) {
            throw DiagnosticList([refusal])
        }
        var inputs: BuildInputs?
        // The last build's record and a walk of the output folder, made while the inputs are digested. The walk
        // serves the check that the output is as that build left it, and the writer (`OutputWriter.currentFiles`).
        let recorded = options.skipWhenUpToDate ? Background { [paths] in LastBuild(paths) } : nil
        // What the last build read of the lessons, loaded meanwhile too (for a build that is not skipped).
        let setup = options.skipWhenUpToDate ? BuildInputs.setup(paths, options) : nil
        let keptLessons = setup.map { setup in Background { [paths] in LessonCache(paths, setup: setup) } }
        if let setup {
            // Files whose identity did not change since the last build read them are not read again.
            let known = InputDigestCache(paths, setup: setup)
            inputs = BuildInputs(paths, options, known: known)
            known.save(paths)
        }
        // The last build's record, if the output folder is still as it left it.
        let lastBuild = recorded?.value
        var last = lastBuild?.record
        if let lastBuild, !lastBuild.outputIsAsLeft { last = nil }
        if let inputs, let last, last.inputs == inputs.digest {
            return Report(pages: last.pages, files: last.output.count, tree: OutputTree(), upToDate: true, rendered: 0)
        }
        BuildFingerprint.forget(paths)
        do throws(DiagnosticList) {
            // The index the last build left is read while the lessons load; only an incremental build can use it.
            let storedSearch = inputs != nil && last != nil ? Background { [paths] in SearchIndexStore(paths: paths).load().map(KeptSearch.init) } : nil
            let lessons = keptLessons?.value
            let (content, templates) = try load(lessons: lessons, inputs: inputs)
            lessons?.save(paths)
            var plan = inputs.map { RebuildPlan(content: content, inputs: $0, previous: last.map { (site: $0.site, pages: $0.pageKeys) }) }
            // A page whose own file did not change is still rendered when a block it quotes from another lesson changed.
            if let last, !last.quotes.isEmpty {
                let context = BuildContext(paths: paths, options: options, site: content.config)
                plan?.renderQuoting(last.quotes, content: content) { lesson in
                    (try? LessonExperiments.specs(of: lesson, in: context)).map { specs in
                        Dictionary(specs.map { ($0.id, ExperimentRunner.cacheKey($0)) }, uniquingKeysWith: { first, _ in first })
                    } ?? [:]
                }
            }
            // Lessons that are not rendered again give the search index what they gave it last time; without
            // that record (a cleared cache, an unreadable file, a page rendered from other inputs), every page is rendered.
            var keptSearch: KeptSearch?
            if let partial = plan, !partial.rendersEverything {
                keptSearch = storedSearch?.value.flatMap { kept in
                    // Rendered under another outline (a build that failed after saving it): not these pages' text.
                    guard kept.outline == partial.site else { return nil }
                    let complete = content.modules.filter({ !$0.comingSoon }).flatMap(\.lessons).map(RebuildPlan.lessonKey)
                        .allSatisfy { key in partial.renders(key) || (kept.pages[key]?.digest).map { $0 == partial.pages[key] } ?? false }
                    return complete ? kept : nil
                }
                if keptSearch == nil { plan?.changed = nil }
            }
            // The writer's staging folder (the site the last build replaced) is claimed and listed while the pages render.
            var writer = OutputWriter(output: paths.output, displayOutput: paths.display(paths.output), replaceOutput: options.replaceOutput,
                                      keepPrevious: Self.previousOutput(paths))
            writer.currentFiles = lastBuild?.currentFiles
            let claiming = plan != nil ? Background { [writer] in writer.claim() } : nil
            // The sidebar entries the last build made under this outline.
            let sidebarCache = SidebarCache(paths: paths)
            let keptSidebar = plan.map { sidebarCache.load(outline: $0.site) } ?? [:]
            var report: Report
            do {
                report = try render(content, templates: templates, plan: plan, keptSearch: keptSearch, keptSidebar: keptSidebar,
                                    searchLater: true)
            } catch {
                claiming.map { writer.release($0.value) }
                throw error
            }
            // The search index (and the sidebar entries, when new ones were made) are written to the cache while the
            // site is written; all are done when the build returns.
            defer { _ = report.savingSearch?.value }
            // Entries kept and not used by this build stay valid under the same outline.
            let sidebar = keptSidebar.merging(report.sidebar) { _, made in made }
            let savingSidebar = plan.flatMap { plan in
                sidebar == keptSidebar ? nil : Background { sidebarCache.save(sidebar, outline: plan.site) }
            }
            defer { _ = savingSidebar?.value }
            // The last build's listing and its paths (a record is only used with the output folder as it left it).
            let previousListing = last?.output ?? [], previousPaths = last != nil ? lastBuild?.listedPaths ?? [] : []
            if let plan, !plan.rendersEverything, last != nil {
                report.tree.reused = Self.reusable(previousPaths, rendered: report.tree)
                report.files += report.tree.reused.count
            }
            // The record's lines for the reused files are found while the site is written.
            let reusedTree = report.tree.reused
            let keptLines = plan != nil ? Background {
                BuildFingerprint.keptLines(previousListing, paths: previousPaths, reused: reusedTree)
            } : nil
            do {
                try writer.write(report.tree, claimed: claiming?.value)
                report.tree.finishPending()
            } catch {
                throw DiagnosticList([error])
            }
            Self.removeOtherKeptSites(paths)
            if let inputs, let plan {
                // What each page quotes: as rendered now, or as recorded when it was last rendered.
                var quotes = report.quotes
                for key in plan.pages.keys where !plan.renders(key) { quotes[key] = last?.quotes[key] }
                BuildFingerprint(inputs: inputs.digest, pages: report.pages, site: plan.site, pageKeys: plan.pages,
                                 quotes: quotes.filter { !$0.value.isEmpty },
                                 output: BuildFingerprint.listing(afterWriting: report.tree, into: paths.output,
                                                                  kept: keptLines?.value ?? [])).save(paths)
            }
            return report
        } catch {
            // The output folder was not replaced: the record still describes it, but not these inputs.
            if var last {
                last.inputs = ""
                last.save(paths)
            }
            throw error
        }
    }

    /// What a build needs of the last one, read while its inputs are digested: the record the last build left,
    /// whether the output folder is as it left it (a walk of the folder compared with the record's listing), the
    /// folder's files as the walk found them (for `OutputWriter.currentFiles`), and the paths the listing names.
    /// The last two are made on a thread of their own, which a build that is up to date does not wait for.
    struct LastBuild: Sendable {
        var record: BuildFingerprint?
        var outputIsAsLeft = false
        private var found: Background<(currentFiles: [String: stat], listedPaths: [String])>?

        var currentFiles: [String: stat]? { found?.value.currentFiles }
        var listedPaths: [String]? { found?.value.listedPaths }

        init(_ paths: BuildPaths) {
            // The output folder is walked while the record is read.
            let walk = Background { FolderListing.walk(paths.output).entries }
            record = BuildFingerprint.load(paths)
            guard let record else { return }
            let entries = walk.value
            outputIsAsLeft = !record.output.isEmpty && BuildFingerprint.listing(record.output, matches: entries, in: paths.output)
            guard outputIsAsLeft else { return }
            found = Background {
                (Dictionary(entries.compactMap { entry in entry.info.map { (entry.path, $0) } }, uniquingKeysWith: { first, _ in first }),
                 BuildFingerprint.paths(inListing: record.output))
            }
        }
    }

    /// Where the site a build replaces is kept for the next build to recycle (`OutputWriter.keepPrevious`):
    /// in the cache, named by the output folder.
    static func previousOutput(_ paths: BuildPaths) -> String {
        (paths.cache as NSString).appendingPathComponent(previousOutputPrefix + ContentHash.hex(paths.output))
    }

    static let previousOutputPrefix = "previous-output-"

    /// Removes the sites kept for other output folders (a `--output` used once, a folder since deleted), so the cache
    /// keeps one site, this output's: folders named as kept sites that hold sitegen's marker, nothing else. Each is
    /// renamed away first: a build of that folder claiming it at the same moment (`OutputWriter.claim`) gets it whole
    /// or finds it gone, and then writes its site without recycling.
    static func removeOtherKeptSites(_ paths: BuildPaths) {
        let fm = FileManager.default
        let own = (previousOutput(paths) as NSString).lastPathComponent
        guard let names = try? fm.contentsOfDirectory(atPath: paths.cache) else { return }
        for name in names where name.hasPrefix(previousOutputPrefix) && name != own {
            let path = (paths.cache as NSString).appendingPathComponent(name)
            // Only a folder (not a link to one) holding sitegen's marker is a kept site, as `OutputWriter.claim` asks.
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, OutputGuard.hasMarker(path) else { continue }
            if name.contains(".removing-") {   // left by a build killed while it removed it
                try? fm.removeItem(atPath: path)
                continue
            }
            let doomed = path + ".removing-\(getpid())"
            if rename(path, doomed) == 0 { try? fm.removeItem(atPath: doomed) }
        }
    }

    /// The files of the previous output an incremental build keeps: all but the marker and those of
    /// the pages it rendered again (a lesson's folder holds its page and attachments; a module's page is
    /// its folder's index.html).
    static func reusable(_ previous: [String], rendered tree: OutputTree) -> [String] {
        var replaced: [String] = []
        for path in tree.files.keys where path.hasSuffix("/index.html") {
            let folder = String(path.dropLast("index.html".count))
            // A lesson page (`module/lesson/index.html`) replaces its whole folder, a module page only itself.
            replaced.append(folder.dropLast().contains("/") ? folder : path)
        }
        return previous.filter { path in
            path != OutputGuard.markerName && tree.files[path] == nil
                && !replaced.contains { $0.hasSuffix("/") ? path.hasPrefix($0) : path == $0 }
        }
    }

    private func runStages(_ lesson: Lesson, context: BuildContext) throws(DiagnosticList) -> Lesson {
        var lesson = lesson
        // A lesson loaded unread (`LessonCache`) is read before any stage, whichever stages the pipeline has.
        do {
            try lesson.readBody()
        } catch {
            throw DiagnosticList([error])
        }
        for (index, stage) in stages.enumerated() {
            log("[\(index + 1)/\(stages.count)] \(stage.name): \(lesson.sourcePath)")
            try stage.run(&lesson, in: context)
        }
        return lesson
    }

    /// Renders a page's own template, then wraps it in the `base` layout: the page's UTF-8 bytes. `capacity`: about
    /// how many bytes the page's own content takes (a lesson's body), reserved once for each of the two renderings.
    private func page(_ template: String, _ context: [String: Any], templates: TemplateSet,
                      requestedAt: SourceLocation? = nil, capacity: Int = 0) throws(Diagnostic) -> [UInt8] {
        var context = context
        // The names the context provides, looked into once for both: the base layout's context adds only `content`.
        var names = ContextNames(context, adding: PageContext.itemNames)
        let content = try templates.render(template, context: context, names: &names, requestedAt: requestedAt,
                                           capacity: capacity + 4096)
        context["content"] = RenderedText(utf8: content)
        names.insert("content")
        return try templates.render("base", context: context, names: &names, capacity: content.count + 16384)
    }
}
