/// Our own rendered HTML read as start tags, end tags and text, for reading what a reader sees (the search
/// index). Like `HTMLReferences` it is a small scanner over output sitegen wrote, not a full HTML parser:
/// comments are skipped, script and style contents are skipped, and entities are decoded in text and in the
/// `id` and `class` values (with `HTMLReferences.decodeEntities`). One pass over the page's UTF-8 bytes: each
/// tag and text run goes straight to a `HTMLTextVisitor`, with no list of events in between.
struct HTMLTextScanner {
    /// A start tag: its name lower-cased, its decoded `id` and `class` values (every other attribute is skipped).
    struct StartTag: Equatable {
        var name: String
        var id: String?
        var classes: String?
        var selfClosing: Bool
    }

    static func scan(_ html: String, into visitor: inout some HTMLTextVisitor) {
        let bytes = Array(html.utf8)
        var decoded: [UInt8] = []
        var i = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            guard end > textStart else { return }
            let run = bytes[textStart..<end]
            guard run.contains(UInt8(ascii: "&")) else {
                bytes.withUnsafeBufferPointer { visitor.text(UnsafeBufferPointer(rebasing: $0[textStart..<end])) }
                return
            }
            decoded.removeAll(keepingCapacity: true)
            HTMLReferences.decodeEntities(run, into: &decoded)
            decoded.withUnsafeBufferPointer { visitor.text($0) }
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts("<!--", bytes, at: i) {
                flushText(upTo: i)
                i = find("-->", bytes, from: i + 4) + 3
                textStart = min(i, bytes.count)
                continue
            }
            let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < bytes.count, HTMLReferences.isNameStart(bytes[nameStart]) else { i += 1; continue }
            flushText(upTo: i)
            var j = nameStart
            while j < bytes.count, HTMLReferences.isNameByte(bytes[j]) { j += 1 }
            let name = lowerCased(bytes[nameStart..<j])
            var tag = StartTag(name: name, id: nil, classes: nil, selfClosing: false)
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                if HTMLReferences.isSpace(bytes[j]) { j += 1; continue }
                if bytes[j] == UInt8(ascii: "/") { tag.selfClosing = true; j += 1; continue }
                tag.selfClosing = false
                let attribute = HTMLReferences.attributeRanges(in: bytes, at: j)
                j = attribute.next
                guard let value = attribute.value else { continue }
                if isName("id", attribute.name, bytes) {
                    tag.id = decodedString(bytes[value])
                } else if isName("class", attribute.name, bytes) {
                    tag.classes = decodedString(bytes[value])
                }
            }
            i = min(j + 1, bytes.count)
            if closing {
                visitor.end(name)
            } else {
                visitor.start(tag)
                if name == "script" || name == "style" {
                    i = find("</\(name)", bytes, from: i)
                }
            }
            textStart = i
        }
        flushText(upTo: bytes.count)
    }

    private static func starts(_ prefix: StaticString, _ bytes: [UInt8], at start: Int) -> Bool {
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        return start + p.count <= bytes.count && bytes[start..<start + p.count].elementsEqual(p)
    }

    /// The offset of `needle` (lower-case ASCII) from `start`, case-insensitively; the end when absent.
    private static func find(_ needle: String, _ bytes: [UInt8], from start: Int) -> Int {
        let n = Array(needle.utf8)
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

    /// Whether the attribute name at `range` is `name` (lower-case ASCII), case-insensitively.
    private static func isName(_ name: StaticString, _ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        let n = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        return range.count == n.count && zip(bytes[range], n).allSatisfy { HTMLReferences.lower($0) == $1 }
    }

    private static func lowerCased(_ name: ArraySlice<UInt8>) -> String {
        String(unsafeUninitializedCapacity: name.count) { out in
            for (k, byte) in name.enumerated() { out[k] = HTMLReferences.lower(byte) }
            return name.count
        }
    }

    private static func decodedString(_ value: ArraySlice<UInt8>) -> String {
        guard value.contains(UInt8(ascii: "&")) else { return String(decoding: value, as: UTF8.self) }
        var out: [UInt8] = []
        HTMLReferences.decodeEntities(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// What `HTMLTextScanner` finds, in document order.
protocol HTMLTextVisitor {
    mutating func start(_ tag: HTMLTextScanner.StartTag)
    /// An end tag, its name lower-cased.
    mutating func end(_ name: String)
    /// A run of text between tags (or comments), its entities decoded: valid UTF-8, valid only during the call.
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>)
}
