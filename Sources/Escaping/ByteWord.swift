/// Eight bytes read as one `UInt64`, and the bytes among them that are a given byte, or below one, marked by their
/// top bits: the usual bit tricks, so that several questions are asked with one `|` and no branch between them. The
/// escapers pass over the runs of bytes they keep eight at a time with these; the reading time counts words with them.
///
/// `marks` takes a borrow, so only its lowest mark is certain (a borrow may mark a byte above a match too), which is
/// all `firstMarked` reads: the first byte that matches. `exactMarks` adds instead, with no carry between bytes, and
/// marks every matching byte.
public enum ByteWord {
    /// One in every byte, and every byte's top bit.
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    public static let tops: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes of `bytes` from `offset` (which must have eight after it), the first byte lowest.
    @inlinable @inline(__always)
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// The first `count` bytes (0 to 8) of a word `load` read, the others cleared.
    @inlinable @inline(__always)
    public static func firstBytes(_ word: UInt64, count: Int) -> UInt64 {
        count >= 8 ? word : word & ((1 &<< (8 &* UInt64(truncatingIfNeeded: count))) &- 1)
    }

    /// The bytes of `word` that are `byte` (a zero byte of `word ^ byte…byte`), marked by their top bits (the lowest
    /// mark exact).
    @inline(__always)
    static func marks(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let matches = word ^ (ones &* UInt64(byte))
        return (matches &- ones) & ~matches & tops
    }

    /// The bytes of `word` that are `byte`, every one marked by its top bit: the low seven bits of each byte of
    /// `word ^ byte…byte` plus 0x7F carry into its top bit unless they are all 0, and never into the next byte.
    @inlinable @inline(__always)
    public static func exactMarks(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((x & low) &+ low) | x) & ~low
    }

    /// The bytes of `word` below `limit` (at most 0x80): each leaves a borrow in its top bit when `limit` is taken
    /// from every byte; marked by their top bits (the lowest mark exact).
    @inline(__always)
    static func marks(_ word: UInt64, below limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & tops
    }

    /// The offset in its word of the first byte `marks` marked (`marks` not zero): `load` puts the first byte lowest
    /// on the little-endian machines sitegen runs on.
    @inlinable @inline(__always)
    public static func firstMarked(_ marks: UInt64) -> Int { marks.trailingZeroBitCount >> 3 }
}
