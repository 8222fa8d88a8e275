/// A TeX math alphabet (`\mathbf`, `\mathbb`, …), mapped to Unicode's Mathematical Alphanumeric Symbols,
/// because MathML Core browsers only honour `mathvariant="normal"`.
enum MathFont: Sendable {
    case roman, bold, italic, boldItalic, blackboard, calligraphic, sansSerif, monospace, fraktur

    static let commands: [String: MathFont] = [
        "mathrm": .roman, "mathbf": .bold, "mathit": .italic, "boldsymbol": .boldItalic,
        "mathbb": .blackboard, "mathcal": .calligraphic, "mathscr": .calligraphic,
        "mathsf": .sansSerif, "mathtt": .monospace, "mathfrak": .fraktur,
    ]

    /// Maps an ASCII letter or digit into this alphabet; other scalars pass through.
    func map(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let v = c.value
        let upper = (0x41...0x5A).contains(v), lower = (0x61...0x7A).contains(v)
        let digit = (0x30...0x39).contains(v)
        guard upper || lower || digit else { return c }
        if let special = exceptions[c] { return special }
        let base: UInt32?
        switch self {
        case .roman: base = nil
        case .bold: base = upper ? 0x1D400 : lower ? 0x1D41A : 0x1D7CE
        case .italic: base = upper ? 0x1D434 : lower ? 0x1D44E : nil
        case .boldItalic: base = upper ? 0x1D468 : lower ? 0x1D482 : 0x1D7CE
        case .blackboard: base = upper ? 0x1D538 : lower ? 0x1D552 : 0x1D7D8
        case .calligraphic: base = upper ? 0x1D49C : lower ? 0x1D4B6 : nil
        case .sansSerif: base = upper ? 0x1D5A0 : lower ? 0x1D5BA : 0x1D7E2
        case .monospace: base = upper ? 0x1D670 : lower ? 0x1D68A : 0x1D7F6
        case .fraktur: base = upper ? 0x1D504 : lower ? 0x1D51E : nil
        }
        guard let base else { return c }
        let start: UInt32 = upper ? 0x41 : lower ? 0x61 : 0x30
        return Unicode.Scalar(base + v - start) ?? c
    }

    /// Letters Unicode encoded earlier, in the Letterlike Symbols block, leaving holes in the alphabets.
    private var exceptions: [Unicode.Scalar: Unicode.Scalar] {
        switch self {
        case .italic: Self.italicExceptions
        case .blackboard: Self.blackboardExceptions
        case .calligraphic: Self.calligraphicExceptions
        case .fraktur: Self.frakturExceptions
        default: [:]
        }
    }

    // Made once, not per mapped letter.
    private static let italicExceptions: [Unicode.Scalar: Unicode.Scalar] = ["h": "\u{210E}"]
    private static let blackboardExceptions: [Unicode.Scalar: Unicode.Scalar] = [
        "C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}",
        "R": "\u{211D}", "Z": "\u{2124}",
    ]
    private static let calligraphicExceptions: [Unicode.Scalar: Unicode.Scalar] = [
        "B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
        "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}",
        "o": "\u{2134}",
    ]
    private static let frakturExceptions: [Unicode.Scalar: Unicode.Scalar] = [
        "C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}",
    ]
}
