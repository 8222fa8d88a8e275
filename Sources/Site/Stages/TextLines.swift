import Foundation

/// Lines of text cut on UTF-8 bytes where `split(separator: "\n", omittingEmptySubsequences: false)` cuts
/// on characters: at every line feed but one after a carriage return, which is part of one character
/// ("\r\n") that ends no line. For stages that look at every line of a lesson or a listing.
enum TextLines {
    /// The lines of `bytes`, without their line feeds; one empty line for no bytes.
    static func ranges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        forEach(bytes) { lines.append($0) }
        return lines
    }

    /// Calls `body` with each line that `ranges` finds, in order, without making their list.
    static func forEach(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = 0
        forEachLineEnd(bytes) { end in
            body(start..<end)
            start = end + 1
        }
        body(start..<bytes.count)
    }

    /// How many lines `ranges` finds, without making them.
    static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 1
            forEachLineEnd(bytes) { _ in count += 1 }
            return count
        }
    }

    /// Calls `body` with the offset of every line feed that ends a line, in order; `memchr` finds each
    /// line feed, so the bytes between them are not looked at one by one.
    private static func forEachLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var from = 0
        while from < bytes.count, let found = memchr(base + from, 0x0A, bytes.count - from) {
            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if !(end > 0 && bytes[end - 1] == 0x0D) { body(end) }
            from = end + 1
        }
    }
}
