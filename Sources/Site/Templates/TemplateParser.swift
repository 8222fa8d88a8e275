import Diagnostics

/// Reads a Mustache template's text into a `Template`, one pass over its UTF-8 bytes, and reports what it cannot
/// read in compiler form at the tag (`templates/lesson.mustache:12:5: error: template syntax error: …`).
///
/// Lines follow the specification: a line that holds one section, inverted section, closing, comment, partial or
/// set-delimiter tag and otherwise only spaces and tabs is left out whole (its line break too), and a partial alone
/// on its line is indented by the spaces and tabs before it.
struct TemplateParser {
    /// Sections nested deeper than this are refused: real templates nest three or four deep, and rendering recurses
    /// once per level.
    static let maxSectionDepth = 100

    static func parse(_ text: String, file: String) throws(Diagnostic) -> Template {
        var parser = TemplateParser(bytes: Array(text.utf8), file: file)
        return try parser.parse()
    }

    private let bytes: [UInt8]
    private let file: String
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    /// Where `location(of:)` last counted to, so that locations are found in one pass.
    private var counted = (offset: 0, line: 1, column: 1)

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// A piece of the template before nesting: text (never past a line break), or a tag.
    private enum Piece {
        case text(Range<Int>)
        case tag(Tag)
    }

    private struct Tag {
        /// The byte after the opening delimiter: `#`, `^`, `/`, `!`, `>`, `=`, `&`, `{`, or 0 for a variable.
        var sigil: UInt8
        var name: Template.Name
        /// The name as written, trimmed (a partial's name, or what a closing tag must repeat).
        var written: String
        var location: SourceLocation
        /// The delimiters the tag was written with (`{{` and `}}` unless changed), for messages.
        var open: String
        var close: String
        /// Spaces and tabs before a partial alone on its line; nil for a partial with text beside it.
        var indentation: [UInt8]?

        /// The tag `sigil` + `name` as written with this tag's delimiters (`{{/toc}}`, `<%/toc%>`).
        func spelled(_ sigil: String, _ name: String) -> String { open + sigil + name + close }

        /// Tags that leave no trace on a line of their own.
        var canStandAlone: Bool { sigil != 0 && sigil != UInt8(ascii: "&") && sigil != UInt8(ascii: "{") }
    }

    private mutating func parse() throws(Diagnostic) -> Template {
        var pieces: [Piece] = []
        var line: [Piece] = []
        var at = 0
        while at < bytes.count {
            guard let start = find(open, from: at) else {
                appendText(at..<bytes.count, to: &line, flushingInto: &pieces)
                break
            }
            appendText(at..<start, to: &line, flushingInto: &pieces)
            let (tag, end) = try readTag(at: start)
            at = end
            line.append(.tag(tag))
        }
        Self.flush(&line, into: &pieces, bytes: bytes)
        return Template(nodes: try nest(pieces), file: file)
    }

    /// Appends text to the current line, ending the line (and deciding whether it stood alone) at each line break.
    private func appendText(_ range: Range<Int>, to line: inout [Piece], flushingInto pieces: inout [Piece]) {
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start
            while end < range.upperBound, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if end < range.upperBound {
                line.append(.text(start..<end + 1))
                Self.flush(&line, into: &pieces, bytes: bytes)
                start = end + 1
            } else {
                line.append(.text(start..<end))
                start = end
            }
        }
    }

    /// Moves a finished line into `pieces`: without its blank text when it holds one tag that can stand alone and
    /// nothing else but spaces, tabs and its line break.
    private static func flush(_ line: inout [Piece], into pieces: inout [Piece], bytes: [UInt8]) {
        defer { line.removeAll(keepingCapacity: true) }
        var lone: Tag?
        var tags = 0
        for piece in line {
            switch piece {
            case .tag(let tag):
                tags += 1
                lone = tag
            case .text(let range):
                guard isBlank(bytes[range]) else {
                    pieces.append(contentsOf: line)
                    return
                }
            }
        }
        guard tags == 1, var tag = lone, tag.canStandAlone else {
            pieces.append(contentsOf: line)
            return
        }
        if tag.sigil == UInt8(ascii: ">") {
            if case .text(let before)? = line.first { tag.indentation = Array(bytes[before]) } else { tag.indentation = [] }
        }
        pieces.append(.tag(tag))
    }

    /// Spaces and tabs, ending in at most one line break (`\n` or `\r\n`).
    private static func isBlank(_ text: ArraySlice<UInt8>) -> Bool {
        var text = text
        if text.last == UInt8(ascii: "\n") {
            text = text.dropLast()
            if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
        }
        return text.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The tag whose opening delimiter starts at `start`, and the offset after it. A comment or a change of delimiters
    /// renders nothing, but it is a tag all the same: it can stand alone on its line, and the nesting skips it.
    private mutating func readTag(at start: Int) throws(Diagnostic) -> (Tag, Int) {
        let location = location(of: start)
        var inner = start + open.count
        let sigil: UInt8 = inner < bytes.count && Self.sigils.contains(bytes[inner]) ? bytes[inner] : 0
        if sigil != 0 { inner += 1 }
        // `{{{name}}}` ends with a brace before the closing delimiter.
        let ending = sigil == UInt8(ascii: "{") ? [UInt8(ascii: "}")] + close : close
        guard let end = find(ending, from: inner) else {
            throw .error(at: location, "template syntax error: this tag is never closed: end it with \(String(decoding: ending, as: UTF8.self))")
        }
        let written = Self.trimmed(bytes[inner..<end])
        let after = end + ending.count
        let (open, close) = (String(decoding: self.open, as: UTF8.self), String(decoding: self.close, as: UTF8.self))
        func tag(_ name: Template.Name, _ written: String) -> Tag {
            Tag(sigil: sigil, name: name, written: written, location: location, open: open, close: close)
        }
        switch sigil {
        case UInt8(ascii: "!"):
            return (tag(.implicit, ""), after)
        case UInt8(ascii: "="):
            try setDelimiters(written, at: location)
            return (tag(.implicit, ""), after)
        case UInt8(ascii: "<"), UInt8(ascii: "$"):
            throw .error(at: location, "template syntax error: template inheritance ({{<…}}, {{$…}}) is not supported: include the shared parts as partials ({{> name}})")
        case UInt8(ascii: "%"):
            throw .error(at: location, "template syntax error: pragmas ({{%…}}) are not supported: remove this tag")
        case UInt8(ascii: ">"):
            guard !written.isEmpty, !written.hasPrefix("*") else {
                throw .error(at: location, "template syntax error: a partial needs a template name, like {{> partials/footer}}")
            }
            return (tag(.implicit, written), after)
        default:
            return (tag(try Self.name(written, at: location), written), after)
        }
    }

    private static let sigils: Set<UInt8> = Set("#^/!>=&{<$%".utf8)

    /// `{{=<% %>=}}`: the two new delimiters, separated by white space.
    private mutating func setDelimiters(_ written: String, at location: SourceLocation) throws(Diagnostic) {
        let parts = written.hasSuffix("=") ? written.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" }) : []
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw .error(at: location, "template syntax error: a change of delimiters reads {{=<% %>=}}: two delimiters without '=', separated by a space")
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    /// A tag's name: `.`, or dotted parts none of which is empty.
    private static func name(_ written: String, at location: SourceLocation) throws(Diagnostic) -> Template.Name {
        if written == "." { return .implicit }
        if written.contains("(") {
            throw .error(at: location, "template syntax error: '\(written)' looks like a transform, which sitegen's templates do not have: name a value the page provides")
        }
        let parts = written.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !written.isEmpty, !parts.contains(where: \.isEmpty),
              !written.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
            throw .error(at: location, "template syntax error: '\(written)' is not a name: a tag holds one name, like {{title}} or {{lesson.title}}")
        }
        return .path(parts)
    }

    /// Nests the pieces into sections, checking that each closing tag closes the innermost open section.
    private func nest(_ pieces: [Piece]) throws(Diagnostic) -> [Template.Node] {
        var levels: [(tag: Tag?, nodes: [Template.Node])] = [(nil, [])]
        var text: [UInt8] = []
        func endText() {
            if !text.isEmpty { levels[levels.count - 1].nodes.append(.text(text)) }
            text.removeAll()
        }
        for piece in pieces {
            guard case .tag(let tag) = piece else {
                if case .text(let range) = piece { text.append(contentsOf: bytes[range]) }
                continue
            }
            switch tag.sigil {
            case UInt8(ascii: "!"), UInt8(ascii: "="):
                continue
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                endText()
                guard levels.count <= Self.maxSectionDepth else {
                    throw .error(at: tag.location, "template sections nest deeper than \(Self.maxSectionDepth) levels here; flatten the template")
                }
                levels.append((tag, []))
            case UInt8(ascii: "/"):
                endText()
                guard levels.count > 1, let section = levels.last?.tag else {
                    throw .error(at: tag.location, "template syntax error: \(tag.spelled("/", tag.written)) closes no open section: remove it, or open it before with \(tag.spelled("#", tag.written))")
                }
                guard section.written == tag.written else {
                    throw .error(at: tag.location, "template syntax error: \(tag.spelled("/", tag.written)) comes while '\(section.written)', opened at \(section.location.line):\(section.location.column), is still open: close it first with \(tag.spelled("/", section.written))")
                }
                let nodes = levels.removeLast().nodes
                levels[levels.count - 1].nodes.append(.section(section.name, inverted: section.sigil == UInt8(ascii: "^"),
                                                               nodes: nodes, at: section.location))
            case UInt8(ascii: ">"):
                endText()
                levels[levels.count - 1].nodes.append(.partial(tag.written, indentation: tag.indentation, at: tag.location))
            default:
                endText()
                let escaped = tag.sigil != UInt8(ascii: "&") && tag.sigil != UInt8(ascii: "{")
                levels[levels.count - 1].nodes.append(.variable(tag.name, escaped: escaped, at: tag.location))
            }
        }
        endText()
        if let section = levels.last?.tag {
            throw .error(at: section.location, "template syntax error: section '\(section.written)' is never closed: end it with \(section.spelled("/", section.written))")
        }
        return levels[0].nodes
    }

    /// The first offset from `start` where `needle` begins.
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var at = start
        while at + needle.count <= bytes.count {
            if bytes[at] == first, bytes[at..<at + needle.count].elementsEqual(needle) { return at }
            at += 1
        }
        return nil
    }

    /// The line and column (in Unicode scalars) of byte `offset`, counted on from the last one asked for.
    private mutating func location(of offset: Int) -> SourceLocation {
        var (at, line, column) = counted
        while at < offset {
            if bytes[at] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[at] & 0xC0 != 0x80 {
                column += 1
            }
            at += 1
        }
        counted = (at, line, column)
        return SourceLocation(file: file, line: line, column: column)
    }

    /// A tag's content without the white space at its ends (spaces, tabs and line breaks).
    private static func trimmed(_ content: ArraySlice<UInt8>) -> String {
        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        guard let first = content.firstIndex(where: { !isSpace($0) }), let last = content.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(decoding: content[first...last], as: UTF8.self)
    }
}
