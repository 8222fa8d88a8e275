/// A command's name as written after its backslash, read without making a String: where its bytes are, and the
/// bytes packed into two words (with the length), which is how the command table finds it.
struct CommandName: Sendable {
    /// The name's bytes in the source (after the backslash).
    let range: Range<Int>
    /// The packed name; nil for a name longer than any known one (`Key.maxLength` bytes).
    let key: Key?

    init(_ bytes: [UInt8], _ range: Range<Int>) {
        self.range = range
        key = Key(bytes, range)
    }

    /// Up to 15 bytes in two little-endian words, the length in the top byte.
    struct Key: Hashable, Sendable {
        static let maxLength = 15
        static let limits = Key("limits")!
        static let nolimits = Key("nolimits")!

        let low: UInt64
        let high: UInt64

        init?(_ bytes: [UInt8], _ range: Range<Int>) {
            guard range.count <= Self.maxLength else { return nil }
            var low: UInt64 = 0, high = UInt64(range.count) << 56
            var shift: UInt64 = 0
            for i in range {
                if shift < 64 { low |= UInt64(bytes[i]) << shift } else { high |= UInt64(bytes[i]) << (shift - 64) }
                shift += 8
            }
            self.low = low
            self.high = high
        }

        init?(_ name: String) {
            let bytes = Array(name.utf8)
            self.init(bytes, 0..<bytes.count)
        }
    }
}

/// The meaning of every command name, in an open-addressing hash table keyed by packed names: a lookup is a
/// multiplication and a comparison or two, with no String made or hashed.
struct CommandTable<Value: Sendable>: Sendable {
    private var keys: [CommandName.Key?]
    private var values: [Value?]
    private let shift: UInt64

    /// A table of `entries`; where a name comes twice, the first meaning is kept.
    init(_ entries: [(name: String, value: Value)]) {
        var bits: UInt64 = 4
        while 1 << bits < 2 * entries.count { bits += 1 }
        keys = Array(repeating: nil, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        shift = 64 - bits
        for (name, value) in entries {
            guard let key = CommandName.Key(name) else { preconditionFailure("command name \(name) is too long") }
            var slot = self.slot(of: key)
            while let other = keys[slot] {
                if other == key { break }
                slot = (slot + 1) & (keys.count - 1)
            }
            if keys[slot] == nil { (keys[slot], values[slot]) = (key, value) }
        }
    }

    subscript(_ name: CommandName) -> Value? {
        guard let key = name.key else { return nil }
        var slot = slot(of: key)
        while let other = keys[slot] {
            if other == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    private func slot(of key: CommandName.Key) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ key.high &* 0xC2B2_AE3D_27D4_EB4F) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
