import Markdown

/// Applies a rewrite to every inline run of a block tree (paragraphs, headings, table cells, list
/// items, quotes, footnotes), leaving code untouched.
struct InlineRewriter {
    let rewrite: ([Inline]) -> [Inline]
    /// Applied to the text of raw HTML blocks written in the markdown, when given.
    var htmlBlock: ((String) -> String)? = nil

    func blocks(_ blocks: [Block]) -> [Block] {
        var blocks = blocks
        apply(to: &blocks)
        return blocks
    }

    /// Rewrites `blocks` where they are. A block's nested blocks are taken out of it while they are
    /// rewritten (it holds `.thematicBreak` meanwhile), so a tree only the caller holds is changed in
    /// place, without copying its arrays.
    func apply(to blocks: inout [Block]) {
        for index in blocks.indices { apply(to: &blocks[index]) }
    }

    func apply(to block: inout Block) {
        switch block.kind {
        case .paragraph(let inlines):
            block.kind = .paragraph(inline(inlines))
        case let .heading(level, content, id):
            block.kind = .heading(level: level, content: inline(content), id: id)
        case .blockQuote(var inner):
            block.kind = .thematicBreak
            apply(to: &inner)
            block.kind = .blockQuote(inner)
        case .list(let ordered, let start, let tight, var items):
            block.kind = .thematicBreak
            for index in items.indices { apply(to: &items[index].blocks) }
            block.kind = .list(ordered: ordered, start: start, tight: tight, items: items)
        case .table(var table):
            block.kind = .thematicBreak
            table.header = table.header.map(inline)
            table.rows = table.rows.map { $0.map(inline) }
            block.kind = .table(table)
        case .footnoteDefinition(let label, var content):
            block.kind = .thematicBreak
            apply(to: &content)
            block.kind = .footnoteDefinition(label: label, content: content)
        case .htmlBlock(let html):
            if let htmlBlock { block.kind = .htmlBlock(htmlBlock(html)) }
        case .codeBlock, .thematicBreak, .rawHTML:
            break
        }
    }

    func inline(_ inlines: [Inline]) -> [Inline] {
        // Most runs nest nothing: they go to `rewrite` as they are.
        guard inlines.contains(where: Self.nests) else { return rewrite(inlines) }
        return rewrite(inlines.map { node in
            switch node {
            case .emphasis(let c): return .emphasis(inline(c))
            case .strong(let c): return .strong(inline(c))
            case .strikethrough(let c): return .strikethrough(inline(c))
            case let .link(url, title, content): return .link(url: url, title: title, content: inline(content))
            default: return node
            }
        })
    }

    /// Whether `node` holds inline content of its own, rewritten before the run it is in.
    private static func nests(_ node: Inline) -> Bool {
        switch node {
        case .emphasis, .strong, .strikethrough, .link: true
        default: false
        }
    }
}
