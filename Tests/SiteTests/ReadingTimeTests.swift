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
            let counted = copy.withUTF8 { Lesson.wordCount($0) }
            #expect(counted == expected, "\(text.debugDescription)")
        }
    }

    /// Words are counted eight bytes at a time: every mix of separators and other bytes (those a bit above and below
    /// them included) at every length and offset counts as a byte at a time does.
    @Test func wordsCountedByWordsAsByteByByte() {
        func reference(_ bytes: ArraySlice<UInt8>) -> Int {
            var words = 0, previousSeparates = true
            for byte in bytes {
                let separates = byte == 0x20 || byte == 0x09 || byte == 0x0A
                if previousSeparates && !separates { words += 1 }
                previousSeparates = separates
            }
            return words
        }
        let alphabet: [UInt8] = [0x20, 0x09, 0x0A, 0x21, 0x1F, 0x08, 0x0B, 0x61, 0xA0, 0x89, 0x8A, 0x00, 0xFF]
        var state: UInt64 = 7
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<40 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in [0, 1, 3, 7] {
                    for count in [0, 1, 7, 8, 9, 15, 16, 17, 24, 33] {
                        let counted = Lesson.wordCount(UnsafeBufferPointer(rebasing: buffer[start..<start + count]))
                        #expect(counted == reference(bytes[start..<start + count]), "\(bytes[start..<start + count])")
                    }
                }
            }
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
