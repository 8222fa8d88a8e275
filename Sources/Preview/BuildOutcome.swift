import Diagnostics
import Site

/// The result of one build while serving: the site was written, or it failed with diagnostics and
/// the previous output is still in place.
public enum BuildOutcome: Sendable {
    /// `experimentsCached` results came from the cache, `experimentsRun` were computed.
    case built(pages: Int, files: Int, seconds: Double, experimentsRun: Int, experimentsCached: Int)
    case failed(DiagnosticList)

    public var succeeded: Bool {
        if case .built = self { return true }
        return false
    }

    /// One status line for the terminal.
    public var summary: String {
        switch self {
        case let .built(pages, files, seconds, run, cached):
            let experiments = run + cached == 0 ? "" : "; experiments: \(run) run, \(cached) from cache"
            return "built \(pages) pages (\(files) files) in \(String(format: "%.2f", seconds)) s\(experiments)"
        case .failed(let list):
            let errors = list.diagnostics.filter { $0.severity == .error }.count
            return "build failed with \(errors) error\(errors == 1 ? "" : "s"); still serving the last good build"
        }
    }
}
