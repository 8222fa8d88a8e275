import Markdown

/// Puts rendered HTML where `ProtectedSpans` placeholders sit in text runs; placeholders whose index
/// `html` does not know are left for a later stage.
enum SpanReplacement {
    static func replace(in blocks: inout [Block], html: @escaping (Int) -> String?) {
        InlineRewriter { inlines in
            // Most runs hold no placeholder: they are kept as they are.
            guard inlines.contains(where: mayHoldPlaceholder) else { return inlines }
            return inlines.flatMap { node -> [Inline] in
                guard mayHoldPlaceholder(node), case .text(let text) = node else { return [node] }
                return ProtectedSpans.pieces(text).map { piece in
                    switch piece {
                    case .text(let s): return .text(s)
                    case .span(let index):
                        return html(index).map { .rawHTML($0) } ?? .text(ProtectedSpans.placeholder(index))
                    }
                }
            }
        }.apply(to: &blocks)
    }

    /// Whether `node` is text whose bytes hold a placeholder's opening mark (U+E000). A text without one is
    /// its own only piece, so only these are cut (`ProtectedSpans.pieces`, which reads them as characters).
    static func mayHoldPlaceholder(_ node: Inline) -> Bool {
        guard case .text(let text) = node else { return false }
        return ProtectedSpans.mayHoldPlaceholder(text)
    }
}
