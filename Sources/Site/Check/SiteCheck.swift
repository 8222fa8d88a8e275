import Diagnostics
import Foundation

/// `sitegen check`: renders the site exactly as `build` would (in memory, so the output folder is
/// not touched), then checks every reference of the result with `LinkChecker`, mapping problems
/// back to the markdown that wrote them; and reads every lesson for unguarded claims (`UnguardedClaims`),
/// warnings unless `strict`.
public struct SiteCheck {
    public var paths: BuildPaths
    public var options: BuildOptions
    public var strict: Bool

    public init(paths: BuildPaths, options: BuildOptions, strict: Bool = false) {
        self.paths = paths
        self.options = options
        self.strict = strict
    }

    /// Throws the build's diagnostics if the site does not build; otherwise the check's report.
    public func run() throws(DiagnosticList) -> LinkCheckReport {
        let report = try SiteBuilder(paths: paths, options: options).render()
        let content = try ContentLoader(paths: paths, includeDrafts: options.includeDrafts).load()
        let context = BuildContext(paths: paths, options: options, site: content.config)
        var sources: [String: Lesson] = [:]
        var claims: [Diagnostic] = []
        for module in content.modules where !module.comingSoon {
            if var intro = module.intro {
                try ParseMarkdown().run(&intro, in: context)
                sources[PageContext.modulePath(module) + "index.html"] = intro
            }
            for var lesson in module.lessons {
                try ParseMarkdown().run(&lesson, in: context)
                sources[PageContext.lessonPath(lesson) + "index.html"] = lesson
                claims += UnguardedClaims.scan(lesson, strict: strict)
            }
        }
        let urls = SiteURLs(baseURL: options.baseURL ?? content.config.baseURL)
        var result = LinkChecker(tree: report.tree, urls: urls, sources: sources, outputDisplay: paths.display(paths.output)).run()
        if strict { result.claims = claims } else { result.warnings += claims }
        return result
    }
}
