import Diagnostics
import Markdown
import TestSupport
import Testing
@testable import Site

/// The byte-level shortcuts of the span pass and of putting rendered spans back (`ProtectedSpans`,
/// `SpanReplacement`; `TextLinesTests` covers where lines are cut): placeholders read from bytes only
/// where each mark is a character of its own, and text runs without a placeholder left as they are.
@Suite struct ProtectedSpansTests {
    private let open = "\u{E000}", close = "\u{E001}"

    @Test func maskedBodyKeepsUnchangedLinesAndCodeAndReplacesSpans() throws {
        let body = "Plain line, café.\n\n$x$ and `$y$` and {{ run.loss }}\n```\n$z$\n```\n    $w$ indented\nlast $$a$$"
        let spans = try ProtectedSpans(body: body, file: "l.md", lineOffset: 3)
        #expect(spans.masked == "Plain line, café.\n\n\(open)0\(close) and `$y$` and \(open)1\(close)\n```\n$z$\n```\n    $w$ indented\nlast \(open)2\(close)")
        #expect(spans.spans.map(\.source) == ["x", " run.loss ", "a"])
        #expect(spans.spans.map(\.location.line) == [6, 6, 11])
        #expect(spans.spans.map(\.location.column) == [2, 21, 8])
        #expect(try ProtectedSpans(body: "", file: "l.md", lineOffset: 0).masked == "")
    }

    /// A line of ASCII is read as bytes, any other as Characters: the same line with one non-ASCII letter added
    /// at its end gives the same spans, columns and masked text; and a mark that joins a delimiter into another
    /// Character (`$` + U+0301) still opens nothing, a carriage return still ends no line.
    @Test func asciiLinesAreReadAsBytesWithTheSameSpansAsCharacters() throws {
        let line = "See [@kingma2015adam; @loshchilov2019] and @fig:loss-curve, $\\alpha_t$, `$x$`, \\$5 and $10, $$a+b$$ {{ run.loss | .4f }} x@fig:no [@a](link)"
        let ascii = try ProtectedSpans(body: line, file: "l.md", lineOffset: 0)
        let other = try ProtectedSpans(body: line + " é", file: "l.md", lineOffset: 0)
        #expect(ascii.spans.map(\.source) == ["@kingma2015adam; @loshchilov2019", "fig:loss-curve", "\\alpha_t", "a+b", " run.loss | .4f "])
        #expect(ascii.spans.map(\.kind) == [.citation, .crossReference, .inlineMath, .displayMath, .inlineResult])
        #expect(ascii.spans == other.spans)
        #expect(ascii.masked + " é" == other.masked)
        #expect(ascii.spans.map(\.location.column) == [6, 44, 62, 95, 103])
        let joined = try ProtectedSpans(body: "a $\u{301}x$ b and $y$", file: "l.md", lineOffset: 0)
        #expect(joined.spans.map(\.source) == ["y"])
        let carriageReturn = try ProtectedSpans(body: "$a$\r\n$b$", file: "l.md", lineOffset: 0)
        #expect(carriageReturn.spans.map(\.source) == ["a", "b"])
        #expect(carriageReturn.spans.map(\.location.line) == [1, 1])
        // Unclosed spans are reported, and the rest of the line is kept as it is, from bytes and from Characters.
        for suffix in ["", " é"] {
            #expect(throws: DiagnosticList.self) { try ProtectedSpans(body: "a $$b and {{ c" + suffix, file: "l.md", lineOffset: 0) }
        }
    }

    @Test func fencesAndIndentedCodeAreToldAsBefore() throws {
        // A tilde fence closed by a longer run, a tab-indented line, a fence after spaces, and a space joined
        // to a combining mark (no longer a space: the backticks after it open no fence).
        let body = "~~~\n$a$\n~~~~\n\t$b$\n  ```\n$c$\n  ```\n \u{301}```\n$d$"
        let spans = try ProtectedSpans(body: body, file: "l.md", lineOffset: 0)
        #expect(spans.spans.map(\.source) == ["d"])
        #expect(spans.masked == "~~~\n$a$\n~~~~\n\t$b$\n  ```\n$c$\n  ```\n \u{301}```\n\(open)0\(close)")
    }

    /// The eight-bytes-at-a-time searches (`firstMaskable`, and `firstSpanStart`, which stops at `[` too) find the byte a
    /// byte-by-byte search finds, from any start, at any offset in a word, in the tail, or nowhere; never a byte only near
    /// one (`a`, `#`, `|`, `]`, `^`, `Z`, or one with the top bit set).
    @Test func firstMaskableFindsWhatAByteSearchFinds() {
        let maskable: Set<UInt8> = Set("`${\\@".utf8), spanStarts = maskable.union([UInt8(ascii: "[")])
        let alphabet = Array("`${\\@[a#|]^Z ".utf8) + [0xC3, 0xA9, 0xE0, 0xE4, 0xC0, 0xDC, 0xFB]
        // Seeded, so that a failure can be made again.
        var generator = SplitMix64(state: 7)
        var texts: [[UInt8]] = [[], Array("plain".utf8), Array("no such byte in these words at all".utf8)]
        for length in 0..<40 { texts.append((0..<length).map { _ in alphabet.randomElement(using: &generator)! }) }
        for _ in 0..<200 { texts.append((0..<Int.random(in: 0..<70, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        for text in texts {
            text.withUnsafeBufferPointer { bytes in
                for start in 0...bytes.count {
                    let expected = (start..<bytes.count).first { maskable.contains(bytes[$0]) } ?? bytes.count
                    #expect(ProtectedSpans.firstMaskable(bytes, from: start) == expected, "\(text) from \(start)")
                    let spanStart = (start..<bytes.count).first { spanStarts.contains(bytes[$0]) } ?? bytes.count
                    #expect(ProtectedSpans.firstSpanStart(bytes, from: start) == spanStart, "\(text) from \(start)")
                }
            }
        }
    }

    /// A placeholder's index is written as its decimal digits, at every number of digits.
    @Test func placeholderWritesTheIndexInDecimal() {
        for index in [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 1_000_000, Int.max] {
            #expect(ProtectedSpans.placeholder(index) == "\(open)\(index)\(close)")
        }
    }

    @Test func mayHoldPlaceholderLooksForTheOpeningMarksBytes() {
        #expect(!ProtectedSpans.mayHoldPlaceholder(""))
        #expect(!ProtectedSpans.mayHoldPlaceholder("plain é 日本 \u{E001}"))
        #expect(ProtectedSpans.mayHoldPlaceholder("x\(open)"))
        #expect(ProtectedSpans.mayHoldPlaceholder("\(open)\u{301}"))
    }

    @Test func piecesOfPlaceholdersAsThePassWritesThem() {
        #expect(ProtectedSpans.pieces("") == [])
        #expect(ProtectedSpans.pieces("no placeholder") == [.text("no placeholder")])
        #expect(ProtectedSpans.pieces("x \(open)12\(close) y") == [.text("x "), .span(12), .text(" y")])
        #expect(ProtectedSpans.pieces("\(open)0\(close)\(open)7\(close)") == [.span(0), .span(7)])
    }

    @Test func piecesOfOtherTextAreReadCharacterByCharacter() {
        // Non-ASCII beside a mark: the slow path, same pieces.
        #expect(ProtectedSpans.pieces("é\(open)3\(close)β") == [.text("é"), .span(3), .text("β")])
        // A combining mark joins the opening mark into another character: no placeholder.
        #expect(ProtectedSpans.pieces("\(open)\u{301}1\(close)") == [.text("\(open)\u{301}1\(close)")])
        // Not digits: the placeholder is dropped; never closed: the digits to the end are its index, as before.
        #expect(ProtectedSpans.pieces("a\(open)x\(close)b") == [.text("a"), .text("b")])
        #expect(ProtectedSpans.pieces("a\(open)12") == [.text("a"), .span(12)])
    }
}

@Suite struct SpanReplacementTests {
    private let at = SourceLocation(file: "l.md", line: 1, column: 1)

    @Test func placeholdersInNestedRunsGetTheirHTMLAndOthersStay() {
        let p = ProtectedSpans.placeholder
        let blocks = [
            Block(.paragraph([.text("a \(p(0)) b"), .emphasis([.text("in \(p(1))")]), .code("\(p(0)) in code"), .softBreak]), at: at),
            Block(.heading(level: 2, content: [.text("plain heading")], id: nil), at: at),
            Block(.table(Table(alignments: [.none], header: [[.text(p(2))]], rows: [[[.text("é \(p(0))")]]])), at: at),
            Block(.codeBlock(info: "", code: p(0)), at: at),
        ]
        let html = [0: "<m>0</m>", 1: "<m>1</m>"]
        var replaced = blocks
        SpanReplacement.replace(in: &replaced) { html[$0] }
        #expect(replaced == [
            Block(.paragraph([.text("a "), .rawHTML("<m>0</m>"), .text(" b"), .emphasis([.text("in "), .rawHTML("<m>1</m>")]),
                              .code("\(p(0)) in code"), .softBreak]), at: at),
            Block(.heading(level: 2, content: [.text("plain heading")], id: nil), at: at),
            Block(.table(Table(alignments: [.none], header: [[.text(p(2))]], rows: [[[.text("é "), .rawHTML("<m>0</m>")]]])), at: at),
            Block(.codeBlock(info: "", code: p(0)), at: at),
        ])
    }
}
