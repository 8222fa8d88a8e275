/// Eight bytes read as one `UInt64` and asked whether any of them is a given byte, or below one: the usual bit tricks,
/// exact for "any" (a borrow into a byte's top bit only follows a byte that already matched, and a byte from 0x80 up
/// sets no top bit of `~word`). The escapers pass over the runs of bytes they keep eight at a time with these.
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
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let matches = word ^ (ones &* UInt64(byte))
        return (matches &- ones) & ~matches & tops != 0
    }

    /// Whether any byte of `word` is below `limit` (at most 0x80): it leaves a borrow in its top bit when `limit` is
    /// taken from every byte.
    @inline(__always)
    static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & tops != 0
    }
}
