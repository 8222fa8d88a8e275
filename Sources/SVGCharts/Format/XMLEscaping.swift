/// Escaping of user text (labels, titles, descriptions) for SVG/HTML text and attribute values.
extension String {
    /// The string with `& < > " '` replaced by entities and characters XML forbids (C0 controls other than
    /// tab/newline/CR, U+FFFE, U+FFFF) dropped, so `<script>` or `&` always renders as text.
    var xmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
