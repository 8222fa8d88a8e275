import Diagnostics
import Foundation
import Site

/// Builds the site for the preview, off the server's threads, and rebuilds it whenever the watcher
/// sees a change. `serve` and the tests share `rebuildOnChange(watcher:onRebuilt:)`; only what they
/// do with each outcome differs (serve pushes it to open pages).
public struct SiteRebuilder: Sendable {
    public var paths: BuildPaths
    public var options: BuildOptions
    /// Called with `[i/n] stage` lines.
    public var log: @Sendable (String) -> Void

    public init(paths: BuildPaths, options: BuildOptions, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.paths = paths
        self.options = options
        self.log = log
    }

    /// The watcher for this site: content/, templates/ and the config, ignoring the output folder
    /// and the experiment cache when they sit inside a watched folder.
    public func watcher(interval: Duration = .milliseconds(100)) -> PollingWatcher {
        PollingWatcher(paths: [paths.content, paths.templates, paths.config],
                       ignoring: [paths.output, paths.cache], interval: interval)
    }

    /// One build, written atomically: after an edit, only the pages it changes are rendered (see
    /// `RebuildPlan`); runs on a background thread so a long build (experiments) never blocks the server.
    public func build() async -> BuildOutcome {
        let paths = self.paths, options = self.options, log = self.log
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let started = Date()
                do throws(DiagnosticList) {
                    let builder = SiteBuilder(paths: paths, options: options, log: log)
                    let report = try builder.build()
                    let cache = builder.cache.statistics
                    continuation.resume(returning: .built(pages: report.pages, files: report.files,
                                                          seconds: Date().timeIntervalSince(started),
                                                          experimentsRun: max(cache.misses, cache.writes), experimentsCached: cache.hits))
                } catch {
                    continuation.resume(returning: .failed(error))
                }
            }
        }
    }

    /// Waits for changes and rebuilds after each one, calling `onRebuilt` with the outcome and the
    /// changed paths, until the task is cancelled. Changes made during a build trigger the next one.
    /// `snapshot` is the state the last build saw (taken before it started); by default, now.
    public func rebuildOnChange(watcher: PollingWatcher, from snapshot: PollingWatcher.Snapshot? = nil,
                                onRebuilt: @Sendable (BuildOutcome, [String]) async -> Void) async {
        var snapshot = snapshot ?? watcher.snapshot()
        while let changed = await watcher.nextChange(after: &snapshot) {
            let outcome = await build()
            if Task.isCancelled { return }
            await onRebuilt(outcome, changed)
        }
    }
}
