import Diagnostics
import Escaping
import Foundation
import Experiments

/// Math (`$…$`, `$$…$$`) and inline results (`{{ … }}`) must reach their stages exactly as written,
/// but markdown would read `*`, `_` and `\\` inside them. Before cmark parses the body, this pass cuts
/// them out and leaves a placeholder (`U+E000 n U+E001`, private-use characters cmark passes through);
/// later stages put the rendered HTML where the placeholders ended up. Code spans and fenced code are
/// left alone, and `\$` stays a literal dollar. Citations (`[@key]`, `[@a; @b]`) and cross-references
/// (`@fig:id`, `@tbl:id`) are cut out the same way, so cmark never reads them as links or emails.
public struct ProtectedSpans: Sendable {
    public enum Kind: Sendable, Equatable {
        case inlineMath, displayMath, inlineResult
        /// `[@a; @b]`: the source is `@a; @b`.
        case citation
        /// `@fig:id` or `@tbl:id`: the source is `fig:id`.
        case crossReference
    }

    public struct Span: Sendable, Equatable {
        public var kind: Kind
        /// The text between the delimiters.
        public var source: String
        /// Where the text between the delimiters starts, in the original file.
        public var location: SourceLocation
        /// For an inline result: `source` read as a reference, or why it cannot be (reported by the
        /// experiments stage, which evaluates it).
        public var reference: Result<InlineReference, ExpressionError>?
    }

    public private(set) var spans: [Span] = []
    /// The body with every span replaced by its placeholder.
    public private(set) var masked: String = ""

    public static let open: Character = "\u{E000}"
    public static let close: Character = "\u{E001}"

    public static func placeholder(_ index: Int) -> String {
        var bytes: [UInt8] = []
        appendPlaceholder(index, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `placeholder(index)` to UTF-8 `bytes`: `open` (EE 80 80), the index's digits, `close` (EE 80 81).
    static func appendPlaceholder(_ index: Int, to bytes: inout [UInt8]) {
        bytes.append(0xEE); bytes.append(0x80); bytes.append(0x80)
        bytes.appendDecimal(index)
        bytes.append(0xEE); bytes.append(0x80); bytes.append(0x81)
    }

    /// Scans `body`, whose first line is line `lineOffset + 1` of `file`.
    public init(body: String, file: String, lineOffset: Int) throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        // The masked body's UTF-8: `body` up to `copied`, with the spans of the lines before it replaced. Valid UTF-8
        // by construction: the body's own bytes cut at line feeds, lines masked whole characters at a time, and
        // placeholders.
        var out: [UInt8] = []
        // Lines are classified on the body's bytes; only a line that may open or close a fence, or that holds
        // something to mask, is made a substring.
        var utf8Body = body
        utf8Body.withUTF8 { bytes in
            out.reserveCapacity(bytes.count + 64)
            let utf8 = body.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            func substring(_ range: Range<Int>) -> Substring { body[index(range.lowerBound)..<index(range.upperBound)] }
            func copy(_ range: Range<Int>) { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range])) }
            var copied = 0  // `body` up to this byte offset is in `out`
            var fence: Substring?
            var line = lineOffset
            // The first byte at or after the line being read that may start something to mask (`firstMaskable`);
            // found once for all the lines before it.
            var maskable = -1
            TextLines.forEach(bytes) { range in
                line += 1
                // A fence's line has ` or ~ as its first byte after spaces, an indented line four spaces or a tab
                // as its first bytes: only such lines are read as characters to tell.
                var leadAt = range.lowerBound
                while leadAt < range.upperBound, bytes[leadAt] == UInt8(ascii: " ") { leadAt += 1 }
                let lead = leadAt < range.upperBound ? bytes[leadAt] : nil
                let mayBeFence = lead == UInt8(ascii: "`") || lead == UInt8(ascii: "~")
                let trimmed = mayBeFence ? substring(range).drop { $0 == " " } : ""
                if let open = fence {
                    if mayBeFence, trimmed.hasPrefix(open), trimmed.drop(while: { $0 == open.first }).allSatisfy({ $0 == " " }) { fence = nil }
                    return
                }
                if mayBeFence, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    let marker = trimmed.first!
                    fence = trimmed.prefix { $0 == marker }
                    return
                }
                let mayBeIndented = leadAt - range.lowerBound >= 4 || (!range.isEmpty && bytes[range.lowerBound] == 0x09)
                if mayBeIndented, case let rawLine = substring(range), rawLine.hasPrefix("    ") || rawLine.hasPrefix("\t") {
                    return   // indented code
                }
                // Most lines hold no code span, math, result or escape: they stay as they are.
                if maskable < range.lowerBound { maskable = Self.firstMaskable(bytes, from: range.lowerBound) }
                guard maskable < range.upperBound else { return }
                copy(copied..<range.lowerBound)
                let lineBytes = UnsafeBufferPointer(rebasing: bytes[range])
                // A line of ASCII without a carriage return is read as bytes: each byte is one Character there.
                if lineBytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                    maskLine(Array(lineBytes), file: file, line: line, into: &out, problems: &problems)
                } else {
                    maskLine(Array(substring(range)), file: file, line: line, into: &out, problems: &problems)
                }
                copied = range.upperBound
            }
            copy(copied..<bytes.count)
        }
        masked = String(vouchedUTF8: out)
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }

    /// The offset of the first byte of `bytes` from `start` that is `` ` ``, `$`, `{`, `\\` or `@` (what every code
    /// span, math, result, escape, citation group and cross-reference holds), or `bytes.count`; eight bytes at a time.
    /// A line without one is left as it is.
    static func firstMaskable(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteWord.firstMarked(in: bytes, from: start, marks: { word in
            ByteWord.exactMarks(word, UInt8(ascii: "`")) | ByteWord.exactMarks(word, UInt8(ascii: "$"))
                | ByteWord.exactMarks(word, UInt8(ascii: "{")) | ByteWord.exactMarks(word, UInt8(ascii: "\\"))
                | ByteWord.exactMarks(word, UInt8(ascii: "@"))
        }, isMarked: { isMaskable($0) && $0 != UInt8(ascii: "[") })
    }

    /// `firstMaskable`'s bytes and `[`: where a span may start (a citation group starts at its `[`), which a masked line
    /// jumps between (`LineUnit.firstSpanStart`).
    static func firstSpanStart(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteWord.firstMarked(in: bytes, from: start, marks: { word in
            ByteWord.exactMarks(word, UInt8(ascii: "`")) | ByteWord.exactMarks(word, UInt8(ascii: "$"))
                | ByteWord.exactMarks(word, UInt8(ascii: "{")) | ByteWord.exactMarks(word, UInt8(ascii: "\\"))
                | ByteWord.exactMarks(word, UInt8(ascii: "@")) | ByteWord.exactMarks(word, UInt8(ascii: "["))
        }, isMarked: isMaskable)
    }

    /// Whether `byte` is one `firstSpanStart` stops at.
    @inline(__always)
    static func isMaskable(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "`"), UInt8(ascii: "$"), UInt8(ascii: "{"), UInt8(ascii: "\\"), UInt8(ascii: "@"), UInt8(ascii: "["): true
        default: false
        }
    }

    /// Appends `chars` (one line) to UTF-8 `out` with its spans replaced by placeholders: everything else is copied
    /// as it is, in runs.
    private mutating func maskLine<Unit: LineUnit>(_ chars: [Unit], file: String, line: Int, into out: inout [UInt8],
                                                   problems: inout [Diagnostic]) {
        var i = 0
        // `chars[copied..<i]` is text not yet appended to `out`.
        var copied = 0
        func at(_ index: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: index + 1) }
        func protect(_ kind: Kind, _ range: Range<Int>, at location: SourceLocation, through end: Int) {
            Unit.append(chars[copied..<i], to: &out)
            add(kind, Unit.text(chars[range]), location, into: &out)
            i = end
            copied = end
        }
        while true {
            // Every span starts at a unit `firstSpanStart` stops at; the units between are copied as they are.
            i = Unit.firstSpanStart(chars, from: i)
            guard i < chars.count else { break }
            let c = chars[i]
            if c.matches("\\"), i + 1 < chars.count, chars[i + 1].matches("$") || chars[i + 1].matches("{") || chars[i + 1].matches("[") || chars[i + 1].matches("@") {
                i += 2
                continue
            }
            if c.matches("`") {
                // A code span: copy through the matching run of backticks.
                var run = 0
                while i + run < chars.count, chars[i + run].matches("`") { run += 1 }
                var j = i + run
                var closed = -1
                while j < chars.count {
                    if chars[j].matches("`") {
                        var r = 0
                        while j + r < chars.count, chars[j + r].matches("`") { r += 1 }
                        if r == run { closed = j + r; break }
                        j += r
                    } else { j += 1 }
                }
                i = closed < 0 ? i + run : closed
                continue
            }
            if c.matches("["), let end = CitationSyntax.groupEnd(chars, at: i) {
                protect(.citation, (i + 1)..<end, at: at(i + 1), through: end + 1)
                continue
            }
            if c.matches("@"), let end = CitationSyntax.crossReferenceEnd(chars, at: i) {
                protect(.crossReference, (i + 1)..<end, at: at(i), through: end)
                continue
            }
            if c.matches("{"), i + 1 < chars.count, chars[i + 1].matches("{") {
                guard let end = find("}", "}", in: chars, from: i + 2) else {
                    problems.append(.error(at: at(i), "inline result is not closed: add '}}' on the same line"))
                    break
                }
                protect(.inlineResult, (i + 2)..<end, at: at(i + 2), through: end + 2)
                continue
            }
            if c.matches("$") {
                let display = i + 1 < chars.count && chars[i + 1].matches("$")
                let start = i + (display ? 2 : 1)
                if display {
                    guard let end = find("$", "$", in: chars, from: start) else {
                        problems.append(.error(at: at(i), "display math is not closed: end it with '$$' on the same line"))
                        break
                    }
                    protect(.displayMath, start..<end, at: at(start), through: end + 2)
                    continue
                }
                // Inline math: `$` must be followed by a non-space and closed by a `$` preceded by a
                // non-space and not followed by a digit (so "$5 and $10" stays text).
                if start < chars.count, !chars[start].matches(" ") {
                    var j = start
                    var end = -1
                    while j < chars.count {
                        if chars[j].matches("`") { break }   // code spans bind tighter than math
                        if chars[j].matches("\\") { j += 2; continue }
                        if chars[j].matches("$") {
                            let followedByDigit = j + 1 < chars.count && chars[j + 1].isNumber
                            if !chars[j - 1].matches(" ") && !followedByDigit { end = j }
                            break
                        }
                        j += 1
                    }
                    if end > start {
                        protect(.inlineMath, start..<end, at: at(start), through: end + 1)
                        continue
                    }
                }
            }
            i += 1
        }
        Unit.append(chars[copied...], to: &out)
    }

    private mutating func add(_ kind: Kind, _ source: String, _ location: SourceLocation, into out: inout [UInt8]) {
        Self.appendPlaceholder(spans.count, to: &out)
        let reference = kind == .inlineResult
            ? Result { () throws(ExpressionError) -> InlineReference in try InlineReference.parse(source) } : nil
        spans.append(Span(kind: kind, source: source, location: location, reference: reference))
    }

    /// Where `first` followed by `second` next occurs in `chars` from `start`.
    private func find<Unit: LineUnit>(_ first: Unicode.Scalar, _ second: Unicode.Scalar, in chars: [Unit], from start: Int) -> Int? {
        guard chars.count >= 2 else { return nil }
        var j = start
        while j + 2 <= chars.count {
            if chars[j].matches(first) && chars[j + 1].matches(second) { return j }
            j += 1
        }
        return nil
    }

    /// Whether `text` holds the bytes of `open` (U+E000, UTF-8 EE 80 80): `pieces` of any other text is the
    /// text itself. A search for bytes, where `contains(open)` would compare every character.
    public static func mayHoldPlaceholder(_ text: String) -> Bool {
        // Read where the bytes are (a native string's always are), without the copy `withUTF8` needs.
        if let found = text.utf8.withContiguousStorageIfAvailable(mayHoldPlaceholder) { return found }
        var text = text
        return text.withUTF8 { mayHoldPlaceholder($0) }
    }

    /// `mayHoldPlaceholder` on UTF-8 bytes.
    static func mayHoldPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0
        while i < bytes.count, let found = memchr(base + i, 0xEE, bytes.count - i) {
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if at + 2 < bytes.count, bytes[at + 1] == 0x80, bytes[at + 2] == 0x80 { return true }
            i = at + 1
        }
        return false
    }

    /// Splits text into literal runs and placeholder indices, in order.
    public static func pieces(_ text: String) -> [Piece] {
        piecesOfPlainPlaceholders(text) ?? characterPieces(text)
    }

    /// `pieces` read character by character, for text whose placeholders `forEachPlainPiece` refuses.
    static func characterPieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            if c == open {
                var digits = ""
                while let d = iterator.next(), d != close { digits.append(d) }
                if !literal.isEmpty { pieces.append(.text(literal)); literal = "" }
                if let index = Int(digits) { pieces.append(.span(index)) }
            } else {
                literal.append(c)
            }
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return pieces
    }

    /// `pieces` read from the bytes, when every `open` in `text` starts a placeholder as this pass writes them
    /// (`forEachPlainPiece`). Nil for any other text, which is read character by character.
    private static func piecesOfPlainPlaceholders(_ text: String) -> [Piece]? {
        var text = text
        return text.withUTF8 { bytes -> [Piece]? in
            var pieces: [Piece] = []
            let plain = forEachPlainPiece(bytes) { range in
                pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)))
            } span: { index in
                pieces.append(.span(index))
            }
            return plain ? pieces : nil
        }
    }

    /// `pieces` of UTF-8 `bytes` for writers that build bytes: calls `text` with each range of bytes between placeholders
    /// and `span` with each placeholder's index, in order, while every `open` starts a placeholder as this pass writes
    /// them, ASCII digits then `close`, with ASCII or either end of the text on both sides (then each mark is a
    /// character of its own: no character joins ASCII). Returns false at the first mark that does not, having given the
    /// pieces before it: the text's `pieces` are then to be read character by character.
    static func forEachPlainPiece(_ bytes: UnsafeBufferPointer<UInt8>, text: (Range<Int>) -> Void, span: (Int) -> Void) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        func isMark(_ at: Int, _ last: UInt8) -> Bool {
            at + 2 < bytes.count && bytes[at] == 0xEE && bytes[at + 1] == 0x80 && bytes[at + 2] == last
        }
        var literalStart = 0
        var i = 0
        // `memchr` finds each mark's first byte, so the text between placeholders is not looked at one byte at a time.
        while i < bytes.count, let found = memchr(base + i, 0xEE, bytes.count - i) {
            i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            guard isMark(i, 0x80) else { i += 1; continue }
            guard i == 0 || bytes[i - 1] < 0x80 else { return false }
            var end = i + 3
            var index = 0
            while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") {
                index = index &* 10 &+ Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            guard end > i + 3, end - i - 3 <= 18, isMark(end, 0x81), end + 3 == bytes.count || bytes[end + 3] < 0x80 else { return false }
            if i > literalStart { text(literalStart..<i) }
            span(index)
            i = end + 3
            literalStart = i
        }
        if literalStart < bytes.count { text(literalStart..<bytes.count) }
        return true
    }

    public enum Piece: Equatable, Sendable {
        case text(String)
        case span(Int)
    }
}
