/// FNV-1a, 64 bit: a fast, stable (platform- and run-independent) hash for cache keys and
/// content-hashed asset names. Not for security.
public struct ContentHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    public mutating func update(_ text: String) { update(text.utf8) }

    /// 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func hex(_ text: String) -> String {
        var hash = ContentHash()
        hash.update(text)
        return hash.hex
    }

    public static func hex<Bytes: Sequence>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.hex
    }
}
