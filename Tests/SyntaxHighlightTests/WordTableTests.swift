import Testing
@testable import SyntaxHighlight

/// A word table finds each of its words' kind from the bytes where the word stands, and nothing for any other word:
/// a prefix or an extension of one, a word of the same length and first byte, words longer than its groups' lengths.
@Suite struct WordTableTests {
    @Test func findsEachWordAndNothingElse() {
        let long = String(repeating: "x", count: 40), longer = String(repeating: "x", count: 33)
        let kinds: [String: TokenKind] = ["if": .keyword, "in": .keyword, "id": .builtin, "None": .constant, "a": .builtin,
                                          long: .keyword, longer: .builtin, "é": .type]
        let table = WordTable(kinds)
        func kind(_ word: String) -> TokenKind? {
            let bytes = Array(" (\(word)) ".utf8)
            return table.kind(of: 2..<(bytes.count - 2), in: bytes)
        }
        for (word, expected) in kinds {
            #expect(kind(word) == expected, "\(word)")
        }
        let others = ["", "i", "is", "iff", "No", "Nonex", "none", "b", "A", "e", "ée", String(repeating: "x", count: 32),
                      String(repeating: "x", count: 39), String(repeating: "x", count: 41), String(repeating: "y", count: 40)]
        for word in others {
            #expect(kind(word) == nil, "\(word)")
        }
    }

    /// Python's table gives each keyword, constant and builtin its kind: a keyword's first, then a constant's.
    @Test func pythonWordsHaveTheirKinds() {
        for word in Lexer.pythonBuiltins.union(Lexer.pythonConstants).union(Lexer.pythonKeywords) {
            let expected: TokenKind = Lexer.pythonKeywords.contains(word) ? .keyword
                : Lexer.pythonConstants.contains(word) ? .constant : .builtin
            let bytes = Array(word.utf8)
            #expect(Lexer.pythonWordKinds.kind(of: 0..<bytes.count, in: bytes) == expected, "\(word)")
        }
    }
}
