import Markdown

/// A rewrite of inline runs, applied by `apply(to:)` to every run of a block tree (paragraphs, headings,
/// table cells, list items, quotes, footnotes), leaving code untouched. The tree is changed where it is:
/// only a run that holds a node the rewrite `touches`, and the nodes and blocks on the way to it, are
/// written to, and every other run is left as it is. Containers (quotes, lists, tables, footnotes) are always taken
/// out of their block and put back, which moves them, not copies them, while the tree is not shared. (A protocol, not closures, so that each
/// rewrite's `touches` is compiled into the walk: most nodes are only looked at.)
protocol InlineRewriter {
    /// Whether `rewrite` has something to do in a run holding `node` (the runs nested in `node` aside).
    func touches(_ node: Inline) -> Bool
    /// Rewrites one run, after the runs nested in it; called only for a run holding a node `touches` selects.
    func rewrite(_ inlines: inout [Inline])
    /// The text of a raw HTML block written in the markdown, rewritten; nil (the default) keeps it as it is.
    func rewrite(htmlBlock html: String) -> String?
}

extension InlineRewriter {
    func rewrite(htmlBlock html: String) -> String? { nil }

    /// Rewrites `blocks` where they are. A block's nested blocks or inline run are taken out of it while
    /// they are rewritten (it holds `.thematicBreak` meanwhile), so a tree only the caller holds is changed
    /// in place, without copying its arrays.
    func apply(to blocks: inout [Block]) {
        for index in blocks.indices { apply(to: &blocks[index]) }
    }

    func apply(to block: inout Block) {
        switch block.kind {
        case .paragraph(var inlines):
            guard reaches(inlines) else { return }
            block.kind = .thematicBreak
            apply(to: &inlines)
            block.kind = .paragraph(inlines)
        case .heading(let level, var content, let id):
            guard reaches(content) else { return }
            block.kind = .thematicBreak
            apply(to: &content)
            block.kind = .heading(level: level, content: content, id: id)
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
            for cell in table.header.indices { apply(to: &table.header[cell]) }
            for row in table.rows.indices {
                for cell in table.rows[row].indices { apply(to: &table.rows[row][cell]) }
            }
            block.kind = .table(table)
        case .footnoteDefinition(let label, var content):
            block.kind = .thematicBreak
            apply(to: &content)
            block.kind = .footnoteDefinition(label: label, content: content)
        case .htmlBlock(let html):
            if let rewritten = rewrite(htmlBlock: html) { block.kind = .htmlBlock(rewritten) }
        case .codeBlock, .thematicBreak, .rawHTML:
            break
        }
    }

    /// Rewrites the runs nested in `inlines`, then `inlines` itself, where they are; writes nothing when
    /// no node in them is touched.
    func apply(to inlines: inout [Inline]) {
        var touched = false
        for index in inlines.indices {
            if touches(inlines[index]) { touched = true }
            switch inlines[index] {
            case .emphasis(var content) where reaches(content):
                inlines[index] = .softBreak
                apply(to: &content)
                inlines[index] = .emphasis(content)
            case .strong(var content) where reaches(content):
                inlines[index] = .softBreak
                apply(to: &content)
                inlines[index] = .strong(content)
            case .strikethrough(var content) where reaches(content):
                inlines[index] = .softBreak
                apply(to: &content)
                inlines[index] = .strikethrough(content)
            case .link(let url, let title, var content) where reaches(content):
                inlines[index] = .softBreak
                apply(to: &content)
                inlines[index] = .link(url: url, title: title, content: content)
            default:
                continue
            }
        }
        if touched { rewrite(&inlines) }
    }

    /// Whether `inlines`, or a run nested in them, holds a node `touches` selects.
    private func reaches(_ inlines: [Inline]) -> Bool {
        for index in inlines.indices {
            if touches(inlines[index]) { return true }
            switch inlines[index] {
            case .emphasis(let content), .strong(let content), .strikethrough(let content), .link(_, _, let content):
                if reaches(content) { return true }
            default:
                continue
            }
        }
        return false
    }
}
