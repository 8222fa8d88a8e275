import Diagnostics
import Bibliography

/// One step of the per-lesson pipeline (parse, run experiments, typeset math, …). Stages run in order
/// and may rewrite the lesson's blocks; a stage reports every problem it finds as diagnostics.
public protocol LessonStage: Sendable {
    var name: String { get }
    func run(_ lesson: inout Lesson, in context: BuildContext) throws(DiagnosticList)
}

/// What every stage may read: options and paths of this build.
public struct BuildContext: Sendable {
    public var paths: BuildPaths
    public var options: BuildOptions
    public var site: SiteConfig
    /// What `[@key]` may cite.
    public var bibliography: Bibliography
    /// Every lesson's experiment results, shared by the lessons of one build (what other lessons quote).
    public var results: SiteResults

    public init(paths: BuildPaths, options: BuildOptions, site: SiteConfig, bibliography: Bibliography = .empty,
                results: SiteResults = SiteResults()) {
        self.paths = paths
        self.options = options
        self.site = site
        self.bibliography = bibliography
        self.results = results
    }
}

/// The switches of one build (the CLI's flags).
public struct BuildOptions: Sendable {
    /// Overrides the site config's `base_url`.
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Rerun every experiment even when a cached result exists.
    public var noCache: Bool
    /// Print a progress line while experiments run.
    public var showProgress: Bool
    /// Skip the build when nothing it reads changed since the last successful one and the output folder
    /// is as that build left it (see `BuildFingerprint`). The command line turns it on, unless `--no-cache`.
    public var skipWhenUpToDate: Bool
    /// `--replace-output`: an existing non-empty output folder that sitegen did not write may be replaced
    /// (see `OutputGuard`); every other output rule still holds.
    public var replaceOutput: Bool

    public init(baseURL: String? = nil, includeDrafts: Bool = false, noCache: Bool = false, showProgress: Bool = false,
                skipWhenUpToDate: Bool = false, replaceOutput: Bool = false) {
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.noCache = noCache
        self.showProgress = showProgress
        self.skipWhenUpToDate = skipWhenUpToDate
        self.replaceOutput = replaceOutput
    }
}
