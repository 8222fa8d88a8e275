import Hashing

/// FNV-1a 64-bit digests of arrays over their little-endian bytes, as the parity fixtures record them
/// (`fnv1a64` in the JSON made by scripts/reference/).
enum FixtureDigest {
    /// Digest of float64 values (8 bytes each), as 16 hex digits.
    static func hex(_ values: [Double]) -> String { hex(words: values.map(\.bitPattern), bytes: 8) }

    /// Digest of float32 values (4 bytes each), as 16 hex digits.
    static func hex(_ values: [Float]) -> String { hex(words: values.map { UInt64($0.bitPattern) }, bytes: 4) }

    /// Digest of int64 values (8 bytes each), as 16 hex digits.
    static func hex(_ values: [Int]) -> String { hex(words: values.map { UInt64(bitPattern: Int64($0)) }, bytes: 8) }

    private static func hex(words: [UInt64], bytes: Int) -> String {
        var hash = ContentHash()
        for word in words {
            for b in 0..<bytes { hash.update(byte: UInt8(truncatingIfNeeded: word >> (8 * UInt64(b)))) }
        }
        return hash.hex
    }
}
