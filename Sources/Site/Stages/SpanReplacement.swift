import Markdown

/// Puts rendered HTML where `ProtectedSpans` placeholders sit in text runs; placeholders whose index
/// `html` does not know are left for a later stage.
struct SpanReplacement: InlineRewriter {
    let html: (Int) -> String?

    static func replace(in blocks: inout [Block], html: @escaping (Int) -> String?) {
        SpanReplacement(html: html).apply(to: &blocks)
    }

    /// Only runs with a text that may hold a placeholder are rewritten; the others stay as they are.
    func touches(_ node: Inline) -> Bool { Self.mayHoldPlaceholder(node) }

    func rewrite(_ inlines: inout [Inline]) {
        // Appended to one array: no array per node kept as it is.
        var replaced: [Inline] = []
        replaced.reserveCapacity(inlines.count + 4)
        for node in inlines {
            guard Self.mayHoldPlaceholder(node), case .text(let text) = node else {
                replaced.append(node)
                continue
            }
            for piece in ProtectedSpans.pieces(text) {
                switch piece {
                case .text(let s): replaced.append(.text(s))
                case .span(let index):
                    replaced.append(html(index).map { .rawHTML($0) } ?? .text(ProtectedSpans.placeholder(index)))
                }
            }
        }
        inlines = replaced
    }

    /// Whether `node` is text whose bytes hold a placeholder's opening mark (U+E000). A text without one is
    /// its own only piece, so only these are cut (`ProtectedSpans.pieces`, which reads them as characters).
    static func mayHoldPlaceholder(_ node: Inline) -> Bool {
        guard case .text(let text) = node else { return false }
        return ProtectedSpans.mayHoldPlaceholder(text)
    }
}
