import Foundation

/// The references and anchors of one HTML page, found by a small tag scanner (the pages are our own
/// output, so a full HTML parser is not needed): every `href` and `src` attribute with its line and
/// column, and every `id` (and `<a name>`) a fragment may point at. Script and style contents,
/// comments and text are skipped.
struct HTMLReferences {
    /// One `href`/`src` value, entity-decoded, with the attribute text as written and its position.
    struct Reference: Equatable {
        var tag: String
        var attribute: String
        var value: String
        var raw: String
        var line: Int
        var column: Int
    }

    var references: [Reference] = []
    var ids: Set<String> = []

    init(html: String) {
        let bytes = Array(html.utf8)
        var i = 0, line = 1, lineStart = 0
        func advance(to end: Int) {
            while i < end && i < bytes.count {
                if bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
                i += 1
            }
        }
        func starts(_ prefix: String, at start: Int) -> Bool {
            let p = Array(prefix.utf8)
            return start + p.count <= bytes.count && bytes[start..<start + p.count].elementsEqual(p)
        }
        func find(_ needle: String, from start: Int) -> Int {
            let n = Array(needle.utf8)
            var j = start
            while j + n.count <= bytes.count {
                if bytes[j] == n[0], bytes[j..<j + n.count].map(Self.lower).elementsEqual(n) { return j }
                j += 1
            }
            return bytes.count
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { advance(to: i + 1); continue }
            if starts("<!--", at: i) { advance(to: find("-->", from: i + 4) + 3); continue }
            let nameStart = i + 1
            guard nameStart < bytes.count, Self.isNameStart(bytes[nameStart]) else { advance(to: i + 1); continue }
            var j = nameStart
            while j < bytes.count, Self.isNameByte(bytes[j]) { j += 1 }
            let tag = String(decoding: bytes[nameStart..<j].map(Self.lower), as: UTF8.self)
            advance(to: j)
            // Attributes up to the closing `>`.
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
                if Self.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { advance(to: i + 1); continue }
                let attribute = Self.attribute(in: bytes, at: i)
                let name = attribute.name
                guard let valueRange = attribute.value else { i = attribute.next; continue }
                let raw = String(decoding: bytes[valueRange], as: UTF8.self)
                let column = valueRange.lowerBound - lineStart + 1
                let valueLine = line
                advance(to: attribute.next)
                let value = Self.decodeEntities(raw)
                switch name {
                case "href", "src", "xlink:href":
                    references.append(Reference(tag: tag, attribute: name, value: value, raw: raw, line: valueLine, column: column))
                case "id":
                    ids.insert(value)
                case "name" where tag == "a":
                    ids.insert(value)
                default:
                    break
                }
            }
            advance(to: i + 1)
            if tag == "script" || tag == "style" {
                advance(to: find("</\(tag)", from: i))
            }
        }
    }

    /// The attribute whose name starts at `start`: its lower-cased name, the bytes of its value (nil when
    /// it has no `=`), and where the scan goes on (after the value and its closing quote, or after the name).
    static func attribute(in bytes: [UInt8], at start: Int) -> (name: String, value: Range<Int>?, next: Int) {
        let found = bytes.withUnsafeBufferPointer { attributeRanges(in: $0, at: start) }
        return (String(decoding: bytes[found.name].map(lower), as: UTF8.self), found.value, found.next)
    }

    /// `attribute(in:at:)` without making its name a string: the bytes of the name as written. A quoted value's end
    /// is found by `memchr`; the bytes that end a name or an unquoted value are all below 64, each told by one bit of
    /// a word.
    static func attributeRanges(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (name: Range<Int>, value: Range<Int>?, next: Int) {
        let last = bytes.count
        var i = start
        while i < last, !isOne(of: nameEnds, bytes[i]) { i += 1 }
        let name = start..<i
        guard i < last, bytes[i] == UInt8(ascii: "=") else { return (name, nil, i) }
        i += 1
        if i < last, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
            let from = i + 1
            let end = memchr(bytes.baseAddress! + from, Int32(bytes[i]), last - from)
                .map { bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? last
            return (name, from..<end, min(end + 1, last))
        }
        var end = i
        while end < last, !isOne(of: valueEnds, bytes[end]) { end += 1 }
        return (name, i..<end, end)
    }

    /// White space (`isSpace`), `=` and `>`: the bytes that end an attribute's name, as bits of the bytes below 64.
    private static let nameEnds: UInt64 = spaces | 1 << 0x3D | 1 << 0x3E
    /// White space and `>`: the bytes that end an unquoted value.
    private static let valueEnds: UInt64 = spaces | 1 << 0x3E
    private static let spaces: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x0C

    /// Whether `byte` is one of the bytes below 64 that are the bits of `set`.
    @inline(__always)
    private static func isOne(of set: UInt64, _ byte: UInt8) -> Bool {
        byte < 64 && set >> byte & 1 != 0
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&apos;` and numeric references. A reference is read up to
    /// the first `;` at most ten bytes after its `&`; anything else, an unknown name included, stays as it is.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out: [UInt8] = []
        decodeEntities(ArraySlice(text.utf8), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `decodeEntities` on UTF-8 bytes, appending to `out`.
    static func decodeEntities<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, into out: inout [UInt8])
        where Bytes.Index == Int, Bytes.SubSequence: RandomAccessCollection<UInt8> {
        out.reserveCapacity(out.count + bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == UInt8(ascii: "&") else { out.append(bytes[i]); i += 1; continue }
            guard let semi = bytes[(i + 1)...].prefix(10).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            let name = String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)
            if let replacement = namedReferences[name] {
                out.append(replacement)
            } else if name.hasPrefix("#"), let scalar = Self.numericScalar(String(name.dropFirst())) {
                out.append(contentsOf: String(scalar).utf8)
            } else {
                out.append(contentsOf: bytes[i...semi])
            }
            i = semi + 1
        }
    }

    private static let namedReferences: [String: UInt8] = [
        "amp": UInt8(ascii: "&"), "lt": UInt8(ascii: "<"), "gt": UInt8(ascii: ">"), "quot": UInt8(ascii: "\""), "apos": UInt8(ascii: "'"),
    ]

    private static func numericScalar(_ digits: String) -> Unicode.Scalar? {
        let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// ASCII letters, digits, `-` and `:`: looked up as one bit of two words (the scanners ask it of every byte of
    /// every tag name).
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        byte < 64 ? nameBytesBelow64 >> byte & 1 != 0 : byte < 128 && nameBytesFrom64 >> (byte & 63) & 1 != 0
    }

    /// `-` (0x2D), `0`–`9` (0x30–0x39) and `:` (0x3A), as bits of the bytes below 64.
    private static let nameBytesBelow64: UInt64 = 1 << 0x2D | 0x7FF << 0x30
    /// `A`–`Z` (0x41–0x5A) and `a`–`z` (0x61–0x7A), as bits of the bytes from 64 to 127.
    private static let nameBytesFrom64: UInt64 = 0x3FF_FFFF << 0x01 | 0x3FF_FFFF << 0x21

    static func isSpace(_ byte: UInt8) -> Bool { isOne(of: spaces, byte) }
}
