import Escaping

/// The HTML `HTMLRenderer` is writing (and the site's code blocks), as UTF-8 bytes: each piece is copied onto the end
/// of one growing buffer, where appending to a `String` made a string (and often new storage) for every tag and text.
public struct HTMLBuffer {
    /// The HTML written: valid UTF-8 (see `text`).
    public private(set) var bytes: [UInt8] = []

    public init(reservingCapacity capacity: Int) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    /// The HTML written, as a `String`. Every piece appended is the UTF-8 of a `String` or a literal, escaping puts
    /// ASCII for ASCII, and only whole ASCII characters are removed, so the bytes are valid UTF-8 and are not validated
    /// again (`String(vouchedUTF8:)`: validating them was 300 M instructions for the synthetic course's pages).
    public var text: String { String(vouchedUTF8: bytes) }

    @inline(__always)
    public mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text that is already HTML (raw HTML, a highlighted listing, an escaped URL).
    public mutating func append(html: String) {
        var html = html
        html.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ number: Int) { append(html: String(number)) }

    /// Text escaped as `HTMLEscape.escape` does (`&`, `<`, `>`, `"`).
    public mutating func append(escaping text: String) {
        var text = text
        text.withUTF8 { HTMLEscape.append($0, textEscapedTo: &bytes) }
    }

    /// Whether the HTML ends with the character "\n", as `String.hasSuffix("\n")` asks: a last byte 0x0A that does not
    /// end a CR LF pair (CR LF is one character, and every other character breaks before LF).
    var endsWithNewline: Bool {
        guard bytes.last == UInt8(ascii: "\n") else { return false }
        return bytes.count < 2 || bytes[bytes.count - 2] != UInt8(ascii: "\r")
    }

    /// The HTML written from `start` on, as a `String`.
    func text(from start: Int) -> String { String(decoding: bytes[start...], as: UTF8.self) }

    mutating func removeLast(_ count: Int) { bytes.removeLast(count) }
}
