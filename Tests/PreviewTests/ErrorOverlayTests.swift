import Diagnostics
import Foundation
import Testing
@testable import Preview

/// The overlay reads well on any page (opaque panel, contrast of every colour pair), and with
/// `serve --editor` each location opens the file at its line.
@Suite struct ErrorOverlayTests {
    let location = SourceLocation(file: "content/my lessons/a&b.md", line: 42, column: 17)

    /// WCAG 2 relative luminance of `#rrggbb`.
    func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { c -> Double in
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    @Test func panelIsOpaqueAndEveryColourPairIsLegible() {
        let html = ErrorOverlay([.error(at: location, "bad")]).html
        #expect(!html.contains("rgba"), "no translucent colour: the page must not show through")
        #expect(html.contains("opacity:1;"))
        #expect(html.contains("background:\(ErrorOverlay.Colour.panel)"))
        let panel = ErrorOverlay.Colour.panel
        for text in [ErrorOverlay.Colour.text, ErrorOverlay.Colour.heading, ErrorOverlay.Colour.note] {
            #expect(contrast(text, panel) >= 7, "\(text) on \(panel)")
        }
        #expect(contrast(ErrorOverlay.Colour.chipText, ErrorOverlay.Colour.chip) >= 7)
        // The chip sets both its colours, so a page's `code` or `a` styles (light or dark theme) cannot
        // turn it pale blue on white.
        #expect(ErrorOverlay.chipStyle.contains("background:\(ErrorOverlay.Colour.chip)"))
        #expect(ErrorOverlay.chipStyle.contains("color:\(ErrorOverlay.Colour.chipText)"))
    }

    @Test func locationsOpenTheEditor() throws {
        let root = "/home/author/course"
        let vscode = try EditorLink("vscode", root: root)
        #expect(vscode.url(for: location) == "vscode://file/home/author/course/content/my%20lessons/a%26b.md:42:17")
        let idea = try EditorLink("idea", root: root)
        #expect(idea.url(for: location) == "idea://open?file=/home/author/course/content/my%20lessons/a%26b.md&line=42&column=17")
        let custom = try EditorLink("subl://open?url=file://{file}&line={line}", root: root)
        #expect(custom.url(for: location) == "subl://open?url=file:///home/author/course/content/my%20lessons/a%26b.md&line=42")
        let html = ErrorOverlay([.error(at: location, "bad")], editor: idea).html
        #expect(html.contains("<a href=\"idea://open?file=/home/author/course/content/my%20lessons/a%26b.md&amp;line=42&amp;column=17\" title=\"open in the editor\" style=\"\(ErrorOverlay.linkStyle)\">content/my lessons/a&amp;b.md:42:17</a>"))
    }

    @Test func badEditorPatternsAreRefused() {
        for bad in ["emacs", "javascript:alert('{file}')", "data:text/html,{file}", "https://example.org/open", "{file}:{line}"] {
            #expect(throws: Diagnostic.self) { try EditorLink(bad, root: "/") }
        }
    }

    @Test func theHubUsesTheEditor() async throws {
        let hub = ReloadHub(editor: try EditorLink("vscode", root: "/r"))
        await hub.publish(.failed(DiagnosticList([.error(at: location, "bad")])))
        #expect(await hub.overlay?.html.contains("href=\"vscode://file/r/content/my%20lessons/a%26b.md:42:17\"") == true)
    }
}
