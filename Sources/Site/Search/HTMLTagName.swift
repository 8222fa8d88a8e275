/// A tag name as `HTMLTextScanner` reads it, lower-cased, compared and looked up without making a `String`: a
/// name of up to 16 bytes (every element sitegen writes) is its bytes packed into two words, the first byte
/// lowest and zero bytes after the last (a name byte is never zero); a longer one keeps its bytes as a string.
struct HTMLTagName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    let low: UInt64
    let high: UInt64
    /// How many bytes the name has.
    let count: Int
    /// The whole name when it is longer than 16 bytes (`low` and `high` then hold its first 16).
    let long: String?

    /// The name written as `bytes`, lower-cased. They are name bytes (`HTMLReferences.isNameByte`: ASCII letters,
    /// digits, `-` and `:`), which setting bit 5 lower-cases: it turns `A`–`Z` into `a`–`z` and is already set in
    /// the others.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = bytes.count
        var low: UInt64 = 0, high: UInt64 = 0
        for k in 0..<min(count, 8) { low |= UInt64(bytes[k] | 0x20) << UInt64(8 * k) }
        if count > 8 {
            for k in 8..<min(count, 16) { high |= UInt64(bytes[k] | 0x20) << UInt64(8 * (k - 8)) }
        }
        (self.low, self.high) = (low, high)
        long = count > 16 ? String(decoding: bytes.lazy.map { $0 | 0x20 }, as: UTF8.self) : nil
    }

    init(stringLiteral name: String) {
        var name = name
        self = name.withUTF8 { HTMLTagName($0) }
    }

    var description: String {
        if let long { return long }
        var bytes: [UInt8] = []
        for word in [low, high] {
            var rest = word
            while rest != 0 {
                bytes.append(UInt8(truncatingIfNeeded: rest))
                rest >>= 8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The names the search reader looks for, made once.
    static let math: HTMLTagName = "math"
    static let figure: HTMLTagName = "figure"
    static let th: HTMLTagName = "th"
    static let td: HTMLTagName = "td"
    static let span: HTMLTagName = "span"
}
