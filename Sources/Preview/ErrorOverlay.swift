import Diagnostics
import Escaping

/// The box shown over a served page while the last build failed: every diagnostic with its
/// `file:line:col` and message, HTML-escaped, plus a note that the last good build is still served.
public struct ErrorOverlay: Sendable, Equatable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public static let elementID = "sitegen-overlay"

    /// One element with inline styles (the site's own CSS must not be needed), no newlines.
    public var html: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        var out = "<div id=\"\(Self.elementID)\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;"
        out += "background:rgba(20,20,24,.94);color:#f4f4f5;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;padding:2rem\">"
        out += "<p style=\"margin:0 0 1rem;font-size:1.2rem;color:#fca5a5\"><strong>sitegen: the build failed with \(errors) error\(errors == 1 ? "" : "s")</strong></p>"
        out += "<ol style=\"margin:0 0 1rem;padding-left:1.5rem\">"
        for diagnostic in diagnostics {
            out += "<li style=\"margin:0 0 .75rem\">"
            if let location = diagnostic.location {
                out += "<code style=\"color:#93c5fd\">\(HTMLEscape.escapeWithApostrophe(location.description))</code>: "
            }
            out += "<span style=\"color:#fca5a5\">\(HTMLEscape.escapeWithApostrophe(diagnostic.severity.rawValue))</span>: "
            out += "<span style=\"white-space:pre-wrap\">\(HTMLEscape.escapeWithApostrophe(diagnostic.message))</span></li>"
        }
        out += "</ol><p style=\"margin:0;color:#a1a1aa\">The last good build is still being served. "
        out += "Fix the file and save: the page reloads by itself.</p></div>"
        return out
    }
}
