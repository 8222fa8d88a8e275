import Escaping

/// The MathML being written, as UTF-8 bytes: every parse function appends its element, and an element that
/// turns out to need a wrapper (`<mrow>`, `<msub>`) gets its start tag inserted before it afterwards.
///
/// The bytes are valid UTF-8 by construction, so `string` makes them a String without validating them again: what is
/// appended is whole scalars (static text, the bytes of Strings, encoded scalars, and runs of the formula's bytes that
/// start and end between its scalars), and every offset where markup is put, moved or cut out is checked to be where a
/// scalar starts. One that were not, or a run of the formula's bytes cut inside a scalar, would be a mistake in the
/// parser: the buffer then no longer vouches for its bytes, and `string` checks (and repairs) them as any bytes.
struct MarkupBuffer {
    private(set) var bytes: [UInt8] = []
    /// Whether a check above failed since the buffer was made.
    private var unsure = false

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
    mutating func append(_ markup: ArraySlice<UInt8>) {
        if !Self.isWholeScalars(markup) { unsure = true }
        bytes.append(contentsOf: markup)
    }

    /// Text escaped for HTML (`&`, `<`, `>`, `"`).
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { HTMLEscape.append($0, textEscapedTo: &bytes) }
    }

    /// UTF-8 text escaped for HTML (`&`, `<`, `>`, `"`).
    mutating func appendEscaped(_ text: ArraySlice<UInt8>) {
        if !Self.isWholeScalars(text) { unsure = true }
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
        unsure ? String(decoding: bytes, as: UTF8.self) : String(vouchedUTF8: bytes)
    }

    /// Whether `run` (a slice of valid UTF-8) starts with a scalar's first byte and ends with its last scalar whole.
    static func isWholeScalars(_ run: ArraySlice<UInt8>) -> Bool {
        guard let first = run.first else { return true }
        guard first & 0xC0 != 0x80 else { return false }
        // The last scalar's lead byte, at most three bytes from the end, and how many bytes it says the scalar has.
        var lead = run.endIndex - 1
        while lead > run.startIndex, run[lead] & 0xC0 == 0x80, run.endIndex - lead < 4 { lead -= 1 }
        let byte = run[lead]
        let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
        return run.endIndex - lead == length
    }

    /// Whether a scalar starts at `offset` (or the markup ends there).
    private func startsScalar(_ offset: Int) -> Bool {
        offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    mutating func insert(_ markup: StaticString, at offset: Int) {
        if !startsScalar(offset) { unsure = true }
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
        if !(startsScalar(offset) && startsScalar(range.lowerBound) && startsScalar(range.upperBound)) { unsure = true }
        let moved = Array(bytes[range])
        bytes.removeSubrange(range)
        bytes.insert(contentsOf: moved, at: offset)
    }

    mutating func replaceSubrange(_ range: Range<Int>, with markup: String) {
        if !(startsScalar(range.lowerBound) && startsScalar(range.upperBound)) { unsure = true }
        bytes.replaceSubrange(range, with: markup.utf8)
    }

    mutating func removeSubrange(_ range: Range<Int>) {
        if !(startsScalar(range.lowerBound) && startsScalar(range.upperBound)) { unsure = true }
        bytes.removeSubrange(range)
    }
}
