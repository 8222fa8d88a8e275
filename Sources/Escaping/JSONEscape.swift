/// The one writer of JSON strings, shared by every JSON file sitegen writes (the notebook, the search index).
/// It writes what Foundation's `JSONSerialization` writes for a string, so the files read back the same:
/// `"` and `\` escaped, `\b \f \n \r \t`, other control characters as `\u00xx` (lowercase hex), and `/` as
/// `\/` unless the caller asks for `.withoutEscapingSlashes`; everything else as it is.
///
/// It works on UTF-8 bytes: every character it escapes is ASCII, so the bytes between two of them (all
/// of a non-ASCII scalar included) are copied as one run.
public enum JSONEscape {
    /// `text` as a quoted JSON string.
    public static func string(_ text: String, escapingSlashes: Bool) -> String {
        var out: [UInt8] = []
        append(text, to: &out, escapingSlashes: escapingSlashes)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a quoted JSON string to the UTF-8 bytes `out` (for writers that build bytes).
    public static func append(_ text: String, to out: inout [UInt8], escapingSlashes: Bool) {
        var text = text
        text.withUTF8 { append(utf8: $0, to: &out, escapingSlashes: escapingSlashes) }
    }

    /// Appends the UTF-8 bytes `utf8` (whole scalars) as a quoted JSON string to `out`.
    public static func append(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], escapingSlashes: Bool) {
        // Room for the string unescaped, grown geometrically: an exact `reserveCapacity` would copy the whole
        // of `out` again for every string a writer appends (a notebook's thousand lines).
        let needed = out.count + utf8.count + 2
        if out.capacity < needed { out.reserveCapacity(max(needed, 2 * out.capacity)) }
        out.append(UInt8(ascii: "\""))
        var run = 0  // the first byte not yet written
        while true {
            let next = firstEscaped(in: utf8, from: run, escapingSlashes: escapingSlashes)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<next]))
            guard next < utf8.count else { break }
            appendEscape(of: utf8[next], to: &out)
            run = next + 1
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The offset of the first byte of `utf8` from `start` on that a JSON string escapes, or `utf8.count` if there
    /// is none: for writers that cut the text where they meet some of those bytes (the notebook's lines).
    public static func firstEscaped(in utf8: UnsafeBufferPointer<UInt8>, from start: Int, escapingSlashes: Bool) -> Int {
        // Eight bytes at a time, which most of a line of code or prose passes at once.
        ByteWord.firstMarked(in: utf8, from: start, marks: { escapeMarks($0, slashes: escapingSlashes) },
                             isMarked: { isEscaped($0, slashes: escapingSlashes) })
    }

    /// Appends the escape of `byte`, one that `firstEscaped` stopped at, to `out`.
    private static func appendEscape(of byte: UInt8, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6) { escape in
            out.append(contentsOf: UnsafeBufferPointer(start: escape.baseAddress!, count: writeEscape(of: byte, at: escape.baseAddress!)))
        }
    }

    /// Writes the escape of `byte`, one that `firstEscaped` stopped at, at `out`, which must have room for six bytes;
    /// returns how many it wrote (two, or six for `\u00xx`).
    public static func writeEscape(of byte: UInt8, at out: UnsafeMutablePointer<UInt8>) -> Int {
        // The escape's bytes packed into one word, the first lowest, and copied at once.
        let escape: UInt64, length: Int
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): (escape, length) = (UInt64(byte), 1)
        case 0x08: (escape, length) = (UInt64(UInt8(ascii: "b")), 1)
        case 0x0C: (escape, length) = (UInt64(UInt8(ascii: "f")), 1)
        case 0x0A: (escape, length) = (UInt64(UInt8(ascii: "n")), 1)
        case 0x0D: (escape, length) = (UInt64(UInt8(ascii: "r")), 1)
        case 0x09: (escape, length) = (UInt64(UInt8(ascii: "t")), 1)
        default:
            let hex = { (digit: UInt8) in UInt64(digit < 10 ? 0x30 + digit : 0x57 + digit) }
            (escape, length) = (0x3030_75 | hex(byte >> 4) << 24 | hex(byte & 0xF) << 32, 5)  // u00xx
        }
        var bytes = (UInt64(UInt8(ascii: "\\")) | escape << 8).littleEndian
        withUnsafeBytes(of: &bytes) { UnsafeMutableRawPointer(out).copyMemory(from: $0.baseAddress!, byteCount: 1 + length) }
        return 1 + length
    }

    /// The bytes of `word` that are escaped, marked by their top bits (`ByteWord`: the first mark is exact).
    @inline(__always)
    private static func escapeMarks(_ word: UInt64, slashes: Bool) -> UInt64 {
        let marks = ByteWord.marks(word, below: 0x20) | ByteWord.marks(word, UInt8(ascii: "\""))
            | ByteWord.marks(word, UInt8(ascii: "\\"))
        return slashes ? marks | ByteWord.marks(word, UInt8(ascii: "/")) : marks
    }

    @inline(__always)
    private static func isEscaped(_ byte: UInt8, slashes: Bool) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (slashes && byte == UInt8(ascii: "/"))
    }
}
