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
        var y = state.withUnsafeBufferPointer { $0[index] }
        index += 1
        // Tempering.
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// The next `count` outputs into `out`, exactly as `count` calls of `next()` give them (tempered a block
    /// at a time, so the loop vectorises).
    public mutating func fill(_ out: UnsafeMutablePointer<UInt32>, count: Int) {
        var done = 0
        while done < count {
            if index >= Self.n { regenerate() }
            let take = min(count - done, Self.n - index), start = index
            state.withUnsafeBufferPointer { buffer in
                let s = buffer.baseAddress! + start, o = out + done
                for k in 0..<take {
                    var y = s[k]
                    y ^= y >> 11
                    y ^= (y << 7) & 0x9D2C_5680
                    y ^= (y << 15) & 0xEFC6_0000
                    y ^= y >> 18
                    o[k] = y
                }
            }
            index += take
            done += take
        }
    }

    /// A 64-bit value from two draws, the first one the high word (numpy `next_uint64`, torch `random64`).
    public mutating func next64() -> UInt64 {
        let high = UInt64(next())
        let low = UInt64(next())
        return (high << 32) | low
    }

    /// All 624 words in order, `mt[i] = mt[(i + 397) mod 624] ^ twist(mt[i], mt[(i + 1) mod 624])`, written as
    /// the reference implementation's three loops so no index needs a modulo.
    private mutating func regenerate() {
        let (n, m) = (Self.n, Self.m)
        state.withUnsafeMutableBufferPointer { buffer in
            let s = buffer.baseAddress!
            @inline(__always) func twist(_ i: Int, _ next: Int, _ far: Int) {
                let y = (s[i] & 0x8000_0000) | (s[next] & 0x7FFF_FFFF)
                s[i] = s[far] ^ (y >> 1) ^ ((0 &- (y & 1)) & 0x9908_B0DF)
            }
            for i in 0..<(n - m) { twist(i, i + 1, i + m) }
            for i in (n - m)..<(n - 1) { twist(i, i + 1, i + m - n) }
            twist(n - 1, 0, m - 1)
        }
        index = 0
    }
}
