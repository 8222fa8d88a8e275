import Diagnostics

/// A block of a markdown document, as cmark-gfm parsed it, with the source position of its first line.
///
/// Stages transform this tree (replace experiment blocks, collect headings) before `HTMLRenderer`
/// writes it; `Block.Kind.rawHTML` is how a stage puts finished HTML into the tree.
public struct Block: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case paragraph([Inline])
        /// `id` is filled in by `HeadingIDs`; nil until then.
        case heading(level: Int, content: [Inline], id: String?)
        /// `info` is the whole info string (`python`, `experiment`, `python title="x.py"`).
        case codeBlock(info: String, code: String)
        case htmlBlock(String)
        case blockQuote([Block])
        case list(ordered: Bool, start: Int, tight: Bool, items: [ListItem])
        case thematicBreak
        case table(Table)
        case footnoteDefinition(label: String, content: [Block])
        /// Finished HTML a stage inserted; written as is.
        case rawHTML(String)
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// One item of a list; `task` is nil for a plain item, or whether a task-list box is checked.
public struct ListItem: Sendable, Equatable {
    public var blocks: [Block]
    public var task: Bool?

    public init(blocks: [Block], task: Bool? = nil) {
        self.blocks = blocks
        self.task = task
    }
}

/// A GFM table: a header row and body rows of inline cells, with column alignments.
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case none, left, center, right }

    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]

    public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// Inline content of a paragraph, heading or table cell.
public enum Inline: Sendable, Equatable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(url: String, title: String, content: [Inline])
    case image(url: String, title: String, alt: [Inline])
    case footnoteReference(label: String)
    /// Finished HTML a stage inserted (math, inline results); written as is.
    case rawHTML(String)

    /// The plain text of inline content: what a heading's slug, a TOC entry or an alt text is made of.
    public static func plainText(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .softBreak, .lineBreak: out += " "
            case .html, .footnoteReference, .rawHTML: break
            case .emphasis(let c), .strong(let c), .strikethrough(let c): out += plainText(c)
            case .link(_, _, let c): out += plainText(c)
            case .image(_, _, let alt): out += plainText(alt)
            }
        }
        return out
    }
}
