/// The 32-bit Mersenne Twister behind numpy's legacy `RandomState` and torch's CPU generator.
///
/// Seeding is Matsumoto–Nishimura `init_genrand`; the state regenerates in place, all 624 words in order,
/// when it is exhausted (docs/parity.md §2.1).
public struct MT19937: Sendable {
    private static let n = 624
    private static let m = 397

    private var state: [UInt32]
    private var index: Int

    /// Seeds with `init_genrand(seed)`: `mt[0] = seed`, `mt[i] = 1812433253·(mt[i−1] ^ (mt[i−1] >> 30)) + i`.
    public init(seed: UInt32) {
        state = [UInt32](repeating: 0, count: Self.n)
        index = Self.n
        reseed(seed)
    }

    /// Re-seeds in place, as `init(seed:)` does.
    public mutating func reseed(_ seed: UInt32) {
        state[0] = seed
        for i in 1..<Self.n {
            let previous = state[i - 1]
            state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        index = Self.n
    }

    /// The next 32-bit output (one "draw").
    public mutating func next() -> UInt32 {
        if index >= Self.n { regenerate() }
        var y = state[index]
        index += 1
        // Tempering.
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// A 64-bit value from two draws, the first one the high word (numpy `next_uint64`, torch `random64`).
    public mutating func next64() -> UInt64 {
        let high = UInt64(next())
        let low = UInt64(next())
        return (high << 32) | low
    }

    private mutating func regenerate() {
        for i in 0..<Self.n {
            let y = (state[i] & 0x8000_0000) | (state[(i + 1) % Self.n] & 0x7FFF_FFFF)
            state[i] = state[(i + Self.m) % Self.n] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : 0x9908_B0DF)
        }
        index = 0
    }
}
