import CCmarkGFM
import Foundation
import Diagnostics

/// Parses markdown with cmark-gfm (tables, strikethrough, autolinks, task lists, footnotes) and converts
/// its node tree into `Block`s with source positions. cmark never rejects input; the one thing refused
/// here is nesting deeper than `maximumDepth` (block quotes in block quotes, emphasis in links…), because
/// every later stage walks the tree recursively and would run out of stack on a hostile file.
public enum CmarkParser {
    /// The GFM extensions attached to every parse.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// Deeper than any real lesson (a quote in a list in a quote is 3), shallow enough for a 512 KB thread stack
    /// through every recursive stage and the HTML renderer.
    public static let maximumDepth = 64

    /// cmark-gfm registers its extensions behind a plain C flag, which two first parses on two threads race on: the
    /// test suite once saw a parse that found no strikethrough extension (CmarkParserTests, a clean clone's
    /// `.ci/run`). A Swift `static let` is initialised once, under a lock, before any parse reads the list.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark-gfm also keeps the characters its inline extensions react to (`~` for strikethrough, `:` and `w` for
    /// autolinks…) in one table for the whole process: each parse switches them on before it reads inlines (table rows
    /// while it is fed, paragraphs when it finishes) and off afterwards, so a parse on another thread meanwhile read
    /// `~~old~~` as text. The feeding and finishing of a parse hold this lock; turning the tree into `Block`s does not.
    private static let parsing = NSLock()

    /// - Parameters:
    ///   - text: the markdown (front matter already removed).
    ///   - file: the path shown in diagnostics.
    ///   - lineOffset: lines that preceded `text` in the file (front matter), added to every line number.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(Diagnostic) -> [Block] {
        _ = extensionsRegistered
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE
        // The parser, its tree and every string read from it live in this thread's arena (shim.h), freed at once when
        // the blocks are made: neither `cmark_parser_free` nor `cmark_node_free` runs. This file must stay the arena's
        // only user: shim.h's functions are `static inline`, so each Swift file that called them would get a thread-local
        // arena of its own.
        defer { sitegen_arena_release() }
        guard let parser = cmark_parser_new_with_mem(options, sitegen_arena_allocator()) else { return [] }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = text
        let finished = parsing.withLock { () -> OpaquePointer? in
            text.withUTF8 { utf8 in
                utf8.baseAddress?.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                    cmark_parser_feed(parser, $0, utf8.count)
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let document = finished else { return [] }
        let converter = Converter(file: file, lineOffset: lineOffset)
        let blocks = converter.blocks(childrenOf: document)
        if let deepest = converter.tooDeep {
            throw Diagnostic.error(at: deepest, "markdown nests deeper than \(maximumDepth) levels here (block quotes, "
                + "lists, emphasis or links inside each other); flatten the structure")
        }
        return blocks
    }
}

/// Walks cmark's nodes; one instance per parse.
///
/// cmark-gfm numbers footnotes itself: a reference's literal is its number (in order of first
/// reference), and the definitions are moved to the end of the document in that order, with no label
/// left on them. So the n-th definition met is labelled "n", matching its references.
private final class Converter {
    let file: String
    let lineOffset: Int
    var footnoteDefinitions = 0
    /// Nodes entered and not yet left; past `CmarkParser.maximumDepth` the subtree is dropped and its
    /// first location remembered for the error.
    var depth = 0
    var tooDeep: SourceLocation?

    init(file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
    }

    func location(_ node: OpaquePointer) -> SourceLocation {
        SourceLocation(
            file: file,
            line: Int(cmark_node_get_start_line(node)) + lineOffset,
            column: max(1, Int(cmark_node_get_start_column(node)))
        )
    }

    /// `convert` of each child of `node` that it gives a value for, in an array sized once: the children are counted
    /// first (a paragraph's inlines grew their array four times, 63 M instructions of the synthetic course's build).
    func children<T>(_ node: OpaquePointer, _ convert: (OpaquePointer) -> T?) -> [T] {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        var result: [T] = []
        result.reserveCapacity(count)
        child = cmark_node_first_child(node)
        while let current = child {
            if let converted = convert(current) { result.append(converted) }
            child = cmark_node_next(current)
        }
        return result
    }

    func blocks(childrenOf node: OpaquePointer) -> [Block] {
        children(node, block)
    }

    /// Runs `convert` one level deeper, or records the node and gives nil past the maximum depth.
    func nested<T>(_ node: OpaquePointer, _ convert: () -> T?) -> T? {
        guard depth < CmarkParser.maximumDepth else {
            if tooDeep == nil { tooDeep = location(node) }
            return nil
        }
        depth += 1
        defer { depth -= 1 }
        return convert()
    }

    func block(_ node: OpaquePointer) -> Block? {
        nested(node) { convertBlock(node) }
    }

    private func convertBlock(_ node: OpaquePointer) -> Block? {
        let at = location(node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return Block(.paragraph(inlines(childrenOf: node)), at: at)
        case CMARK_NODE_HEADING:
            return Block(.heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(childrenOf: node), id: nil), at: at)
        case CMARK_NODE_CODE_BLOCK:
            return Block(.codeBlock(info: string(cmark_node_get_fence_info(node)), code: literal(node)), at: at)
        case CMARK_NODE_HTML_BLOCK:
            return Block(.htmlBlock(literal(node)), at: at)
        case CMARK_NODE_BLOCK_QUOTE:
            return Block(.blockQuote(blocks(childrenOf: node)), at: at)
        case CMARK_NODE_LIST:
            let items = children(node) { item in
                let isTask = string(cmark_node_get_type_string(item)) == "tasklist"
                return ListItem(
                    blocks: blocks(childrenOf: item),
                    task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
                )
            }
            return Block(.list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0,
                items: items
            ), at: at)
        case CMARK_NODE_THEMATIC_BREAK:
            return Block(.thematicBreak, at: at)
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            footnoteDefinitions += 1
            return Block(.footnoteDefinition(label: String(footnoteDefinitions), content: blocks(childrenOf: node)), at: at)
        default:
            if string(cmark_node_get_type_string(node)) == "table" {
                return Block(.table(table(node)), at: at)
            }
            return nil
        }
    }

    func table(_ node: OpaquePointer) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch UInt8(raw[i]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        let tableRows = children(node) { row in
            (isHeader: cmark_gfm_extensions_get_table_row_is_header(row) != 0, cells: children(row) { inlines(childrenOf: $0) })
        }
        for row in tableRows {
            if row.isHeader {
                header = row.cells
            } else {
                rows.append(row.cells)
            }
        }
        return Table(alignments: alignments, header: header, rows: rows)
    }

    func inlines(childrenOf node: OpaquePointer) -> [Inline] {
        children(node, inline)
    }

    func inline(_ node: OpaquePointer) -> Inline? {
        nested(node) { convertInline(node) }
    }

    private func convertInline(_ node: OpaquePointer) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_HTML_INLINE: return .html(literal(node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(childrenOf: node))
        case CMARK_NODE_STRONG: return .strong(inlines(childrenOf: node))
        case CMARK_NODE_LINK:
            return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), content: inlines(childrenOf: node))
        case CMARK_NODE_IMAGE:
            return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), alt: inlines(childrenOf: node))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return .footnoteReference(label: literal(node))
        default:
            if string(cmark_node_get_type_string(node)) == "strikethrough" {
                return .strikethrough(inlines(childrenOf: node))
            }
            return nil
        }
    }

    func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
