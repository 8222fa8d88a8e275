extension String {
    /// `bytes` as a String, not checked to be UTF-8: for the writers whose bytes are valid UTF-8 by construction (the
    /// HTML renderer's, MathML's, the highlighter's), where `String(decoding:)` would read a text with any non-ASCII
    /// byte in it byte by byte, about 12 instructions a byte. `isKnownASCII`: what the writer knows of its bytes; nil,
    /// they are read up to the first non-ASCII byte. Where the standard library has no `UTF8Span` (macOS before 26),
    /// the bytes are decoded as any bytes.
    public init(vouchedUTF8 bytes: [UInt8], isKnownASCII: Bool? = nil) {
        if #available(macOS 26, *) {
            var utf8 = unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isKnownASCII ?? false)
            if isKnownASCII == nil { _ = utf8.checkForASCII() }
            self = String(copying: utf8)
        } else {
            self.init(decoding: bytes, as: UTF8.self)
        }
    }
}
