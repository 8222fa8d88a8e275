import Escaping

/// Classes of ASCII bytes among eight bytes read as one little-endian `UInt64` (the first byte lowest), each byte of
/// the class marked by its top bit: the search's byte passes tell letters and digits, or the bytes of a tag name,
/// eight at a time. Bytes from 0x80 (those of longer UTF-8 scalars) are in no class.
///
/// A byte's low seven bits `x` lie in `a...b` when `x + (0x80 - a)` has its top bit set and `x + (0x7F - b)` has
/// not; no sum carries into the next byte, each being below 0x100. Setting bit 5 folds `A`–`Z` onto `a`–`z`.
/// Words are read, and their first mark found, with `ByteWord`.
enum ASCIIByteMarks {
    private static let ones = ByteWord.ones, tops = ByteWord.tops

    /// ASCII letters and digits: the bytes of words (`SearchVocabulary.isWordScalar` of an ASCII byte).
    @inline(__always)
    static func wordBytes(_ word: UInt64) -> UInt64 {
        let low = word & ~tops
        return (inRange(low | ones &* 0x20, 0x61, 0x7A) | inRange(low, 0x30, 0x39)) & ~word & tops
    }

    /// ASCII letters, digits, `-` and `:`: the bytes of a tag name (`HTMLReferences.isNameByte`).
    @inline(__always)
    static func nameBytes(_ word: UInt64) -> UInt64 {
        let low = word & ~tops
        // `:` (0x3A) follows the digits.
        return (inRange(low | ones &* 0x20, 0x61, 0x7A) | inRange(low, 0x30, 0x3A)) & ~word & tops
            | ByteWord.exactMarks(word, UInt8(ascii: "-"))
    }

    /// The bytes a run of kept ASCII (`CollapsedText`) may stop at, for a closer look: every byte from 0x80, every
    /// byte up to the space (white space, and control characters, which are kept), except a space followed in the word
    /// by a byte that is neither (one space between two kept bytes, which collapsing keeps). The last byte's follower
    /// is not in the word: a space there is marked.
    @inline(__always)
    static func runStops(_ word: UInt64) -> UInt64 {
        let special = inRange(word & ~tops, 0x00, 0x20) & ~word & tops | word & tops
        let spaces = ByteWord.exactMarks(word, 0x20)
        let followedBySpecial = special >> 8 | 0x80 << 56
        return special & ~(spaces & ~followedBySpecial)
    }

    /// The bytes of `low` (bytes below 0x80) in `a...b`, marked by their top bits.
    @inline(__always)
    private static func inRange(_ low: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        (low &+ ones &* (0x80 - a)) & ~(low &+ ones &* (0x7F - b))
    }
}
