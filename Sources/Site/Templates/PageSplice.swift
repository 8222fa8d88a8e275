import Foundation
import Mustache

/// A lesson's body, most of its page's bytes, put into the page once instead of being copied through both
/// templates: the templates are given a stand-in for the body, which prints a short marker, and the page's bytes are
/// that rendering with the body's bytes in the marker's place.
///
/// Two guards keep the page's bytes those the body itself would give:
/// - before rendering, the layouts: only those whose tags print the body, and the base layout `content`, raw and
///   whole (`TemplateSet.printsRawOnly`, `layouts`);
/// - after rendering, the page: every trace of the stand-in must be a whole marker (`bytes`). A template can print
///   the body in ways no scan of its tags sees (`{{.}}` in a section over a flag prints the whole context, whose
///   description holds the stand-in's), so the stand-in describes itself with its own mark, and a page with any
///   trace but the marker is rendered again with the body itself.
///
/// The marker ends in a line break when the body does: swift-mustache indents what follows a line break inside an
/// indented partial, so the text after the marker is indented exactly as the text after the body would be.
struct PageSplice {
    /// Made for the process: no text a page holds contains it by chance.
    static let id = UUID().uuidString
    private static let opening = Array("<!--sitegen-body-".utf8)

    let body: String
    /// What the templates are given as the body.
    let standIn: StandIn

    /// Nil for an empty body, given to the templates as it is: it prints nothing, which swift-mustache's indentation
    /// treats unlike any marker.
    init?(body: String) {
        guard !body.isEmpty else { return nil }
        self.body = body
        standIn = StandIn(marker: "<!--sitegen-body-\(Self.id)-->" + (body.last == "\n" ? "\n" : ""))
    }

    /// The body's stand-in: printed, the marker; described (as part of a dictionary printed whole), a mark with the
    /// same id that is no marker.
    final class StandIn: MustacheCustomRenderable, CustomStringConvertible, CustomDebugStringConvertible, @unchecked Sendable {
        let renderText: String
        var isNull: Bool { false }
        var description: String { "sitegen-body-description-\(PageSplice.id)" }
        var debugDescription: String { description }

        init(marker: String) { renderText = marker }
    }

    /// A lesson page's bytes: when `splices` (its layout is in `TemplateSet.splicingLayouts`) and the body is not empty,
    /// rendered with the stand-in and spliced, if the check after rendering passes; otherwise rendered with the body
    /// itself. `render` renders the page with the value it is given as the body. `spliced`: whether it was.
    static func page<Failure: Error>(body: String, splices: Bool,
                                     render: (Any) throws(Failure) -> String) throws(Failure) -> (bytes: [UInt8], spliced: Bool) {
        if splices, let splice = PageSplice(body: body), let bytes = splice.bytes(try render(splice.standIn)) {
            return (bytes, true)
        }
        return (Array(try render(body).utf8), false)
    }

    /// The layouts of `templates` a lesson page can be rendered with and take its body spliced in: none unless the base
    /// layout allows it, then each that prints the body only raw and whole. (The base layout is looked at once.)
    static func layouts(in templates: TemplateSet, among names: some Sequence<String>) -> Set<String> {
        guard templates.printsRawOnly("body", in: "base", containers: ["lesson"]), templates.printsRawOnly("content", in: "base") else {
            return []
        }
        return Set(names.filter { templates.printsRawOnly("body", in: $0, containers: ["lesson"]) })
    }

    /// The UTF-8 bytes of `rendered` (the page rendered with `standIn`) with the body in place of every marker; nil
    /// when the id appears anywhere but in a whole marker (then the page must be rendered with the body itself).
    func bytes(_ rendered: String) -> [UInt8]? {
        var rendered = rendered, body = body
        let marker = Array(standIn.renderText.utf8), id = Array(Self.id.utf8), opening = Self.opening
        return rendered.withUTF8 { page -> [UInt8]? in
            body.withUTF8 { body -> [UInt8]? in
                var out: [UInt8] = []
                out.reserveCapacity(page.count + body.count)
                var start = 0, at = 0
                // Each place the id's first byte stands may start the id; a marker holds it after `opening`.
                while at + id.count <= page.count,
                      let found = memchr(page.baseAddress! + at, Int32(id[0]), page.count - id.count + 1 - at) {
                    at = UnsafeRawPointer(page.baseAddress!).distance(to: UnsafeRawPointer(found))
                    guard page[at..<at + id.count].elementsEqual(id) else {
                        at += 1
                        continue
                    }
                    let markerStart = at - opening.count
                    guard markerStart >= start, markerStart + marker.count <= page.count,
                          page[markerStart..<markerStart + marker.count].elementsEqual(marker) else { return nil }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: page[start..<markerStart]))
                    out.append(contentsOf: body)
                    at = markerStart + marker.count
                    start = at
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: page[start...]))
                return out
            }
        }
    }
}
