import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` (Unicode's space separators and tab), read from bytes when the
    /// text is ASCII: space and tab are then its only such characters, and Foundation is not asked.
    func trimmingWhitespace() -> String {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return trimmingCharacters(in: .whitespaces) }
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = utf8.firstIndex(where: { !isBlank($0) }) else { return "" }
        var last = first
        for index in utf8[first...].indices where !isBlank(utf8[index]) { last = index }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }
}
