import Hashing

/// A tag name as `HTMLTextScanner` reads it, lower-cased, compared and looked up without making a `String`: a name of
/// up to `PackedName.maxLength` bytes (every element sitegen writes) is packed into two words; a longer one keeps its
/// bytes as a string.
struct HTMLTagName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name packed, for a name of at most `PackedName.maxLength` bytes.
    let packed: PackedName?
    /// A longer name.
    let long: String?

    /// The name written as `bytes`, lower-cased. They are name bytes (`HTMLReferences.isNameByte`: ASCII letters,
    /// digits, `-` and `:`), which setting bit 5 lower-cases: it turns `A`–`Z` into `a`–`z` and is already set in
    /// the others.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        packed = PackedName(bytes)?.settingBits(0x20)
        long = packed == nil ? String(decoding: bytes.lazy.map { $0 | 0x20 }, as: UTF8.self) : nil
    }

    init(stringLiteral name: String) {
        var name = name
        self = name.withUTF8 { HTMLTagName($0) }
    }

    /// How many bytes the name has.
    var count: Int { packed?.count ?? long?.utf8.count ?? 0 }

    var description: String { long ?? String(decoding: packed?.bytes ?? [], as: UTF8.self) }

    /// The names the search reader looks for, made once.
    static let math: HTMLTagName = "math"
    static let figure: HTMLTagName = "figure"
    static let th: HTMLTagName = "th"
    static let td: HTMLTagName = "td"
    static let span: HTMLTagName = "span"
}
