/// A short name (a TeX command, an HTML tag) as two words: its bytes packed first byte lowest, its length in the top
/// byte, so that it is compared and hashed without making a String. At most `maxLength` bytes.
public struct PackedName: Hashable, Sendable {
    public static let maxLength = 15

    public let low: UInt64
    public let high: UInt64

    /// `bytes` packed; nil past `maxLength` bytes.
    @inlinable @inline(__always)
    public init?<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        let count = bytes.count
        guard count <= Self.maxLength else { return nil }
        var low: UInt64 = 0, high = UInt64(count) << 56
        // The first eight bytes into `low`, the rest into `high`: two loops without a branch per byte.
        var index = bytes.startIndex, shift: UInt64 = 0
        while shift < 64, index != bytes.endIndex {
            low |= UInt64(bytes[index]) << shift
            shift += 8
            bytes.formIndex(after: &index)
        }
        shift = 0
        while index != bytes.endIndex {
            high |= UInt64(bytes[index]) << shift
            shift += 8
            bytes.formIndex(after: &index)
        }
        self.low = low
        self.high = high
    }

    /// The `count` bytes (at most `maxLength`) at `start` packed, each with `bits` set (as `settingBits`), read as two
    /// unaligned words instead of byte by byte: the 16 bytes from `start` must be readable (those past the name are
    /// masked off).
    @inlinable @inline(__always)
    public init(wordsAt start: UnsafeRawPointer, count: Int, settingBits bits: UInt8) {
        let spread = UInt64(bits) &* 0x0101_0101_0101_0101
        let first = UInt64(littleEndian: start.loadUnaligned(as: UInt64.self)) | spread
        let second = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) | spread
        let (lowMask, highMask) = Self.masks(count)
        self.init(low: first & lowMask, high: second & highMask | UInt64(truncatingIfNeeded: count) &<< 56)
    }

    /// The bits of a name's first `count` bytes (at most `maxLength`) in each of its two words.
    @inlinable @inline(__always)
    static func masks(_ count: Int) -> (low: UInt64, high: UInt64) {
        let bytes = UInt64(truncatingIfNeeded: count)
        return (bytes >= 8 ? ~0 : (1 &<< (8 &* bytes)) &- 1, bytes <= 8 ? 0 : (1 &<< (8 &* (bytes &- 8))) &- 1)
    }

    @usableFromInline init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Each of the name's bytes with `bits` set (`0x20` lower-cases the ASCII letters and changes no digit, `-` or `:`).
    @inlinable @inline(__always)
    public func settingBits(_ bits: UInt8) -> PackedName {
        let spread = UInt64(bits) &* 0x0101_0101_0101_0101
        let (lowMask, highMask) = Self.masks(count)
        return PackedName(low: low | spread & lowMask, high: high | spread & highMask)
    }

    /// `name`'s UTF-8 bytes packed; nil past `maxLength` bytes.
    public init?(_ name: String) { self.init(Array(name.utf8)) }

    /// How many bytes the name has.
    @inlinable @inline(__always) public var count: Int { Int(high >> 56) }

    /// The packed bytes, in order.
    public var bytes: [UInt8] {
        (0..<count).map { k -> UInt8 in
            let word = k < 8 ? low : high
            return UInt8(truncatingIfNeeded: word >> UInt64(8 * (k % 8)))
        }
    }
}

/// Values by packed name, in an open-addressing hash table: a lookup is a multiplication and a comparison or two,
/// with no String made or hashed. Where a name comes twice, the first value is kept.
public struct PackedNameTable<Value: Sendable>: Sendable {
    @usableFromInline let keys: [PackedName?]
    @usableFromInline let values: [Value?]
    @usableFromInline let shift: UInt64

    public init(_ entries: [(name: PackedName, value: Value)]) {
        var bits: UInt64 = 4
        while 1 << bits < 2 * entries.count { bits += 1 }
        var keys = [PackedName?](repeating: nil, count: 1 << bits)
        var values = [Value?](repeating: nil, count: 1 << bits)
        shift = 64 - bits
        for (name, value) in entries {
            var slot = Self.slot(of: name, shift: shift)
            while let other = keys[slot], other != name { slot = (slot + 1) & (keys.count - 1) }
            if keys[slot] == nil { (keys[slot], values[slot]) = (name, value) }
        }
        self.keys = keys
        self.values = values
    }

    /// A table of `entries` named as strings, each at most `PackedName.maxLength` bytes.
    public init(named entries: [(name: String, value: Value)]) {
        self.init(entries.map { entry in
            guard let name = PackedName(entry.name) else { preconditionFailure("name \(entry.name) is too long to pack") }
            return (name, entry.value)
        })
    }

    @inlinable @inline(__always)
    public subscript(_ name: PackedName) -> Value? {
        var slot = Self.slot(of: name, shift: shift)
        while let other = keys[slot] {
            if other == name { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    /// The slot from the high bits of a multiplicative hash (the low bits of a product depend on few of its inputs).
    @inlinable @inline(__always)
    static func slot(of name: PackedName, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((name.low ^ name.high &* 0xC2B2_AE3D_27D4_EB4F) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
