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
        // The escaped bytes below 64, one bit each; the only one above is the backslash.
        let low = escapingSlashes ? Self.escapedBelow64 | 1 << 0x2F : Self.escapedBelow64
        var i = 0
        while i < utf8.count {
            // Eight bytes at a time while none of them is escaped (most of a line of code or prose).
            if i + 8 <= utf8.count, !Self.mayEscape(ByteWord.load(utf8, at: i), slashes: escapingSlashes) {
                i += 8
                continue
            }
            let byte = utf8[i]
            i += 1
            guard byte < 64 ? low >> byte & 1 != 0 : byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i - 1]))
            run = i
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default: out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether any of the eight bytes of `word` is escaped.
    @inline(__always)
    static func mayEscape(_ word: UInt64, slashes: Bool) -> Bool {
        ByteWord.hasByte(word, below: 0x20) || ByteWord.contains(word, UInt8(ascii: "\""))
            || ByteWord.contains(word, UInt8(ascii: "\\")) || (slashes && ByteWord.contains(word, UInt8(ascii: "/")))
    }

    /// Control characters and `"`, as bits of the bytes below 64.
    private static let escapedBelow64: UInt64 = 0xFFFF_FFFF | 1 << 0x22
}
