import Escaping
import Foundation

/// Our own rendered HTML read as start tags, end tags and text, for reading what a reader sees (the search
/// index). Like `HTMLReferences` it is a small scanner over output sitegen wrote, not a full HTML parser:
/// comments are skipped, script and style contents are skipped, and entities are decoded in text and in the
/// `id` and `class` values (with `HTMLReferences.decodeEntities`). One pass over the page's UTF-8 bytes: each
/// tag and text run goes straight to a `HTMLTextVisitor`, with no list of events in between.
struct HTMLTextScanner {
    /// What the visitor does with the element a start tag opens.
    enum Element {
        /// Its content is reported.
        case read
        /// Left out whole: nothing in it is reported, nor its end tag; the scanner goes past its matching end tag,
        /// counting the elements of the same name opened in it.
        case leftOut
    }

    /// A start tag: its name lower-cased, its decoded `id` and `class` values (every other attribute is skipped) as
    /// UTF-8 bytes, which last only while the visitor's `start` runs: most tags' values are only compared (a class
    /// looked for) or not read at all, and a String made and released for each cost more than reading the tag.
    struct StartTag {
        var name: HTMLTagName
        var id: UnsafeBufferPointer<UInt8>?
        var classes: UnsafeBufferPointer<UInt8>?
        var selfClosing: Bool
    }

    static func scan(_ html: String, into visitor: inout some HTMLTextVisitor) {
        var html = html
        html.withUTF8 { scan($0, into: &visitor) }
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into visitor: inout some HTMLTextVisitor) {
        guard let base = bytes.baseAddress else { return }
        var decoded: [UInt8] = []
        // Room for a start tag's `id` and `class` values when they hold entities to decode.
        var decodedID: [UInt8] = [], decodedClasses: [UInt8] = []
        var i = 0
        var textStart = 0
        // An element the visitor leaves out whole (`Element.leftOut`): where its name is written, and how many elements
        // of that name are open (0: none is left out). Inside it no text or tag is reported; tags are read only as far
        // as finding its end.
        var skippedName = 0..<0
        var skippedDepth = 0
        func flushText(upTo end: Int) {
            guard end > textStart, skippedDepth == 0 else { return }
            let run = UnsafeBufferPointer(rebasing: bytes[textStart..<end])
            guard memchr(run.baseAddress!, Int32(UInt8(ascii: "&")), run.count) != nil else {
                visitor.text(run)
                return
            }
            decoded.removeAll(keepingCapacity: true)
            HTMLReferences.decodeEntities(run, into: &decoded)
            decoded.withUnsafeBufferPointer { visitor.text($0) }
        }
        while i < bytes.count {
            // The next tag often starts where the last one ended (`</mi></mrow>`): looked at before searching for it.
            if bytes[i] != UInt8(ascii: "<") {
                guard let found = memchr(base + i, Int32(UInt8(ascii: "<")), bytes.count - i) else { break }
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "!"), starts("<!--", bytes, at: i) {
                flushText(upTo: i)
                i = find("-->", bytes, from: i + 4) + 3
                textStart = min(i, bytes.count)
                continue
            }
            let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < bytes.count, HTMLReferences.isNameStart(bytes[nameStart]) else { i += 1; continue }
            flushText(upTo: i)
            let j = nameEnd(bytes, from: nameStart)
            if skippedDepth > 0 {
                // Inside a left-out element only its own name matters: no name, id or class is made, and its
                // attributes are only walked over to find the tag's end.
                let end = tagEnd(bytes, from: j, readingIDAndClass: false)
                i = min(end.offset + 1, bytes.count)
                if !closing, let raw = rawTextElement(nameStart..<j, in: bytes) { i = find(raw, bytes, from: i) }
                if sameName(nameStart..<j, skippedName, in: bytes) { skippedDepth += closing ? -1 : (end.selfClosing ? 0 : 1) }
                textStart = i
                continue
            }
            let name = HTMLTagName(nameStart..<j, in: bytes)
            let end = tagEnd(bytes, from: j, readingIDAndClass: true)
            i = min(end.offset + 1, bytes.count)
            // Inside a script or style element nothing is a tag: the scan goes on from its end tag.
            if !closing, let raw = rawTextElement(nameStart..<j, in: bytes) { i = find(raw, bytes, from: i) }
            if closing {
                visitor.end(name)
            } else {
                let element = decoding(end.id.map { bytes[$0] }, into: &decodedID) { id in
                    decoding(end.classes.map { bytes[$0] }, into: &decodedClasses) { classes in
                        visitor.start(StartTag(name: name, id: id, classes: classes, selfClosing: end.selfClosing))
                    }
                }
                // A self-closed tag holds nothing to leave out.
                if element == .leftOut, !end.selfClosing {
                    skippedName = nameStart..<j
                    skippedDepth = 1
                }
            }
            textStart = i
        }
        flushText(upTo: bytes.count)
    }

    /// The start of the end tag to look for (`</script`, `</style`) when `name` is `script` or `style` (any case):
    /// elements whose content is raw text, not tags.
    @inline(__always)
    private static func rawTextElement(_ name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> StaticString? {
        guard name.count == 6 || name.count == 5 else { return nil }
        if isName("script", name, in: bytes) { return "</script" }
        if isName("style", name, in: bytes) { return "</style" }
        return nil
    }

    /// Where the tag name from `start` ends: at its first byte that is no name byte (`HTMLReferences.isNameByte`),
    /// eight bytes looked at at a time.
    @inline(__always)
    private static func nameEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var j = start
        while j + 8 <= bytes.count {
            let others = ~ASCIIByteMarks.nameBytes(ByteWord.load(bytes, at: j)) & 0x8080_8080_8080_8080
            if others != 0 { return j + ByteWord.firstMarked(others) }
            j += 8
        }
        while j < bytes.count, HTMLReferences.isNameByte(bytes[j]) { j += 1 }
        return j
    }

    /// Where a tag ends: its `>` (or the end of the page), whether a `/` came last (`selfClosing`), and where the values
    /// of its `id` and `class` attributes lie (the last of each, when `readingIDAndClass`).
    private struct TagEnd {
        var offset: Int
        var selfClosing = false
        var id: Range<Int>?
        var classes: Range<Int>?
    }

    /// Walks a tag's attributes from `start` (just past its name) to its `>` (or the end of `bytes`).
    @inline(__always)
    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, readingIDAndClass: Bool) -> TagEnd {
        var end = TagEnd(offset: start)
        while end.offset < bytes.count, bytes[end.offset] != UInt8(ascii: ">") {
            if HTMLReferences.isSpace(bytes[end.offset]) { end.offset += 1; continue }
            if bytes[end.offset] == UInt8(ascii: "/") { end.selfClosing = true; end.offset += 1; continue }
            end.selfClosing = false
            let found = HTMLReferences.attributeRanges(in: bytes, at: end.offset)
            end.offset = found.next
            guard readingIDAndClass, let value = found.value else { continue }
            if isName("id", found.name, in: bytes) {
                end.id = value
            } else if isName("class", found.name, in: bytes) {
                end.classes = value
            }
        }
        return end
    }

    private static func starts(_ prefix: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        return start + p.count <= bytes.count && bytes[start..<start + p.count].elementsEqual(p)
    }

    /// The offset of `needle` (lower-case ASCII) from `start`, case-insensitively; the end when absent.
    private static func find(_ needle: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var j = start
        search: while j + n.count <= bytes.count {
            for k in 0..<n.count where HTMLReferences.lower(bytes[j + k]) != n[k] {
                j += 1
                continue search
            }
            return j
        }
        return bytes.count
    }

    /// Whether the tag names written at `a` and `b` in `bytes` are the same in any case: name bytes, which setting
    /// bit 5 lower-cases (`HTMLTagName`).
    @inline(__always)
    private static func sameName(_ a: Range<Int>, _ b: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where bytes[a.lowerBound + k] | 0x20 != bytes[b.lowerBound + k] | 0x20 { return false }
        return true
    }

    /// Whether the bytes `written` (a tag or attribute name as written) are `name` (lower-case ASCII letters), in any
    /// case: setting bit 5 of a byte gives a lower-case letter only for that letter in either case.
    @inline(__always)
    private static func isName(_ name: StaticString, _ written: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard written.count == name.utf8CodeUnitCount else { return false }
        let letters = name.utf8Start
        for k in 0..<written.count where bytes[written.lowerBound + k] | 0x20 != letters[k] { return false }
        return true
    }

    /// Calls `body` with an attribute's `value`, its entities decoded: the bytes as they stand in the page when it holds
    /// none, or decoded into `room`.
    private static func decoding<R>(_ value: Slice<UnsafeBufferPointer<UInt8>>?, into room: inout [UInt8],
                                    _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        guard let value else { return body(nil) }
        guard value.contains(UInt8(ascii: "&")) else { return body(UnsafeBufferPointer(rebasing: value)) }
        room.removeAll(keepingCapacity: true)
        HTMLReferences.decodeEntities(value, into: &room)
        return room.withUnsafeBufferPointer { body($0) }
    }
}

/// What `HTMLTextScanner` finds, in document order.
protocol HTMLTextVisitor {
    /// A start tag outside a left-out element, and whether its element's content is read or left out whole
    /// (`.leftOut` for a self-closed tag leaves nothing out: it holds nothing).
    mutating func start(_ tag: HTMLTextScanner.StartTag) -> HTMLTextScanner.Element
    /// An end tag.
    mutating func end(_ name: HTMLTagName)
    /// A run of text between tags (or comments), its entities decoded: valid UTF-8, valid only during the call.
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>)
}
