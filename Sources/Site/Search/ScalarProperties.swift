/// The Unicode properties search asks of a scalar beyond ASCII: White_Space (collapsed by `CollapsedText`), whether NFC
/// leaves it alone wherever it stands (`CollapsedText.staysComposed`) and whether it is a word scalar
/// (`SearchVocabulary.isWordScalar`). The standard library answers each in some hundreds of instructions; for the
/// scalars lessons use most (below U+0800: Latin, Greek, Cyrillic; U+2000 to U+23FF: punctuation, letterlike symbols,
/// arrows, math operators) the answers are read from a table made once from those same properties.
struct ScalarProperties: OptionSet, Sendable {
    let rawValue: UInt8

    static let whitespace = ScalarProperties(rawValue: 1 << 0)
    static let staysComposed = ScalarProperties(rawValue: 1 << 1)
    static let word = ScalarProperties(rawValue: 1 << 2)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The properties of `scalar`.
    @inline(__always)
    init(_ scalar: Unicode.Scalar) {
        let value = Int(scalar.value)
        if value < Self.lowEnd {
            self = Self.table[value]
        } else if value >= Self.highStart, value < Self.highEnd {
            self = Self.table[Self.lowEnd + value - Self.highStart]
        } else {
            self = Self(asking: scalar)
        }
    }

    /// The properties as the standard library gives them.
    init(asking scalar: Unicode.Scalar) {
        var properties: ScalarProperties = []
        if scalar.properties.isWhitespace { properties.insert(.whitespace) }
        if CollapsedText.staysComposed(scalar) { properties.insert(.staysComposed) }
        if SearchVocabulary.isWordScalar(scalar) { properties.insert(.word) }
        self = properties
    }

    /// The table covers the scalars below `lowEnd`, then those from `highStart` to `highEnd`.
    private static let lowEnd = 0x800, highStart = 0x2000, highEnd = 0x2400

    private static let table: [ScalarProperties] = (Array(0..<lowEnd) + Array(highStart..<highEnd)).map { value in
        Unicode.Scalar(UInt32(value)).map(ScalarProperties.init(asking:)) ?? []
    }
}
