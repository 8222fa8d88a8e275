import Escaping
import Foundation

/// The index's texts written as numbers into one shared list of tokens, so that a word the course uses
/// a thousand times is stored once and costs one or two characters at each use.
///
/// A text is cut into tokens: maximal runs of letters and digits (words, Unicode categories L and N, as
/// `[\p{L}\p{N}]+` in the browser) and maximal runs of anything else (gaps: `, `, `. `, ` (`). The single
/// space between two words is left out, since it is what separates words unless a gap says otherwise. The
/// tokens are numbered by how often the whole index uses them (most frequent first, ties in code-point
/// order), and each number is written in base 45 with two alphabets of 45 characters: every character but
/// the last of a number is a "more follows" digit, the last is a "final" digit. The 90 characters are
/// printable ASCII that JSON writes as they are (no `"`, `\` or `/`), so numbers below 45 take one
/// character and below 2 025 two. search.js reads the words for its index straight from the numbers, and
/// turns a text back into characters only to show a result.
///
/// The index is written again on every build (any lesson's edit changes it), so the work is done on UTF-8
/// bytes: tokens are interned by their bytes (`TokenTable`), never as `String`s, whose hashing normalises.
struct SearchVocabulary {
    /// Printable ASCII from `#` to `~` without `/` and `\`: 45 "more follows" digits after 45 final ones.
    private static let alphabetBytes: [UInt8] = (35...126).filter { $0 != 47 && $0 != 92 }.map { UInt8($0) }
    static let alphabet: [Character] = alphabetBytes.map { Character(Unicode.Scalar($0)) }
    static let base = 45

    /// Every token, by number.
    let tokens: [String]
    /// The distinct tokens met, and each one's number (`numbers[id]`).
    private let table: TokenTable
    private let numbers: [Int]
    /// Each distinct token's number as written (`packed`), by id: the index writes one per use of a token.
    private let codes: [UInt64]

    /// Numbers the tokens of `texts`, most frequent first.
    init(texts: [String]) {
        var table = TokenTable()
        for text in texts { Self.forEachKeptToken(text) { table.intern($0) } }
        self.init(table: table)
    }

    /// Numbers the tokens of a table that has interned every token of the index, by their counts: the table's
    /// own, or `counts` (one per id of the table; a token counted 0 gets no number).
    init(table: TokenTable, counts: [Int]? = nil) {
        self.table = table
        let ranked = table.ranked(by: counts)
        var numbers = [Int](repeating: 0, count: table.count)
        for (number, id) in ranked.enumerated() { numbers[id] = number }
        self.numbers = numbers
        codes = numbers.map(Self.packed)
        tokens = ranked.map { table.string($0) }
    }

    /// The vocabulary an index was written with (its `words`), to read its texts back.
    init(tokens: [String]) {
        var table = TokenTable()
        for token in tokens { _ = Self.withBytes(token) { table.intern($0) } }
        self.table = table
        self.tokens = tokens
        numbers = Array(0..<table.count)
        codes = numbers.map(Self.packed)
    }

    /// `text` as numbers. Every token of it must have been among the texts the vocabulary was made from.
    func encode(_ text: String) -> String {
        var out: [UInt8] = []
        Self.forEachKeptToken(text) { token in
            if let id = table.find(token) { Self.write(numbers[id], to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the numbers of the interned tokens `ids` to `out`, most significant digit first (as `write(_:to:)`
    /// writes one): written into room for the longest numbers, then appended at once.
    func write(ids: TokenIDs, range: Range<Int>, to out: inout [UInt8]) {
        // Each number is stored as all 8 bytes of its packed code (the top byte, its length, lands past its
        // characters and is overwritten by the next number or left beyond `written`), then `written` moves on
        // by its length: no loop over a number's 1 or 2 characters, whose count a branch would guess wrong.
        let text = [UInt8](unsafeUninitializedCapacity: range.count * 8 + 8) { buffer, written in
            var end = 0
            codes.withUnsafeBufferPointer { codes in
                let start = UnsafeMutableRawPointer(buffer.baseAddress!)
                ids.forEach(in: range) { id in
                    let code = codes[Int(id)]
                    start.storeBytes(of: code.littleEndian, toByteOffset: end, as: UInt64.self)
                    end += Int(code >> 56)
                }
            }
            written = end
        }
        out.append(contentsOf: text)
    }

    /// The text back from its numbers (what search.js does to show a result).
    func decode(_ code: String) -> String {
        var out = ""
        var previousWasWord = false
        var value = 0
        for character in code {
            guard let digit = Self.alphabet.firstIndex(of: character) else { return out }
            if digit >= Self.base {
                value = value * Self.base + (digit - Self.base)
                continue
            }
            value = value * Self.base + digit
            guard value < tokens.count else { return out }
            let token = tokens[value]
            let isWord = token.unicodeScalars.first.map(Self.isWordScalar) ?? false
            if isWord && previousWasWord { out += " " }
            out += token
            previousWasWord = isWord
            value = 0
        }
        return out
    }

    /// Writes `number` most significant digit first: "more follows" digits, then one final digit.
    static func write(_ number: Int, to out: inout [UInt8]) { append(packed(number), to: &out) }

    /// The characters that write `number`, packed for copying: the first in the lowest byte, and how many in
    /// the top byte (a number below 45⁷ takes at most seven).
    static func packed(_ number: Int) -> UInt64 {
        var place = 1
        while number / place >= base { place *= base }
        var rest = number
        var code: UInt64 = 0, count: UInt64 = 0
        while place > 1 {
            code |= UInt64(alphabetBytes[base + rest / place]) << (8 * count)
            count += 1
            rest %= place
            place /= base
        }
        code |= UInt64(alphabetBytes[rest]) << (8 * count)
        return code | (count + 1) << 56
    }

    private static func append(_ packed: UInt64, to out: inout [UInt8]) {
        var code = packed
        for _ in 0..<Int(packed >> 56) {
            out.append(UInt8(truncatingIfNeeded: code))
            code >>= 8
        }
    }

    /// Calls `body` with the bytes of each token of `text` that is written, in order (`forEachKeptToken(in:)`).
    static func forEachKeptToken(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        withBytes(text) { bytes in
            forEachKeptToken(in: bytes) { body(UnsafeBufferPointer(rebasing: bytes[$0])) }
        }
    }

    /// Calls `body` with where each token of the UTF-8 `text` that is written lies in it, in order: the maximal runs
    /// of word scalars and of other scalars, except a single space between two words. Runs alternate, so a gap has
    /// words on both sides unless it opens or closes the text.
    @inline(__always)  // into the loop that interns the tokens: a lesson has some 7 500
    static func forEachKeptToken(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        let count = text.count
        var start = 0
        while start < count {
            // The single space between two words is not written: it is what separates words. Found at once when an
            // ASCII letter or digit follows it, the rest by the general rule below.
            if text[start] == 0x20, start > 0, start + 1 < count, isASCIIWord(text[start + 1]) {
                start += 1
                continue
            }
            // A run is found whole before it is handed on: its first scalar says what it is, and it goes on while the
            // scalars after it are of the same kind.
            let (runIsWord, first) = scalar(in: text, at: start)
            let end = runEnd(in: text, from: start + first, isWord: runIsWord)
            let isSeparator = !runIsWord && end - start == 1 && text[start] == 0x20 && start > 0 && end < count
            if !isSeparator { body(start..<end) }
            start = end
        }
    }

    /// Where the run of word scalars (`isWord`) or of other scalars that goes on at `index` ends. ASCII bytes (almost
    /// all of them) are told apart eight at a time (`ASCIIByteMarks`), with no scalar decoded.
    @inline(__always)
    private static func runEnd(in text: UnsafeBufferPointer<UInt8>, from index: Int, isWord: Bool) -> Int {
        let count = text.count
        var end = index
        while end < count {
            if end + 8 <= count {
                let bytes = ByteWord.load(text, at: end)
                // The bytes the run stops at, marked by their top bits: ASCII of the other kind, and any byte of a
                // longer scalar.
                let words = ASCIIByteMarks.wordBytes(bytes)
                let stops = ((isWord ? ~words : words) | bytes) & 0x8080_8080_8080_8080
                if stops == 0 {
                    end += 8
                    continue
                }
                end += ByteWord.firstMarked(stops)
                if text[end] < 0x80 { return end }
            }
            let byte = text[end]
            if byte < 0x80 {
                guard isASCIIWord(byte) == isWord else { return end }
                end += 1
            } else {
                let (scalarIsWord, length) = scalar(in: text, at: end)
                guard scalarIsWord == isWord else { return end }
                end += length
            }
        }
        return end
    }

    /// Whether the scalar at `index` is a word scalar, and its length in bytes (the text is valid UTF-8).
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (isWord: Bool, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (isASCIIWord(lead), 1) }
        let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
        return (scalar.map { ScalarProperties($0).contains(.word) } ?? false, length)
    }

    /// Whether the ASCII byte `byte` is a letter or a digit.
    @inline(__always)
    private static func isASCIIWord(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// Letters and numbers: Unicode's L and N categories, as `\p{L}` and `\p{N}` in JavaScript.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }
}
