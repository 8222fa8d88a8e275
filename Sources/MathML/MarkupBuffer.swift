import Escaping

/// The MathML being written, as UTF-8 bytes: every parse function appends its element, and an element that
/// turns out to need a wrapper (`<mrow>`, `<msub>`) gets its start tag inserted before it afterwards.
struct MarkupBuffer {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Where the next element starts.
    var count: Int { bytes.count }

    @inline(__always)
    mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ markup: [UInt8]) { bytes.append(contentsOf: markup) }

    mutating func append(_ markup: ArraySlice<UInt8>) { bytes.append(contentsOf: markup) }

    /// Text escaped for HTML (`&`, `<`, `>`, `"`).
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { HTMLEscape.append($0, textEscapedTo: &bytes) }
    }

    /// UTF-8 text escaped for HTML (`&`, `<`, `>`, `"`).
    mutating func appendEscaped(_ text: ArraySlice<UInt8>) {
        text.withUnsafeBufferPointer { HTMLEscape.append($0, textEscapedTo: &bytes) }
    }

    /// A scalar, UTF-8 encoded.
    @inline(__always)
    mutating func append(scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            bytes.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    /// A scalar of the source, escaped for text (`&`, `<`, `>` and `"` are the only ones that change).
    mutating func appendEscaped(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "&", "<", ">", "\"": appendEscaped(String(scalar))
        default: append(scalar: scalar)
        }
    }

    mutating func insert(_ markup: StaticString, at offset: Int) {
        markup.withUTF8Buffer { bytes.insert(contentsOf: $0, at: offset) }
    }

    /// Puts the markup written since `start` between a start tag and an end tag.
    mutating func wrap(from start: Int, _ startTag: StaticString, _ endTag: StaticString) {
        insert(startTag, at: start)
        append(endTag)
    }

    /// Makes the items written since `start` one element: the item itself, or an `<mrow>` around several (or none).
    mutating func wrapRow(from start: Int, items: Int) {
        guard items != 1 else { return }
        wrap(from: start, "<mrow>", "</mrow>")
    }

    /// Moves the markup in `range` back to `offset` (an element whose parts TeX and MathML order differently).
    mutating func move(_ range: Range<Int>, to offset: Int) {
        let moved = Array(bytes[range])
        bytes.removeSubrange(range)
        bytes.insert(contentsOf: moved, at: offset)
    }

    mutating func replaceSubrange(_ range: Range<Int>, with markup: String) {
        bytes.replaceSubrange(range, with: markup.utf8)
    }

    mutating func removeSubrange(_ range: Range<Int>) { bytes.removeSubrange(range) }
}
