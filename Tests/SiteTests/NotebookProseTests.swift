@testable import Bibliography
import Testing
@testable import Site

/// The notebook's prose read on bytes (alerts' lines, placeholders, the newlines a cell is trimmed of) gives what the
/// same steps on characters give.
@Suite struct NotebookProseTests {
    /// Alerts' lines of ASCII, read on bytes, against the reading as characters.
    @Test func asciiAlertsAsCharactersReadThem() {
        let lines = [
            "> [!TIP] A default", "> [!NOTE]", "> [!note]  Lower case kind \t", "> [!TAKEAWAYS]", "> [!EXERCISE] Try it",
            "> [!UNKNOWN] x", " > > [!WARNING] Nested", ">[!CAUTION]", ">   [!QA]   ", "> [!NOTE", "> [!]", "> [!NOTE]]x",
            "> [!NOTE] $x$ and `y`", "> [!NOTE] ends in \r\n", "> [!NO TE] t", "> [!Tip]\t",
        ]
        for line in lines {
            #expect(LessonNotebook.mayBeAlert(line), "\(line.debugDescription)")
            var bytes = line
            let ascii = bytes.withUTF8 { LessonNotebook.asciiCallout($0) }
            #expect(ascii == LessonNotebook.characterCallout(line), "\(line.debugDescription)")
        }
        // Lines beyond ASCII are left to the characters (a kind that uppercases into one, a combining mark after `]`).
        for line in ["> [!NOTE] Café", "> [!TAKEAWAYſ]", "> [!NOTE]\u{301} x", "> [!NOTE]\u{A0}x\u{A0}"] {
            var bytes = line
            #expect(bytes.withUTF8 { LessonNotebook.asciiCallout($0) } == nil)
        }
        #expect(LessonNotebook.callout("> [!NOTE]\u{301} x") == "> [!NOTE]\u{301} x")
    }

    /// A prose cell is trimmed of newline characters at either end, on bytes as `Character.isNewline` trims.
    @Test func newlinesTrimmedAsCharactersAre() {
        func byCharacters(_ text: String) -> String {
            var text = Substring(text)
            while text.first?.isNewline == true { text.removeFirst() }
            while text.last?.isNewline == true { text.removeLast() }
            return String(text)
        }
        let texts = [
            "", "\n", "\n\n", "a", "\na\n", "\r\na\r\n", "\u{B}\u{C}a b\u{85}", "\u{2028}x\u{2029}", "\u{85}", "\u{2028}",
            "é\n", "\n漢", "x\u{2027}", "\u{2030}", "🙂\r", "\r", "a\n\u{301}", "\u{A0}a\u{A0}", "\n \n",
        ]
        for text in texts {
            var utf8 = text
            let kept = utf8.withUTF8 { bytes in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[LessonNotebook.trimmingNewlines(bytes)]), as: UTF8.self)
            }
            #expect(kept == byCharacters(text), "\(text.debugDescription)")
        }
    }

    /// Placeholders read on bytes where they stand beside ASCII, as `pieces` reads them; refused beside anything else.
    @Test func plainPiecesAsPiecesReadThem() {
        func plainPieces(_ text: String) -> [ProtectedSpans.Piece]? {
            var utf8 = text
            return utf8.withUTF8 { bytes in
                var pieces: [ProtectedSpans.Piece] = []
                let plain = ProtectedSpans.forEachPlainPiece(bytes) { range in
                    pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)))
                } span: { pieces.append(.span($0)) }
                return plain ? pieces : nil
            }
        }
        let open = ProtectedSpans.open, close = ProtectedSpans.close
        let texts = ["", "no placeholder", "x \(open)12\(close) y", "\(open)0\(close) \(open)7\(close)", "a\(open)3\(close)",
                     "\(open)1\(close)b", "é \(open)3\(close) β", "\u{EE}\u{80} \(open)4\(close)"]
        for text in texts {
            #expect(plainPieces(text) == ProtectedSpans.pieces(text), "\(text.debugDescription)")
        }
        // Beside text beyond ASCII (another placeholder's mark too), or not as this pass writes them.
        for text in ["é\(open)3\(close)", "\(open)0\(close)\(open)7\(close)", "\(open)\u{301}1\(close)", "a\(open)x\(close)b", "a\(open)12"] {
            #expect(plainPieces(text) == nil, "\(text.debugDescription)")
        }
    }

    /// The notebook cells of a lesson titled "T" whose body is `body`.
    private static func cells(ofLessonTitledT body: String) -> [LessonNotebook.Cell] {
        let front = FrontMatter(title: "T", summary: "", date: nil, order: nil, draft: false, readingTime: nil, layout: nil,
                                layoutLocation: nil)
        let lesson = Lesson(slug: "a", moduleSlug: "m", sourcePath: "content/m/a.md", absolutePath: "/x/content/m/a.md",
                            frontMatter: front, body: body, bodyLineOffset: 0)
        return LessonNotebook.cells(lesson, bibliography: Bibliography(entries: []), style: .numbered, localModule: { _ in nil })
    }

    /// A prose cell gives back the math, inline and displayed, as written, whether its line is written on bytes or, with
    /// a placeholder beside text beyond ASCII, read again as characters after what was written is taken back.
    @Test func mathComesBackAsWrittenOnEveryKindOfLine() {
        let body = "Plain $a+b$ and $c$, end.\nBeside é$x$ and $y$é and $u$, $v$.\n> [!NOTE] With $m$\n\n$$\\int_0^1 f$$\nLast $z$"
        let cells = Self.cells(ofLessonTitledT: body)
        #expect(cells == [
            .markdown("# T"),
            .markdown("Plain $a+b$ and $c$, end.\nBeside é$x$ and $y$é and $u$, $v$.\n> **With $m$**\n>\n\n$$\\int_0^1 f$$\nLast $z$"),
        ])
    }

    /// Lines written as they are go into the prose as one run of the text where they stand together: lines ending in
    /// "\r\n", empty lines, a fence's lines, with an alert's rewritten line and a line beside math between them.
    @Test func linesWrittenAsTheyAreComeBackAsWritten() {
        let body = "a\r\nb\n\n```sh\nls\r\n\n```\n> [!NOTE] T\nc\n\nd $x$\n\u{2028}e\n\n\nf\n"
        let cells = Self.cells(ofLessonTitledT: body)
        #expect(cells == [
            .markdown("# T"),
            .markdown("a\r\nb\n\n```sh\nls\r\n\n```\n> **T**\n>\nc\n\nd $x$\n\u{2028}e\n\n\nf"),
        ])
    }
}

extension LessonNotebook {
    /// `callout` of any line, as a String: a line that cannot be an alert comes back as it is.
    static func callout(_ line: String) -> String {
        guard mayBeAlert(line) else { return line }
        var utf8 = line
        return utf8.withUTF8 { callout($0) }
    }

    /// `mayBeAlert` of a line's text.
    static func mayBeAlert(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { mayBeAlert($0) }
    }
}
