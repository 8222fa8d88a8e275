import Diagnostics
import Site

/// The result of one build while serving: the site was written, or it failed with diagnostics and
/// the previous output is still in place.
public enum BuildOutcome: Sendable {
    case built(pages: Int, files: Int, seconds: Double)
    case failed(DiagnosticList)

    public var succeeded: Bool {
        if case .built = self { return true }
        return false
    }

    /// One status line for the terminal.
    public var summary: String {
        switch self {
        case let .built(pages, files, seconds):
            return "built \(pages) pages (\(files) files) in \(String(format: "%.2f", seconds)) s"
        case .failed(let list):
            let errors = list.diagnostics.filter { $0.severity == .error }.count
            return "build failed with \(errors) error\(errors == 1 ? "" : "s"); still serving the last good build"
        }
    }
}
