/// JSON text for data that pages embed in `<script type="application/json">` elements.
extension String {
    /// The string as a JSON string literal, quotes included. Besides what JSON requires (`"`, `\` and
    /// control characters), `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so the text can
    /// never close the script element it sits in (`</script>`) or start a comment; U+2028/U+2029 are escaped
    /// too, for older JavaScript parsers.
    var jsonQuoted: String {
        var out = "\""
        out.reserveCapacity(utf8.count + 2)
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + Self.hex4(scalar.value)
            default:
                if scalar.value < 0x20 { out += "\\u" + Self.hex4(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }
}
