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
        asciiSlug(text) ?? unicodeSlug(text)
    }

    /// `slug` character by character, asking Unicode which characters are letters and numbers.
    static func unicodeSlug(_ text: String) -> String {
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

    /// `slug` of an all-ASCII text, byte by byte (nil for any other text). There every character is one byte (a
    /// combining mark, which would join a letter into one character, is not ASCII), and the letters and digits are
    /// A–Z, a–z and 0–9: the same slug without asking Unicode's tables about each character (about 900 instructions
    /// a character, 83 M of the synthetic course's cold build).
    static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "_"): out.append(byte)
                case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
                case 0x80...: return nil
                default: break
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
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
