/// The words a lexer gives a kind (keywords, constants, builtins, …), looked up from a token's bytes
/// without making a string or hashing it: words are grouped by length and first byte, and a lookup
/// compares the bytes of the few words in its group.
struct WordTable {
    private struct Entry {
        var word: [UInt8]
        var kind: TokenKind
    }

    /// Words of more bytes than this share one group.
    private static let longWord = 32
    /// `groups[group(length, first)]`: the words of that length and first byte.
    private var groups: [[Entry]]

    init(_ kinds: [String: TokenKind]) {
        groups = Array(repeating: [], count: Self.longWord * 256)
        for (word, kind) in kinds where !word.isEmpty {
            let bytes = Array(word.utf8)
            groups[Self.group(bytes.count, bytes[0])].append(Entry(word: bytes, kind: kind))
        }
    }

    /// The kind of `word`, or nil when the table does not hold it.
    func kind(_ word: ArraySlice<UInt8>) -> TokenKind? {
        guard let first = word.first else { return nil }
        for entry in groups[Self.group(word.count, first)] where entry.word.elementsEqual(word) {
            return entry.kind
        }
        return nil
    }

    private static func group(_ length: Int, _ first: UInt8) -> Int {
        (length < longWord ? length : 0) * 256 + Int(first)
    }
}
