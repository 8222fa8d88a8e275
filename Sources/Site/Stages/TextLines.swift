/// Lines of text cut on UTF-8 bytes where `split(separator: "\n", omittingEmptySubsequences: false)` cuts
/// on characters: at every line feed but one after a carriage return, which is part of one character
/// ("\r\n") that ends no line. For stages that look at every line of a lesson or a listing.
enum TextLines {
    /// The lines of `bytes`, without their line feeds; one empty line for no bytes.
    static func ranges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for i in bytes.indices where endsLine(bytes, at: i) {
            lines.append(start..<i)
            start = i + 1
        }
        lines.append(start..<bytes.count)
        return lines
    }

    /// The lines of `text`, without their line feeds.
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            ranges(bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// How many lines `ranges` finds, without making them.
    static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in bytes.indices.reduce(1) { $0 + (endsLine(bytes, at: $1) ? 1 : 0) } }
    }

    private static func endsLine(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        bytes[i] == 0x0A && !(i > 0 && bytes[i - 1] == 0x0D)
    }
}
