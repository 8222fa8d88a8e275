import Diagnostics
import Experiments
import Foundation
import Markdown
import Site

/// The `lesson` fuzzer: one lesson file through the whole lesson pipeline.
extension FuzzTargets {
    static let siteConfig: SiteConfig = {
        do {
            return try SiteConfig.parse("title: Fuzz\nbase_url: /courses/ml/\nmodules: [fuzz]\n", file: "sitegen.yml")
        } catch {
            fatalError("fuzz site config: \(error)")
        }
    }()

    /// Where the fuzzed lesson pretends to live: a folder that does not exist, so `IncludeFiles` runs
    /// its checks and reports a missing file instead of reading anything.
    static let root = "/nonexistent-sitegen-fuzz"

    /// `SiteBuilder.defaultStages`, in order, with experiments run by `cheapResults` instead of training.
    static let stages: [any LessonStage] = SiteBuilder.defaultStages(cache: nil).map { stage in
        stage is RunExperiments ? RunExperiments(runner: { specs, _ throws(DiagnosticList) in try cheapResults(specs) }) : stage
    }

    /// A lesson file's bytes as the build reads them: UTF-8 check, line endings, front matter split and
    /// YAML decode (`ContentLoader.lesson`), then every lesson stage of `SiteBuilder` in order (markdown
    /// with cmark-gfm, protected math and inline results, links under a base path, includes, experiment
    /// blocks and inline results, MathML, code highlighting, callouts, heading ids), then the page body
    /// as HTML, the table of contents, reading time and date. The page templates are not rendered.
    public static func lesson(_ bytes: [UInt8]) -> Outcome {
        var lesson: Lesson
        do {
            lesson = try ContentLoader.lesson(from: Data(bytes), slug: "fuzz", module: "fuzz",
                                              sourcePath: "content/fuzz/fuzz.md",
                                              absolutePath: root + "/content/fuzz/fuzz.md")
        } catch {
            return rejected([error])
        }
        let paths = BuildPaths(root: root)
        let context = BuildContext(paths: paths, options: BuildOptions(), site: siteConfig)
        for stage in stages {
            do {
                try stage.run(&lesson, in: context)
            } catch {
                return rejected(error.diagnostics)
            }
        }
        let html = HTMLRenderer().render(lesson.blocks)
        var summary = html.utf8.count + lesson.toc.count + lesson.readingTime
        summary += lesson.frontMatter.displayDate?.count ?? 0
        summary += lesson.attachments.reduce(0) { $0 + $1.bytes.count }
        return .accepted("\(summary)")
    }
}
