extension String {
    /// `bytes` as a String, not checked to be UTF-8: for the writers whose bytes are valid UTF-8 by construction (the
    /// HTML renderer's, MathML's, the highlighter's), where `String(decoding:)` would read a text with any non-ASCII
    /// byte in it byte by byte, about 12 instructions a byte. `isKnownASCII`: what the writer knows of its bytes; nil,
    /// they are read up to the first non-ASCII byte. Where the standard library has no `UTF8Span` (macOS before 26),
    /// the bytes are decoded as any bytes.
    public init(vouchedUTF8 bytes: [UInt8], isKnownASCII: Bool? = nil) {
        self = bytes.withUnsafeBufferPointer { String(vouchedUTF8: $0, isKnownASCII: isKnownASCII) }
    }

    /// `init(vouchedUTF8:isKnownASCII:)` of bytes in a buffer.
    public init(vouchedUTF8 bytes: UnsafeBufferPointer<UInt8>, isKnownASCII: Bool? = nil) {
        if #available(macOS 26, *) {
            var utf8 = unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isKnownASCII ?? false)
            if isKnownASCII == nil { _ = utf8.checkForASCII() }
            self = String(copying: utf8)
        } else {
            self.init(decoding: bytes, as: UTF8.self)
        }
    }

    /// Whether the String is known to be ASCII (a flag it carries, not a look at its bytes); false where the standard
    /// library does not say (macOS before 26).
    public var isKnownASCII: Bool {
        if #available(macOS 26, *) { utf8Span.isKnownASCII } else { false }
    }

    /// `bytes` as a String when they are UTF-8, nil when they are not: what `String(validating:as: UTF8.self)` gives, for
    /// a file's text, mostly ASCII. The standard library's check reads every byte after the first non-ASCII one singly
    /// (about 10 instructions a byte of a lesson with one `β` near its top); this one passes over runs of ASCII eight
    /// bytes at a time (`UTF8Check`) and makes the String without checking again.
    public init?(checkingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let ascii = UTF8Check.validity(of: bytes) else { return nil }
        self.init(vouchedUTF8: bytes, isKnownASCII: ascii)
    }
}

/// Whether bytes are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF, no
/// sequence cut short).
public enum UTF8Check {
    /// Nil when `bytes` are not UTF-8; otherwise whether they are all ASCII.
    public static func validity(of bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var ascii = true
        var i = 0
        let count = bytes.count
        while true {
            // Runs of ASCII, eight bytes at a time.
            i = ByteWord.firstMarked(in: bytes, from: i, marks: { $0 & ByteWord.tops }, isMarked: { $0 >= 0x80 })
            guard i < count else { break }
            let lead = bytes[i]
            ascii = false
            // The sequence's length and the range its second byte must lie in (the others: 80…BF).
            let length: Int, second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return nil
            }
            guard i + length <= count, second.contains(bytes[i + 1]) else { return nil }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return nil }
            i += length
        }
        return ascii
    }
}
