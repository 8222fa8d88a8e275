/// FNV-1a 64-bit digests of arrays over their little-endian bytes, as the parity fixtures record them.
public enum FNV1a {
    private static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Digest of float64 values (8 bytes each).
    public static func digest(_ values: [Double]) -> UInt64 { digest(values.map(\.bitPattern)) }

    /// Digest of float32 values (4 bytes each).
    public static func digest(_ values: [Float]) -> UInt64 {
        var h = offset
        for v in values { h = mix(h, UInt64(v.bitPattern), bytes: 4) }
        return h
    }

    /// Digest of int64 values (8 bytes each).
    public static func digest(_ values: [Int]) -> UInt64 { digest(values.map { UInt64(bitPattern: Int64($0)) }) }

    /// Digest of 64-bit words (8 bytes each).
    public static func digest(_ words: [UInt64]) -> UInt64 {
        var h = offset
        for w in words { h = mix(h, w, bytes: 8) }
        return h
    }

    /// The digest as 16 lower-case hex digits.
    public static func hex(_ digest: UInt64) -> String {
        let s = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    private static func mix(_ hash: UInt64, _ word: UInt64, bytes: Int) -> UInt64 {
        var h = hash
        for b in 0..<bytes {
            h ^= (word >> (8 * UInt64(b))) & 0xFF
            h = h &* prime
        }
        return h
    }
}
