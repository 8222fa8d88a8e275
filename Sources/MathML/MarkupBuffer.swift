import Escaping

/// The MathML being written, as UTF-8 bytes: every parse function appends its element, and an element that
/// turns out to need a wrapper (`<mrow>`, `<msub>`) gets its start tag inserted before it afterwards.
///
/// The bytes are always valid UTF-8, so `string` makes them a String without validating them again: what is appended
/// is whole scalars (static text, the bytes of Strings, encoded scalars, and runs of the formula's bytes that start and
/// end between its scalars), and every offset where markup is put, moved or cut out is checked to be where a scalar
/// starts (one that were not would be a mistake in the parser, stopped there rather than left to make a broken String).
struct MarkupBuffer {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Where the next element starts.
    var count: Int { bytes.count }

    @inline(__always)
    mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup made from a String (the tables of symbols, delimiters, environments).
    mutating func append(_ markup: [UInt8]) { bytes.append(contentsOf: markup) }

    /// A run of the formula's bytes that starts and ends between its scalars (a word of ASCII letters).
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

    /// The markup as a String (see above for why its bytes are not looked at).
    var string: String {
        var utf8 = UTF8Span(unchecked: bytes.span)
        _ = utf8.checkForASCII()  // read up to the first non-ASCII byte
        return String(copying: utf8)
    }

    /// Whether a scalar starts at `offset` (or the markup ends there).
    private func startsScalar(_ offset: Int) -> Bool {
        offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    mutating func insert(_ markup: StaticString, at offset: Int) {
        precondition(startsScalar(offset), "markup put inside a scalar")
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
        precondition(offset <= range.lowerBound && startsScalar(offset) && startsScalar(range.lowerBound)
                     && startsScalar(range.upperBound), "markup moved from or to inside a scalar")
        let moved = Array(bytes[range])
        bytes.removeSubrange(range)
        bytes.insert(contentsOf: moved, at: offset)
    }

    mutating func replaceSubrange(_ range: Range<Int>, with markup: String) {
        precondition(startsScalar(range.lowerBound) && startsScalar(range.upperBound), "markup replaced inside a scalar")
        bytes.replaceSubrange(range, with: markup.utf8)
    }

    mutating func removeSubrange(_ range: Range<Int>) {
        precondition(startsScalar(range.lowerBound) && startsScalar(range.upperBound), "markup cut inside a scalar")
        bytes.removeSubrange(range)
    }
}
