import Foundation
import Testing
@testable import Site

/// `trimmingWhitespace()` and `trimming(asciiCharacters:)` trim what `trimmingCharacters(in:)` trims, from bytes on ASCII text.
@Suite struct WhitespaceTrimmingTests {
    @Test func trimsAsFoundationDoes() {
        for text in ["", " ", "\t \t", "a", "  a b  ", "\ta\t", "a\r", "\r a \n", " \u{A0}é\u{2003} ", "\u{3000}x", "---", " --- \t"] {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            let sub = ("[" + text + "]").dropFirst().dropLast()
            #expect(sub.trimmingWhitespace() == sub.trimmingCharacters(in: .whitespaces), "\(text.debugDescription) as a substring")
        }
    }

    @Test func trimsASetOfASCIICharactersAsFoundationDoes() {
        for text in ["", ".", ".: ", "Answer.", " Hint: ", ":Answer.:", "a.b", "Answer\u{301}.", "é.", ". é :", ".\u{301}x", "x.\u{301}"] {
            #expect(text.trimming(asciiCharacters: ".: ") == text.trimmingCharacters(in: CharacterSet(charactersIn: ".: ")),
                    "\(text.debugDescription)")
        }
    }
}
