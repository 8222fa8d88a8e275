/// A number format specifier (`.4f`, `.2e`, `g`, `.1%`, `d`, `,d`, `4`), a subset of Python's format mini-language
/// that prints the digits Python prints: rounding is half-to-even on the exact binary value, and nothing
/// depends on the locale.
public struct NumberFormat: Sendable, Hashable, CustomStringConvertible {
    /// The presentation type.
    public enum Style: String, Sendable, Hashable {
        /// `f`: fixed point, default 6 decimals.
        case fixed = "f"
        /// `e`: scientific, `1.00e-05`, default 6 decimals.
        case exponent = "e"
        /// `g`: general, `precision` significant digits (default 6), trailing zeros removed.
        case general = "g"
        /// `%`: times 100 in fixed point, then `%`, default 6 decimals.
        case percent = "%"
        /// `d`: rounded half-to-even to a whole number.
        case integer = "d"
    }

    /// Python's sign option: `-` (only negatives), `+` (always), ` ` (space for non-negatives).
    public enum Sign: String, Sendable, Hashable {
        case minusOnly = "-", always = "+", space = " "
    }

    public var style: Style
    /// Decimals for `f`, `e`, `%`; significant digits for `g`; nil means the style's default.
    public var precision: Int?
    public var sign: Sign
    /// Python's `z`: a negative value that rounds to zero prints without its minus sign.
    public var coercesNegativeZero: Bool
    /// Python's `,` grouping option: the digits before the decimal point in groups of three, `4,482`.
    public var groupsThousands: Bool

    public init(style: Style, precision: Int? = nil, sign: Sign = .minusOnly, coercesNegativeZero: Bool = false,
                groupsThousands: Bool = false) {
        self.style = style
        self.precision = precision
        self.sign = sign
        self.coercesNegativeZero = coercesNegativeZero
        self.groupsThousands = groupsThousands
    }

    /// Parses `[sign][z][,][.precision]type`, or a bare precision `4` meaning `.4f`.
    public static func parse(_ text: String) throws(NumberFormatError) -> NumberFormat {
        var rest = Substring(text)
        var format = NumberFormat(style: .fixed)
        if let first = rest.first, let sign = Sign(rawValue: String(first)) {
            format.sign = sign
            rest = rest.dropFirst()
        }
        if rest.first == "z" {
            format.coercesNegativeZero = true
            rest = rest.dropFirst()
        }
        if rest.first == "," {
            format.groupsThousands = true
            rest = rest.dropFirst()
        }
        if rest.allSatisfy(\.isASCIIDigit), !rest.isEmpty, !format.groupsThousands {
            guard let decimals = Int(rest), decimals <= 1100 else { throw .init(text, "precision must be at most 1100") }
            format.precision = decimals
            return format
        }
        if rest.first == "." {
            rest = rest.dropFirst()
            let digits = rest.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty else { throw .init(text, "expected digits after '.'") }
            guard let precision = Int(digits), precision <= 1100 else { throw .init(text, "precision must be at most 1100") }
            format.precision = precision
            rest = rest.dropFirst(digits.count)
        }
        guard rest.count == 1, let style = Style(rawValue: String(rest)) else {
            if rest.isEmpty { throw .init(text, "missing the type letter (f, e, g, %, or d)") }
            throw .init(text, "unknown type '\(rest)' (use f, e, g, %, or d)")
        }
        if style == .integer, format.precision != nil { throw .init(text, "'d' takes no precision") }
        format.style = style
        return format
    }

    /// The specifier in canonical form (`.4f` for `4`).
    public var description: String {
        let signText = sign == .minusOnly ? "" : sign.rawValue
        let precisionText = precision.map { ".\($0)" } ?? ""
        return signText + (coercesNegativeZero ? "z" : "") + (groupsThousands ? "," : "") + precisionText + style.rawValue
    }

    /// The value printed as Python's `format(value, spec)` prints it (`d` prints like `.0f`).
    public func format(_ value: Double) -> String {
        guard value.isFinite else {
            let text = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
            let signed = (value.isNaN || value < 0) ? text : signPrefix(negative: false) + text
            return style == .percent ? signed + "%" : signed
        }
        let x = style == .percent ? value * 100 : value
        let exact = ExactDecimal(magnitudeOf: x)
        var body: String
        switch style {
        case .fixed, .percent, .integer:
            let decimals = style == .integer ? 0 : (precision ?? 6)
            body = Self.fixedText(exact.fixed(decimals: decimals))
        case .exponent:
            let rounded = exact.scientific(significant: (precision ?? 6) + 1)
            body = Self.exponentText(rounded.digits, rounded.exponent)
        case .general:
            body = Self.generalText(exact, significant: max(precision ?? 6, 1))
        }
        let isZero = !body.contains(where: { $0 >= "1" && $0 <= "9" })
        let negative = x.sign == .minus && !(coercesNegativeZero && isZero)
        if groupsThousands { body = Self.grouped(body) }
        if style == .percent { body += "%" }
        return signPrefix(negative: negative) + body
    }

    private func signPrefix(negative: Bool) -> String {
        if negative { return "-" }
        switch sign {
        case .minusOnly: return ""
        case .always: return "+"
        case .space: return " "
        }
    }

    /// `body` with the digits before its point (or exponent) in groups of three from the right, as Python's `,`.
    private static func grouped(_ body: String) -> String {
        let integer = body.prefix(while: \.isASCIIDigit)
        guard integer.count > 3 else { return body }
        var out = ""
        for (k, digit) in integer.enumerated() {
            if k > 0, (integer.count - k) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out + body.dropFirst(integer.count)
    }

    private static func fixedText(_ parts: (integer: [UInt8], fraction: [UInt8])) -> String {
        let integer = digitText(parts.integer)
        return parts.fraction.isEmpty ? integer : integer + "." + digitText(parts.fraction)
    }

    /// `d.ddde±XX`, the exponent with at least two digits as C's printf writes it.
    private static func exponentText(_ digits: [UInt8], _ exponent: Int) -> String {
        let mantissa = digits.count == 1
            ? digitText(digits)
            : digitText([digits[0]]) + "." + digitText(Array(digits.dropFirst()))
        let magnitude = String(abs(exponent))
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
    }

    /// Python's `g`: scientific when the rounded exponent is < -4 or ≥ the precision, else fixed with
    /// precision-1-exponent decimals; trailing zeros (and a bare point) removed.
    private static func generalText(_ exact: ExactDecimal, significant: Int) -> String {
        let rounded = exact.scientific(significant: significant)
        let isZero = rounded.digits.allSatisfy { $0 == 0 }
        let exponent = isZero ? 0 : rounded.exponent
        if exponent < -4 || exponent >= significant {
            var digits = rounded.digits
            while digits.count > 1, digits.last == 0 { digits.removeLast() }
            return exponentText(digits, exponent)
        }
        let text = fixedText(exact.fixed(decimals: significant - 1 - exponent))
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        if trimmed.last == "." { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    private static func digitText(_ digits: [UInt8]) -> String {
        String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
    }
}

/// A format specifier that could not be parsed.
public struct NumberFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    public var specifier: String
    public var reason: String

    init(_ specifier: String, _ reason: String) {
        self.specifier = specifier
        self.reason = reason
    }

    public var description: String { "bad number format '\(specifier)': \(reason)" }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
