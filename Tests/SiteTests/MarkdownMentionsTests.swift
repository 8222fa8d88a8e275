import Testing
@testable import Site

/// Whether a lesson's text names another's markdown file (it may include it): told from the runs kept per lesson
/// exactly as a byte search of the text would tell it.
@Suite struct MarkdownMentionsTests {
    private func mentions(_ text: String, _ name: String) -> Bool {
        MarkdownMentions.contains(MarkdownMentions.runs(in: text), name: name)
    }

    @Test func aFileNameIsFoundAnywhereInTheText() {
        #expect(mentions("See ```python file=\"first.md\"```.", "first.md"))
        #expect(mentions("é — β first.md", "first.md"))
        #expect(mentions("first.md", "first.md"))
        #expect(mentions("../intro/first.md#x", "first.md"))
        #expect(mentions("x.md.md", "md.md"))
        #expect(!mentions("first.m d", "first.md"))
        #expect(!mentions("md", "first.md"))
        #expect(mentions("notfirst.md", "first.md"), "a longer name that ends with it holds it, as a byte search finds")
        #expect(!mentions("firsts.md", "first.md"))
        #expect(!mentions("first.markdown", "first.md"))
    }

    /// Names the runs cannot tell about count as mentioned: the build then renders every page, never too little.
    @Test func namesOutsideTheRunBytesCountAsMentioned() {
        #expect(mentions("nothing here", "first.txt"))
        #expect(mentions("nothing here", "fïrst.md"))
        #expect(mentions("nothing here", String(repeating: "a", count: 300) + ".md"))
    }

    /// Against a byte search, on texts made of the bytes that matter (name bytes, `.`, `m`, `d`, separators).
    @Test func agreesWithAByteSearch() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab.md- /é_".unicodeScalars)
        let names = ["a.md", "b.md", "ab.md", "md.md", ".md", "a-b.md", "a_b.md", "d.md", "m.md"]
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<24, using: &generator)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
            for name in names {
                #expect(mentions(text, name) == text.utf8.contains(name.utf8), "\(text) \(name)")
            }
        }
    }
}

private extension String.UTF8View {
    func contains(_ other: String.UTF8View) -> Bool {
        let a = Array(self), b = Array(other)
        guard b.count <= a.count else { return false }
        return (0...(a.count - b.count)).contains { Array(a[$0..<$0 + b.count]) == b }
    }
}
