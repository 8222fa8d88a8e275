import Foundation

/// Escaping for HTML text and attribute values.
public enum HTMLEscape {
    /// Escapes `&`, `<`, `>` and `"` (safe in text and in double-quoted attributes).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes a URL for an `href`/`src` attribute; `javascript:` and other script schemes become `#`.
    public static func url(_ url: String) -> String {
        let lowered = url.trimmingCharacters(in: .whitespaces).lowercased()
        for scheme in ["javascript:", "vbscript:", "data:text/html"] where lowered.hasPrefix(scheme) {
            return "#"
        }
        return escape(url)
    }
}

