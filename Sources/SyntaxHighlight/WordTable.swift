/// The words a lexer gives a kind (keywords, constants, builtins, …), looked up from a token's bytes
/// without making a string or hashing it: words are grouped by length and first byte, and a lookup
/// compares the bytes of the few words in its group.
struct WordTable {
    /// Words of more bytes than this share one group.
    private static let longWord = 32
    /// Every word's bytes, one word after another, group after group.
    private let letters: [UInt8]
    /// Every word, group after group: where its bytes are in `letters`, and its kind.
    private let words: [(letters: Range<Int>, kind: TokenKind)]
    /// `firstWord[g]..<firstWord[g + 1]`: the words of group `g = group(length, first)` in `words`.
    private let firstWord: [Int]

    init(_ kinds: [String: TokenKind]) {
        var groups = Array(repeating: [(word: [UInt8], kind: TokenKind)](), count: Self.longWord * 256)
        for (word, kind) in kinds where !word.isEmpty {
            let bytes = Array(word.utf8)
            groups[Self.group(bytes.count, bytes[0])].append((bytes, kind))
        }
        var letters: [UInt8] = [], words: [(letters: Range<Int>, kind: TokenKind)] = [], firstWord = [0]
        for group in groups {
            for (word, kind) in group {
                words.append((letters.count..<letters.count + word.count, kind))
                letters += word
            }
            firstWord.append(words.count)
        }
        (self.letters, self.words, self.firstWord) = (letters, words, firstWord)
    }

    /// The kind of the word at `word` in `bytes`, or nil when the table does not hold it.
    func kind(of word: Range<Int>, in bytes: [UInt8]) -> TokenKind? {
        guard let first = word.first.map({ bytes[$0] }) else { return nil }
        let group = Self.group(word.count, first)
        // By index: a slice of `words` or `letters` would be retained and released at every lookup.
        var w = firstWord[group]
        let end = firstWord[group + 1]
        while w < end {
            let entry = words[w].letters
            if entry.count == word.count {
                var k = 0
                while k < word.count, letters[entry.lowerBound + k] == bytes[word.lowerBound + k] { k += 1 }
                if k == word.count { return words[w].kind }
            }
            w += 1
        }
        return nil
    }

    private static func group(_ length: Int, _ first: UInt8) -> Int {
        (length < longWord ? length : 0) * 256 + Int(first)
    }
}
