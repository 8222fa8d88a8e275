import Diagnostics
import Experiments
import Foundation

/// The experiment results of one build's lessons, each lesson's run (or loaded from the cache) at most
/// once, by whichever page asks first: the lesson's own `RunExperiments` stage, or another lesson that
/// quotes it (`{{ optimisers/optimisers#sgd-variants["SGD (lr=0.01)"].test_mae }}`). Lessons go through
/// their stages in parallel, so a page may ask while another thread computes: it waits for that result.
/// Computing a lesson's results never asks for another lesson's (results do not depend on prose, and
/// checks are evaluated after), so no wait can be part of a cycle.
public final class SiteResults: @unchecked Sendable {
    /// A lesson's results and specs, by block id.
    public struct Computed: Sendable {
        public var results: [String: ExperimentResult]
        public var specs: [String: ExperimentSpec]
    }

    /// The lessons other pages may quote, by their path under content/ without `.md` (`optimisers/optimisers`).
    let lessons: [String: Lesson]
    private let condition = NSCondition()
    private var entries: [String: Entry] = [:]

    private enum Entry {
        case computing
        case done(Result<Computed, DiagnosticList>)
    }

    /// A build's results store, over the published lessons of `content` (none: no lesson can be quoted).
    public init(content: SiteContent? = nil) {
        var lessons: [String: Lesson] = [:]
        for module in content?.modules ?? [] where !module.comingSoon {
            for lesson in module.lessons { lessons[Self.path(of: lesson)] = lesson }
        }
        self.lessons = lessons
    }

    /// How references name a lesson: `module/lesson` (a module's landing page, never quotable, is `module/index`).
    static func path(of lesson: Lesson) -> String { "\(lesson.moduleSlug)/\(lesson.slug)" }

    /// The results of the lesson at `path`, made by `compute` the first time any page asks; a later
    /// caller gets the same results, or the same errors, without computing them again.
    func results(of path: String, compute: () throws(DiagnosticList) -> Computed) throws(DiagnosticList) -> Computed {
        condition.lock()
        while true {
            switch entries[path] {
            case .done(let result)?:
                condition.unlock()
                return try result.get()
            case .computing?:
                condition.wait()
            case nil:
                entries[path] = .computing
                condition.unlock()
                let result = Result { () throws(DiagnosticList) -> Computed in try compute() }
                condition.lock()
                entries[path] = .done(result)
                condition.broadcast()
                condition.unlock()
                return try result.get()
            }
        }
    }
}

/// A block of another lesson that a page quoted, and the digest of its computation when the page was
/// rendered (`ExperimentRunner.cacheKey`): when it changes, the quoting page is rendered again.
public struct QuotedBlock: Sendable, Hashable, Comparable {
    /// The quoted lesson's path under content/ without `.md`.
    public var lesson: String
    public var block: String
    public var digest: String

    public static func < (a: QuotedBlock, b: QuotedBlock) -> Bool {
        (a.lesson, a.block, a.digest) < (b.lesson, b.block, b.digest)
    }
}
