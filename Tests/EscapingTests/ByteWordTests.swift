import Escaping
import Testing
import TestSupport

/// The scan every byte searcher shares (`ByteWord.firstMarked(in:from:marks:isMarked:)`), against a search a byte at a time.
@Suite struct ByteWordTests {
    /// Texts of every length up to 40 (whole words, a tail, shorter than a word), searched from every start: the first
    /// marked byte at or after it, never one before it (which the padded last word shifts out) nor a space (the padding).
    @Test func firstMarkedFindsWhatAByteSearchFinds() {
        let marked: Set<UInt8> = [UInt8(ascii: "<"), UInt8(ascii: "&"), 0xC3]
        let alphabet: [UInt8] = Array("<&a ;=%".utf8) + [0xC3, 0xA9, 0x00, 0x7F]
        var generator = SplitMix64(state: 3)
        for length in 0...40 {
            for _ in 0..<12 {
                let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                text.withUnsafeBufferPointer { bytes in
                    for start in 0...length {
                        let expected = (start..<length).first { marked.contains(bytes[$0]) } ?? length
                        let found = ByteWord.firstMarked(in: bytes, from: start, marks: { word in
                            ByteWord.exactMarks(word, UInt8(ascii: "<")) | ByteWord.exactMarks(word, UInt8(ascii: "&"))
                                | ByteWord.exactMarks(word, 0xC3)
                        }, isMarked: marked.contains)
                        #expect(found == expected, "\(text) from \(start)")
                    }
                }
            }
        }
    }
}
