import Foundation

/// A lesson's body, most of its page's bytes, put into the page once instead of being copied through both
/// templates: the lesson template and the base layout render a short marker where the body goes, and the page's
/// bytes are that rendering with the body's bytes in the marker's place.
///
/// Only where the lesson's template and the base layout (with their partials) print the body, and the base layout
/// `content`, raw and whole, and nothing else that holds them (`TemplateSet.printsRawOnly` says what is refused):
/// there the marker stands exactly where the body would, and the page's bytes are those the body itself would give.
/// Other templates get the body itself.
enum PageSplice {
    /// Made for the process: no text a page holds contains it by chance.
    static let marker = "<!--sitegen-body-\(UUID().uuidString)-->"

    /// Whether a lesson page rendered with `layout` can take its body spliced in.
    static func applies(layout: String, in templates: TemplateSet) -> Bool {
        templates.printsRawOnly("body", in: layout, containers: ["lesson"])
            && templates.printsRawOnly("body", in: "base", containers: ["lesson"])
            && templates.printsRawOnly("content", in: "base")
    }

    /// The UTF-8 bytes of `rendered` with `body` in place of every marker.
    static func bytes(_ rendered: String, inserting body: String) -> [UInt8] {
        var rendered = rendered, body = body
        return rendered.withUTF8 { page in
            body.withUTF8 { body in
                let marker = Array(Self.marker.utf8)
                var out: [UInt8] = []
                out.reserveCapacity(page.count + body.count)
                var start = 0, at = 0
                // Each place the marker's first byte (`<`) stands may start it.
                while at + marker.count <= page.count,
                      let found = memchr(page.baseAddress! + at, Int32(marker[0]), page.count - marker.count + 1 - at) {
                    at = UnsafeRawPointer(page.baseAddress!).distance(to: UnsafeRawPointer(found))
                    guard page[at..<at + marker.count].elementsEqual(marker) else {
                        at += 1
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: page[start..<at]))
                    out.append(contentsOf: body)
                    at += marker.count
                    start = at
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: page[start...]))
                return out
            }
        }
    }
}
