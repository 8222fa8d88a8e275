import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` (Unicode's space separators and tab), read from bytes when the
    /// text is ASCII: space and tab are then its only such characters, and Foundation is not asked.
    func trimmingWhitespace() -> String {
        trimming(ascii: { $0 == 0x20 || $0 == 0x09 }, else: .whitespaces)
    }

    /// `trimmingCharacters(in: CharacterSet(charactersIn: ascii))` for a set of ASCII characters, read from bytes
    /// when the text is ASCII too.
    func trimming(asciiCharacters ascii: String) -> String {
        trimming(ascii: { ascii.utf8.contains($0) }, else: CharacterSet(charactersIn: ascii))
    }

    /// The text without the bytes `isTrimmed` picks at either end when it is ASCII (where each byte is a character, and
    /// `set` holds the characters of those bytes and no other ASCII), or Foundation's trimming of `set` when it is not.
    private func trimming(ascii isTrimmed: (UInt8) -> Bool, else set: @autoclosure () -> CharacterSet) -> String {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return trimmingCharacters(in: set()) }
        guard let first = utf8.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        var last = first
        for index in utf8[first...].indices where !isTrimmed(utf8[index]) { last = index }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }
}
