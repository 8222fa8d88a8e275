import Escaping
import Testing
@testable import SyntaxHighlight

@Suite struct SyntaxHighlighterTests {
    @Test func aliasesAndUnknownLanguages() {
        #expect(SyntaxHighlighter.Language(name: "py") == .python)
        #expect(SyntaxHighlighter.Language(name: " Python3 ") == .python)
        #expect(SyntaxHighlighter.Language(name: "yml") == .yaml)
        #expect(SyntaxHighlighter.Language(name: "zsh") == .bash)
        #expect(SyntaxHighlighter.Language(name: "shell-session") == .console)
        #expect(SyntaxHighlighter.Language(name: "jsonc") == .json)
        // Names already written as their key are read as they are; others are trimmed of white space and lower-cased.
        #expect(SyntaxHighlighter.Language(name: "PY") == .python)
        #expect(SyntaxHighlighter.Language(name: "yml\u{A0}") == .yaml)
        #expect(SyntaxHighlighter.Language(name: "sh\t") == .bash)
        #expect(SyntaxHighlighter.Language(name: "c++") == nil)
        #expect(SyntaxHighlighter.highlight("x", language: "cobol") == nil)
        #expect(SyntaxHighlighter.highlight("x", language: "") == nil)
    }

    @Test func escape() {
        #expect(SyntaxHighlighter.escape(#"<a href="x">&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
    }

    @Test func cssClasses() {
        #expect(TokenKind.allCases.map(\.cssClass) == [
            "tok-keyword", "tok-string", "tok-number", "tok-comment", "tok-builtin", "tok-decorator", "tok-constant",
            "tok-type", "tok-variable", "tok-function", "tok-class", "tok-operator", "tok-punctuation",
            "tok-interpolation", "tok-key", "tok-anchor", "tok-option", "tok-prompt", "tok-output",
        ])
    }

    @Test func openingTagsNameTheirClass() {
        for kind in TokenKind.allCases where kind != .operator && kind != .punctuation {
            #expect(kind.openingTag.map { "\($0)" } == "<span class=\"\(kind.cssClass)\">")
        }
    }

    /// The highlighted text is written into room made for it at once: every kind's tags fit the room kept per token, and
    /// text that is all entities (six bytes for a quote) or all tags gives each token escaped in its tags.
    @Test func entitiesAndTagsFillTheRoomMadeForThem() {
        for kind in TokenKind.allCases {
            #expect((kind.openingTag?.utf8CodeUnitCount ?? 0) + "</span>".utf8.count <= SyntaxHighlighter.tagRoom, "\(kind)")
        }
        let codes = ["", "&", String(repeating: "\"", count: 41), "'\"\"\"'", String(repeating: "x = '<&>'\n", count: 9),
                     "f\"{a!r:>{w}}\" # é'\"", "1 2 3 4 5 6 7 8 9", "$ echo \"<a href='x'>\" && ls > out"]
        for code in codes {
            for language in SyntaxHighlighter.Language.allCases {
                let expected = Self.tokensEscapedOneByOne(code, language)
                #expect(SyntaxHighlighter.highlight(code, language: language) == expected, "\(language) \(code.debugDescription)")
            }
        }
    }

    /// The listing as its tokens escaped one by one, each in its kind's tag: what the highlighter's one pass must write.
    static func tokensEscapedOneByOne(_ code: String, _ language: SyntaxHighlighter.Language) -> String {
        let lexer = SyntaxHighlighter.tokenize(code, language: language)
        return lexer.tokens.map { token in
            let text = SyntaxHighlighter.escape(String(decoding: lexer.bytes[token.range], as: UTF8.self))
            return token.kind?.openingTag.map { "\($0)\(text)</span>" } ?? text
        }.joined()
    }

    /// A listing highlighted between its caller's markup is written with it: the same bytes as the markup around the
    /// listing's tokens escaped in their tags (the String is made without looking at them again), known to be ASCII
    /// exactly when all three are.
    @Test func highlightingBetweenMarkupWritesTheMarkupAroundTheListing() {
        let codes = ["", "x = 1\n", "s = 'é' # ü\n", "f\"{a!r:>{w}}\" é'\"", "\u{301}x < 2", "日本 = \"&\"", "😀"]
        let wrappers = [("", ""), ("<pre><code>", "</code></pre>\n"), ("<p title=\"é\">", "</p>"), ("<b>", "é")]
        for code in codes {
            for (opening, closing) in wrappers {
                for language in SyntaxHighlighter.Language.allCases {
                    let listing = Self.tokensEscapedOneByOne(code, language)
                    let html = SyntaxHighlighter.highlight(code, language: language, between: opening, and: closing)
                    let expected = Array((opening + listing + closing).utf8)
                    #expect(Array(html.utf8) == expected, "\(language) \(code.debugDescription) in \(opening)")
                    if #available(macOS 26, *) {
                        #expect(html.isKnownASCII == expected.allSatisfy { $0 < 0x80 }, "\(language) \(code.debugDescription)")
                    }
                }
            }
        }
    }

    /// Operators and punctuation take the text's colour, so no span is written around them; the lexer still tells
    /// them apart, and the text comes back whole.
    @Test func operatorsAndPunctuationArePlainText() throws {
        let code = "x = f(a, b[0]) + c.d"
        let lexer = SyntaxHighlighter.tokenize(code, language: .python)
        #expect(lexer.tokens.contains { $0.kind == .operator })
        #expect(lexer.tokens.contains { $0.kind == .punctuation })
        let out = try html(code, "python")
        #expect(out == "x = f(a, b[<span class=\"tok-number\">0</span>]) + c.d")
        #expect(plainText(out) == code)
    }
}

/// Python's string prefixes, every one- and two-letter word against the rules as sets of letters.
@Suite struct PythonStringPrefixTests {
    @Test func prefixesAreTheLettersRBUFTInValidCombinations() {
        let letters = Array("rbuftRBUFTxa_1".utf8)
        var words: [[UInt8]] = letters.map { [$0] }
        for first in letters { for second in letters { words.append([first, second]) } }
        words.append(Array("rbf".utf8))
        for word in words {
            let lower = Set(word.map { $0 | 0x20 })
            var expected: Bool?
            if word.count <= 2, lower.count == word.count, lower.isSubset(of: Set("rbuft".utf8)) {
                let format = lower.contains(UInt8(ascii: "f")) || lower.contains(UInt8(ascii: "t"))
                let valid = word.count == 1 || lower.contains(UInt8(ascii: "r"))
                    && !lower.contains(UInt8(ascii: "u")) && !(lower.contains(UInt8(ascii: "b")) && format)
                expected = valid ? format : nil
            }
            #expect(Lexer.stringPrefix(word[...]) == expected, "\(String(decoding: word, as: UTF8.self))")
        }
        #expect(Lexer.stringPrefix(Array("f".utf8)[...]) == true)
        #expect(Lexer.stringPrefix(Array("Rb".utf8)[...]) == false)
        #expect(Lexer.stringPrefix(Array("rr".utf8)[...]) == nil)
        #expect(Lexer.stringPrefix(Array("ub".utf8)[...]) == nil)
    }
}
