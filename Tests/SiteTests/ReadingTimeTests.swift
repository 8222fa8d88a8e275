import Foundation
import Testing
@testable import Site

/// `Lesson.readingTime`: prose words at 200 a minute, code words (inside ``` or ~~~ fences) at 70, rounded up.
struct ReadingTimeTests {
    func lesson(_ body: String, readingTime: Int? = nil) throws -> Lesson {
        let header = "---\ntitle: T\n" + (readingTime.map { "reading_time: \($0)\n" } ?? "") + "---\n"
        return try ContentLoader.lesson(from: Data((header + body).utf8), slug: "t", module: "m",
                                        sourcePath: "content/m/t.md", absolutePath: "/p/content/m/t.md")
    }

    func words(_ n: Int, _ word: String = "word") -> String {
        Array(repeating: word, count: n).joined(separator: " ")
    }

    @Test func wordsAreRunsOfBytesOtherThanSpaceTabAndNewline() {
        let cases: [(String, Int)] = [("", 0), ("   ", 0), ("a", 1), (" a  b ", 2), ("a\tb\nc", 3), ("a\r\nb", 2),
                                      ("naïve café", 2), ("x,y;z", 1), ("\n\n", 0)]
        for (text, expected) in cases {
            var copy = text
            let counted = copy.withUTF8 { Lesson.wordCount($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            #expect(counted == expected, "\(text.debugDescription)")
        }
    }

    @Test func proseAtTwoHundredWordsAMinute() throws {
        #expect(try lesson("").readingTime == 1)
        #expect(try lesson(words(200)).readingTime == 1)
        #expect(try lesson(words(201)).readingTime == 2)
        #expect(try lesson(words(100) + "\n\n" + words(100) + "\n" + words(1)).readingTime == 2)
    }

    @Test func fencedCodeAtSeventyWordsAMinute() throws {
        // 140 code words are two minutes; the fence lines (and their info string) are not words.
        #expect(try lesson("```python\n" + words(140, "x=1") + "\n```\n").readingTime == 2)
        #expect(try lesson("~~~\n" + words(141) + "\n~~~\n").readingTime == 3)
        // After the closing fence, words are prose again: 70 code words (one minute) and 200 prose words (one).
        #expect(try lesson("```\n" + words(70) + "\n```\n" + words(200)).readingTime == 2)
        // A fence opened and never closed: the rest is code.
        #expect(try lesson(words(10) + "\n```\n" + words(71)).readingTime == 2)       // 0.05 + 1.01 minutes
        // Backticks inside a line or two of them do not open a fence.
        #expect(try lesson("a ``` b\n``x\n" + words(196)).readingTime == 1)
    }

    @Test func givenReadingTimeWins() throws {
        #expect(try lesson(words(5000), readingTime: 3).readingTime == 3)
    }
}
