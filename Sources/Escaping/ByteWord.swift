/// Eight bytes read as one `UInt64`, and the bytes among them that are a given byte, or below one, marked by their
/// top bits: the usual bit tricks, so that several questions are asked with one `|` and no branch between them. The
/// escapers, the masking of math and the UTF-8 check pass over the runs of bytes they keep eight at a time with these
/// (`firstMarked(in:from:marks:isMarked:)`); the reading time counts words with them.
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

    /// The offset of the first byte of `bytes` from `start` that `marks` marks in the word it is read in, or `bytes.count`:
    /// the scan every byte searcher shares, eight bytes at a time. The bytes left after the last whole word are read as
    /// the text's last word shifted down and padded with spaces, which `marks` must never mark (the bytes before `start`
    /// may be ones a caller has just dealt with, and must not mark any byte); a text shorter than a word is read a byte at
    /// a time with `isMarked`, which says what `marks` says of one byte.
    @inlinable @inline(__always)
    public static func firstMarked(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, marks: (UInt64) -> UInt64,
                                   isMarked: (UInt8) -> Bool) -> Int {
        var i = start
        while i + 8 <= bytes.count {
            let found = marks(load(bytes, at: i))
            if found != 0 { return i + firstMarked(found) }
            i += 8
        }
        let left = bytes.count - i
        guard left > 0 else { return i }
        guard bytes.count >= 8 else {
            while i < bytes.count, !isMarked(bytes[i]) { i += 1 }
            return i
        }
        let spaces: UInt64 = 0x2020_2020_2020_2020
        let word = load(bytes, at: bytes.count - 8) >> UInt64(8 * (8 - left)) | spaces << UInt64(8 * left)
        let found = marks(word)
        return found != 0 ? i + firstMarked(found) : bytes.count
    }
}
