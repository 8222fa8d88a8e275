import Escaping
import Testing
import TestSupport

/// `UTF8Check` and `String(checkingUTF8:)` against the standard library's own check, `String(validating:)`.
@Suite struct UTF8CheckTests {
    /// Whether the two checks agree on `bytes`, and the Strings they make are the same bytes.
    private func agree(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let expected = String(validating: buffer, as: UTF8.self)
            let validity = UTF8Check.validity(of: buffer)
            guard (validity != nil) == (expected != nil) else { return false }
            if let validity, validity != bytes.allSatisfy({ $0 < 0x80 }) { return false }
            return String(checkingUTF8: buffer).map { Array($0.utf8) } == expected.map { Array($0.utf8) }
        }
    }

    /// Every byte pair, and every sequence of three or four bytes whose bytes after the first are at the edges of the
    /// ranges table 3-7 allows (and just past them), each after 0 to 9 ASCII bytes and before 0 or 8, so that the
    /// sequence starts at every place in a word and in the tail.
    @Test func everyShortSequenceAtEveryOffsetIsJudgedAsTheStandardLibraryJudgesIt() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x81, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED,
                              0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var sequences: [[UInt8]] = []
        for a in 0...255 { for b in 0...255 { sequences.append([UInt8(a), UInt8(b)]) } }
        for a in 0xC0...0xFF {
            for b in edges { for c in edges { sequences.append([UInt8(a), b, c]) } }
            for b in edges { for c in [UInt8(0x80), 0xBF, 0x41] { for d in [UInt8(0x80), 0xBF, 0x41, 0xC0] {
                sequences.append([UInt8(a), b, c, d])
            } } }
        }
        var disagreements: [[UInt8]] = []
        for sequence in sequences {
            for before in [0, 1, 7, 9] {
                for after in [0, 8] where !agree(Array(repeating: 0x61, count: before) + sequence + Array(repeating: 0x62, count: after)) {
                    disagreements.append(sequence)
                }
            }
        }
        #expect(disagreements.isEmpty, "first: \(disagreements.prefix(5))")
    }

    /// Texts of ASCII runs, whole characters of every length, and stray bytes, seeded so that a failure can be made
    /// again.
    @Test func randomTextsAreJudgedAsTheStandardLibraryJudgesThem() {
        var generator = SplitMix64(state: 11)
        let pieces: [[UInt8]] = [Array("plain words ".utf8), Array("é".utf8), Array("β".utf8), Array("—".utf8),
                                 Array("日本".utf8), Array("😀".utf8), Array("\u{10FFFF}".utf8), [0x80], [0xC3], [0xE2, 0x80],
                                 [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x0A]]
        var count = 0, valid = 0
        for _ in 0..<3_000 {
            var text: [UInt8] = []
            let strays = Int.random(in: 0..<4, using: &generator) == 0
            for _ in 0..<Int.random(in: 0..<24, using: &generator) {
                let piece = pieces[Int.random(in: 0..<(strays ? pieces.count : 7), using: &generator)]
                text += piece
            }
            #expect(agree(text), "\(text)")
            count += 1
            if String(validating: text, as: UTF8.self) != nil { valid += 1 }
        }
        // Both kinds were tried.
        #expect(valid > count / 2 && valid < count)
    }
}
