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
        let escaped = escapingSlashes ? Self.escapedWithSlash : Self.escapedWithoutSlash
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            i += 1
            guard escaped[Int(byte)] else { continue }
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

    /// Whether each byte is escaped: control characters, `"` and backslash, and `/` in the first table.
    private static let escapedWithSlash = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x2F }
    private static let escapedWithoutSlash = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
}
