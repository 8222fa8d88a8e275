/// Eight bytes read as one `UInt64` and asked whether any of them is a given byte, or below one: the usual bit tricks,
/// exact for "any" (a borrow into a byte's top bit only follows a byte that already matched, and a byte from 0x80 up
/// sets no top bit of `~word`). The escapers pass over the runs of bytes they keep eight at a time with these.
///
/// The `…Marks` forms give the top bit of each matching byte, so that several questions are asked with one `|` and
/// no branch between them. Only the lowest mark is certain (a borrow may mark a byte above a match too), which is all
/// `firstMarked` reads: the first byte that matches.
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let tops: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes of `bytes` from `offset` (which must have eight after it).
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// Whether any byte of `word` is `byte`: a zero byte of `word ^ byte…byte`.
    @inline(__always)
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool { marks(word, byte) != 0 }

    /// Whether any byte of `word` is below `limit` (at most 0x80): it leaves a borrow in its top bit when `limit` is
    /// taken from every byte.
    @inline(__always)
    static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool { marks(word, below: limit) != 0 }

    /// The bytes of `word` that are `byte`, marked by their top bits (the lowest mark exact).
    @inline(__always)
    static func marks(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let matches = word ^ (ones &* UInt64(byte))
        return (matches &- ones) & ~matches & tops
    }

    /// The bytes of `word` below `limit` (at most 0x80), marked by their top bits (the lowest mark exact).
    @inline(__always)
    static func marks(_ word: UInt64, below limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & tops
    }

    /// The offset in its word of the first byte `marks` marked (`marks` not zero): `load` puts the first byte lowest
    /// on the little-endian machines sitegen runs on.
    @inline(__always)
    static func firstMarked(_ marks: UInt64) -> Int { marks.trailingZeroBitCount >> 3 }
}
