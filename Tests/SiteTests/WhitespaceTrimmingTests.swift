import Foundation
import Testing
@testable import Site

/// `trimmingWhitespace()` trims what `trimmingCharacters(in: .whitespaces)` trims, from bytes on ASCII text.
@Suite struct WhitespaceTrimmingTests {
    @Test func trimsAsFoundationDoes() {
        for text in ["", " ", "\t \t", "a", "  a b  ", "\ta\t", "a\r", "\r a \n", " \u{A0}é\u{2003} ", "\u{3000}x", "---", " --- \t"] {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            let sub = ("[" + text + "]").dropFirst().dropLast()
            #expect(sub.trimmingWhitespace() == sub.trimmingCharacters(in: .whitespaces), "\(text.debugDescription) as a substring")
        }
    }
}
