import Hashing

/// A tag name as `HTMLTextScanner` reads it, lower-cased, compared and looked up without making a `String`: packed
/// into two words. A name of more than `PackedName.maxLength` bytes (no element sitegen writes, nor one the search
/// looks for) is not packed: such names are all one `HTMLTagName`, equal to no packed one. (The scanner, which must
/// tell long names apart to find the end of a left-out element, compares their bytes.)
struct HTMLTagName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name packed; nil for a longer name.
    let packed: PackedName?

    /// The name `bytes[name]`, lower-cased. They are name bytes (`HTMLReferences.isNameByte`: ASCII letters, digits,
    /// `-` and `:`), which setting bit 5 lower-cases: it turns `A`–`Z` into `a`–`z` and is already set in the others.
    /// Read as two words where 16 bytes from the name's start lie in `bytes` (all but the page's last tags).
    @inline(__always)
    init(_ name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) {
        guard name.count <= PackedName.maxLength else {
            packed = nil
            return
        }
        packed = name.lowerBound + 16 <= bytes.count
            ? PackedName(wordsAt: UnsafeRawPointer(bytes.baseAddress! + name.lowerBound), count: name.count, settingBits: 0x20)
            : PackedName(bytes[name])?.settingBits(0x20)
    }

    init(stringLiteral name: String) {
        var name = name
        self = name.withUTF8 { HTMLTagName($0.indices, in: $0) }
    }

    var description: String { packed.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "(a name too long to pack)" }
}
