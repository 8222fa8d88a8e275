import Diagnostics
import Escaping

/// The box shown over a served page while the last build failed: every diagnostic with its
/// `file:line:col` and message, HTML-escaped, plus a note that the last good build is still served.
/// The panel is opaque and sets every colour it uses (the page's own styles and theme never show
/// through); with an editor (`serve --editor`) each location is a link that opens the file there.
public struct ErrorOverlay: Sendable, Equatable {
    public var diagnostics: [Diagnostic]
    public var editor: EditorLink?

    public init(_ diagnostics: [Diagnostic], editor: EditorLink? = nil) {
        self.diagnostics = diagnostics
        self.editor = editor
    }

    public static let elementID = "sitegen-overlay"

    /// The colours: light text on an opaque near-black panel, whatever the page's theme. Every pair
    /// has a contrast ratio of at least 7:1 (WCAG AAA); `ErrorOverlayTests` computes them.
    enum Colour {
        static let panel = "#18181b", text = "#f4f4f5", heading = "#fca5a5", note = "#d4d4d8"
        static let chip = "#1e3a8a", chipText = "#ffffff"
    }

    /// A location: white on dark blue, a chip that reads the same on any page.
    static let chipStyle = "background:\(Colour.chip);color:\(Colour.chipText);padding:.1em .45em;border-radius:4px;font:inherit"
    /// A location that opens the editor: the chip, underlined as a link.
    static let linkStyle = chipStyle + ";text-decoration:underline;text-underline-offset:2px"

    /// One element with inline styles (the site's own CSS must not be needed), no newlines.
    public var html: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        var out = "<div id=\"\(Self.elementID)\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;"
        out += "opacity:1;color-scheme:dark;background:\(Colour.panel);color:\(Colour.text);font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;padding:2rem;margin:0;text-align:left\">"
        out += "<p style=\"margin:0 0 1rem;font-size:1.2rem;color:\(Colour.heading)\"><strong>sitegen: the build failed with \(errors) error\(errors == 1 ? "" : "s")</strong></p>"
        out += "<ol style=\"margin:0 0 1rem;padding-left:1.5rem;color:\(Colour.text)\">"
        for diagnostic in diagnostics {
            out += "<li style=\"margin:0 0 .75rem\">"
            if let location = diagnostic.location {
                let text = HTMLEscape.escapeWithApostrophe(location.description)
                if let editor {
                    out += "<a href=\"\(HTMLEscape.escapeWithApostrophe(editor.url(for: location)))\" title=\"open in the editor\" style=\"\(Self.linkStyle)\">\(text)</a>: "
                } else {
                    out += "<code style=\"\(Self.chipStyle)\">\(text)</code>: "
                }
            }
            out += "<span style=\"color:\(Colour.heading)\">\(HTMLEscape.escapeWithApostrophe(diagnostic.severity.rawValue))</span>: "
            out += "<span style=\"white-space:pre-wrap;color:\(Colour.text)\">\(HTMLEscape.escapeWithApostrophe(diagnostic.message))</span></li>"
        }
        out += "</ol><p style=\"margin:0;color:\(Colour.note)\">The last good build is still being served. "
        out += "Fix the file and save: the page reloads by itself.</p></div>"
        return out
    }
}
