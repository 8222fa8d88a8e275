/// A conservative estimate of rendered text width for a system sans-serif font, without measuring fonts.
///
/// Widths are in em (multiply by the font size), taken from DejaVu Sans — the widest common fallback for
/// `system-ui` on Linux — so narrower fonts (Helvetica, Segoe UI, Roboto) only leave a little extra space.
/// Digits are tabular (all the same width), as the charts ask for `tabular-nums`.
enum TextWidth {
    static func em(_ text: String) -> Double {
        var w = 0.0
        for ch in text.unicodeScalars {
            switch ch {
            case "i", "j", "l", "I", "!", "|", "'", "`": w += 0.28
            case ".", ",", ":", ";", " ": w += 0.32
            case "f", "t", "(", ")", "[", "]", "{", "}", "/", "\\", "-", "J": w += 0.4
            case "r": w += 0.42
            case "s", "c", "z", "v", "y", "x", "k": w += 0.6
            case "0"..."9": w += 0.64
            case "m": w += 0.98
            case "w": w += 0.82
            case "M", "W", "@", "%", "\u{2014}": w += 1.0
            case "+", "=", "<", ">", "~", "\u{00D7}", "\u{2212}", "\u{2192}", "#": w += 0.84
            case "\u{2191}", "\u{2026}": w += 0.8
            case "A"..."Z", "&", "_": w += 0.74
            case "a"..."z": w += 0.63
            default: w += ch.value >= 0x2E80 ? 1.0 : 0.7 // CJK and other wide scripts: a full em
            }
        }
        return w
    }

    /// Width in viewBox units at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        em(text) * fontSize
    }
}
