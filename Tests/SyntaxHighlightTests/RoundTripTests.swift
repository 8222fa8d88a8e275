import Testing
@testable import SyntaxHighlight

/// Tokenising never loses, adds or reorders text, on any input, and stays linear in time.
@Suite struct RoundTripTests {
    static let fragments = [
        "\"", "'", "\"\"\"", "'''", "f\"", "rb'", "{", "}", "{{", "(", ")", "[", "]", "\\", "\\(", "#", "##\"",
        "//", "/*", "*/", "@", "$", "${", "$(", ":", ": ", "- ", "-", "--x", "&", "*", "!", "|", ">", "<", "\n",
        " ", "\t", "\r\n", "0x", "1e-", "1.5", "_", "def", "class", "func", "x", "é", "日本", "😀", "\u{0}", "%",
        "---", "$ ", "true", "null", "=", ",", ";", "`", "~", "\u{301}",
    ]

    func check(_ code: String, file: String = #filePath, line: Int = #line) {
        for language in SyntaxHighlighter.Language.allCases {
            let lexer = SyntaxHighlighter.tokenize(code, language: language)
            var next = 0
            var tiles = true
            for token in lexer.tokens {
                if token.range.lowerBound != next || token.range.isEmpty { tiles = false }
                next = token.range.upperBound
                // Each token is whole scalars: decoding and re-encoding gives the same bytes.
                if Array(String(decoding: lexer.bytes[token.range], as: UTF8.self).utf8) != Array(lexer.bytes[token.range]) {
                    tiles = false
                }
            }
            #expect(tiles && next == lexer.bytes.count, "\(language) tokens do not tile \(code.debugDescription)")
            let html = SyntaxHighlighter.highlight(code, language: language)
            #expect(plainText(html) == code, "\(language) loses text of \(code.debugDescription)")
        }
    }

    @Test func randomFragments() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<1500 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var code = ""
            for _ in 0..<Int(state >> 59) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                code += Self.fragments[Int(state >> 33) % Self.fragments.count]
            }
            check(code)
        }
    }

    @Test func randomBytes() {
        var state: UInt64 = 42
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 58) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 40))
            }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func edgeCases() {
        for code in ["", "\"", "f\"{", "f'{x:{", "'''", "/*", "\"\\", "$", "${", "\\", "#\"", "- ", ":", "\n\n"] {
            check(code)
        }
    }

    /// About 1 MB of typical code plus runs that could trigger backtracking (unclosed quotes, nested
    /// f-strings and interpolations, `#` runs), per language; serialized so timings are not contended.
    @Test(.serialized, arguments: SyntaxHighlighter.Language.allCases)
    func megabyteInputIsFast(language: SyntaxHighlighter.Language) {
        let typical = [
            "x = f\"{a:>10.4f}\" + 0x1F # c\n", "a: [b, {c: 'd'}] # e\n", "{\"k\": [1, 2.5e-3, true]}\n",
            "$ echo ${X} --y \"$Z\"\nout\n", "let s = \"\\(x)\" // c\n",
        ].joined()
        var code = String(repeating: typical, count: 600_000 / typical.utf8.count)
        for run in ["\"", "f\"{", "#", "\\(\"", "'''", "/*", " "] {
            code += String(repeating: run, count: 60_000 / run.utf8.count)
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = SyntaxHighlighter.highlight(code, language: language) }
        // Linear work takes about a second in a debug build; backtracking would take hours.
        #expect(elapsed < .seconds(10), "\(language) took \(elapsed) on \(code.utf8.count) bytes")
    }
}
