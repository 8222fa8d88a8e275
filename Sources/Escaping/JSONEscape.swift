/// The one writer of JSON strings, shared by every JSON file sitegen writes (the notebook, the search index).
/// It writes what Foundation's `JSONSerialization` writes for a string, so the files read back the same:
/// `"` and `\` escaped, `\b \f \n \r \t`, other control characters as `\u00xx` (lowercase hex), and `/` as
/// `\/` unless the caller asks for `.withoutEscapingSlashes`; everything else as it is.
public enum JSONEscape {
    /// `text` as a quoted JSON string.
    public static func string(_ text: String, escapingSlashes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 2)
        append(text, to: &out, escapingSlashes: escapingSlashes)
        return out
    }

    /// Appends `text` as a quoted JSON string to `out`.
    public static func append(_ text: String, to out: inout String, escapingSlashes: Bool) {
        out += "\""
        // Most strings need no escape at all: one byte scan, then one append.
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && !(escapingSlashes && byte == UInt8(ascii: "/"))
        }
        if plain {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/" where escapingSlashes: out += "\\/"
            case "\u{8}": out += "\\b"
            case "\u{c}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{f}": out += "\\u000" + String(scalar.value, radix: 16)
            case "\u{10}"..."\u{1f}": out += "\\u00" + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
