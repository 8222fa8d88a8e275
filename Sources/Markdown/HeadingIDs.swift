/// Gives every heading a stable, unique id (GitHub-style slugs: `Adam vs AdamW` → `adam-vs-adamw`,
/// repeats get `-1`, `-2`) and collects the table of contents.
public enum HeadingIDs {
    /// Assigns ids in document order (headings nested in block quotes included) and returns the tree.
    public static func assign(_ blocks: [Block]) -> [Block] {
        var used: [String: Int] = [:]
        return blocks.map { assign($0, used: &used) }
    }

    private static func assign(_ block: Block, used: inout [String: Int]) -> Block {
        var block = block
        switch block.kind {
        case let .heading(level, content, id):
            let base = id ?? slug(Inline.plainText(content))
            block.kind = .heading(level: level, content: content, id: unique(base, used: &used))
        case .blockQuote(let inner):
            block.kind = .blockQuote(inner.map { assign($0, used: &used) })
        default:
            break
        }
        return block
    }

    private static func unique(_ base: String, used: inout [String: Int]) -> String {
        let base = base.isEmpty ? "section" : base
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        var n = count + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 0
        return "\(base)-\(n)"
    }

    /// Lowercases, keeps letters, digits, `-` and `_`, turns spaces into `-`, drops the rest.
    public static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            } else if character == " " {
                out.append("-")
            }
        }
        return out
    }
}

/// One entry of a page's table of contents.
public struct TOCEntry: Sendable, Equatable {
    public var level: Int
    public var title: String
    public var id: String

    public init(level: Int, title: String, id: String) {
        self.level = level
        self.title = title
        self.id = id
    }

    /// The headings of levels `2...maxLevel` at the top level of the document, in order.
    public static func collect(_ blocks: [Block], maxLevel: Int = 3) -> [TOCEntry] {
        blocks.compactMap { block in
            guard case let .heading(level, content, id?) = block.kind, (2...maxLevel).contains(level) else { return nil }
            return TOCEntry(level: level, title: Inline.plainText(content), id: id)
        }
    }
}
