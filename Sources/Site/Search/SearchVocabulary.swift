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
struct SearchVocabulary {
    static let alphabet: [Character] = (35...126).filter { $0 != 47 && $0 != 92 }.map { Character(Unicode.Scalar(UInt8($0))) }
    static let base = 45

    /// Every token, by number.
    private(set) var tokens: [String] = []
    private var numbers: [String: Int] = [:]

    /// Numbers the tokens of `texts`, most frequent first.
    init(texts: [String]) {
        var counts: [String: Int] = [:]
        for text in texts {
            for token in Self.kept(Self.tokens(text)) { counts[token.text, default: 0] += 1 }
        }
        tokens = counts.keys.sorted { a, b in
            let (ca, cb) = (counts[a] ?? 0, counts[b] ?? 0)
            return ca != cb ? ca > cb : a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
        for (number, token) in tokens.enumerated() { numbers[token] = number }
    }

    /// The vocabulary an index was written with (its `words`), to read its texts back.
    init(tokens: [String]) {
        self.tokens = tokens
        for (number, token) in tokens.enumerated() { numbers[token] = number }
    }

    /// `text` as numbers. Every token of it must have been among the texts the vocabulary was made from.
    func encode(_ text: String) -> String {
        var out = ""
        for token in Self.kept(Self.tokens(text)) {
            guard let number = numbers[token.text] else { continue }
            Self.write(number, to: &out)
        }
        return out
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

    static func write(_ number: Int, to out: inout String) {
        var digits = [number % base]
        var rest = number / base
        while rest > 0 {
            digits.append(base + rest % base)
            rest /= base
        }
        for digit in digits.reversed() { out.append(alphabet[digit]) }
    }

    struct Token: Equatable {
        var text: String
        var isWord: Bool
    }

    /// The maximal runs of word and of other scalars in `text`, in order.
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var currentIsWord = false
        for scalar in text.unicodeScalars {
            let isWord = isWordScalar(scalar)
            if !current.isEmpty && isWord != currentIsWord {
                tokens.append(Token(text: String(current), isWord: currentIsWord))
                current = String.UnicodeScalarView()
            }
            current.append(scalar)
            currentIsWord = isWord
        }
        if !current.isEmpty { tokens.append(Token(text: String(current), isWord: currentIsWord)) }
        return tokens
    }

    /// The tokens that are written: all but a single space between two words.
    static func kept(_ tokens: [Token]) -> [Token] {
        tokens.indices.compactMap { i in
            let token = tokens[i]
            if token.text == " ", i > 0, i + 1 < tokens.count, tokens[i - 1].isWord, tokens[i + 1].isWord { return nil }
            return token
        }
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
}
