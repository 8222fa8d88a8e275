/// FNV-1a, the one non-cryptographic hash of the project: fast and stable across platforms and runs.
/// 64 bit (`ContentHash`) names cache entries, checksums them and hashes assets and build inputs;
/// 32 bit gives SVG charts their element ids. Not for security.
public struct FNV1a<Digest: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    /// The digest of everything hashed so far.
    public var value: Digest { state }
    @usableFromInline var state: Digest

    // Inlinable so that the byte loop is specialised in the caller's module (asset and cache files are hashed whole).
    @inlinable public init() {
        state = Digest.bitWidth == 64 ? Digest(truncatingIfNeeded: 0xcbf2_9ce4_8422_2325 as UInt64)
                                      : Digest(truncatingIfNeeded: 0x811c_9dc5 as UInt32)
    }

    @inlinable static var prime: Digest {
        Digest.bitWidth == 64 ? Digest(truncatingIfNeeded: 0x0000_0100_0000_01b3 as UInt64)
                              : Digest(truncatingIfNeeded: 0x0100_0193 as UInt32)
    }

    @inlinable public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let prime = Self.prime
        for byte in bytes {
            state ^= Digest(byte)
            state = state &* prime
        }
    }

    @inlinable public mutating func update(_ text: String) { update(text.utf8) }

    /// FNV-1a over `bytes` taken as little-endian words of the digest's width (the last, short one padded with zeros
    /// and followed by its length), not byte by byte: one multiplication per word instead of per byte, for checksums of
    /// large cache files read on every build (`SearchShardCache`). A different digest from `update(_:)` of the same bytes,
    /// and a checksum rather than a name: a word's top bit is not mixed into the lower ones, so flipping it has the same
    /// effect as flipping the next word's (any one change still changes the digest).
    @inlinable public mutating func update(words bytes: UnsafeRawBufferPointer) {
        let prime = Self.prime, width = Digest.bitWidth / 8
        var at = 0
        while at + width <= bytes.count {
            state ^= Digest(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Digest.self))
            state = state &* prime
            at += width
        }
        var last: Digest = 0
        for shift in 0..<(bytes.count - at) { last |= Digest(bytes[at + shift]) << (8 * shift) }
        state ^= last
        state = state &* prime
        state ^= Digest(truncatingIfNeeded: bytes.count - at)
        state = state &* prime
    }

    @inlinable public mutating func update(byte: UInt8) { update(CollectionOfOne(byte)) }

    /// The digest as lowercase hex digits, zero-padded to the digest's width (16 for 64 bit).
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: Digest.bitWidth / 4 - digits.count) + digits
    }

    public static func hex(_ text: String) -> String {
        var hash = Self()
        hash.update(text)
        return hash.hex
    }

    @inlinable public static func hex<Bytes: Sequence>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash = Self()
        hash.update(bytes)
        return hash.hex
    }
}

/// FNV-1a, 64 bit: cache keys and checksums, content-hashed asset names, the build fingerprint.
public typealias ContentHash = FNV1a<UInt64>
