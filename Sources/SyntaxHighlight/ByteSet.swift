/// A set of ASCII bytes as a 128-bit mask, for the lexers' "is this byte one of …" questions: a
/// membership test is a shift and a mask, where `String.utf8.contains` or `Set<UInt8>` walk or hash.
struct ByteSet: ExpressibleByStringLiteral {
    private var low: UInt64 = 0   // bytes 0–63
    private var high: UInt64 = 0  // bytes 64–127

    /// The bytes of `ascii`, which must be ASCII.
    init(_ ascii: String) {
        for byte in ascii.utf8 {
            precondition(byte < 0x80, "ByteSet holds ASCII bytes only")
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    init(stringLiteral ascii: String) { self.init(ascii) }

    /// Whether `byte` is in the set (never for a non-ASCII byte).
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
    }
}
