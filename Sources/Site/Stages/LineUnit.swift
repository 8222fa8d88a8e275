/// One unit of a line as `ProtectedSpans` and `CitationSyntax` read it: a `Character`, or, for a line of
/// ASCII bytes without a carriage return, the byte itself. In such a line every byte is one Character (a
/// grapheme break falls between any two ASCII scalars but CR LF), and the byte answers `isLetter`,
/// `isNumber` and comparisons as its Character does, without Unicode's rules: the same spans, columns and
/// masked text, found from bytes.
protocol LineUnit: Equatable {
    /// Whether this unit is the ASCII scalar `scalar` (never asked for `\n`, which a Character `\r\n`
    /// would also answer).
    func matches(_ scalar: Unicode.Scalar) -> Bool
    var isLetter: Bool { get }
    var isNumber: Bool { get }
    /// The text of `units`.
    static func text(_ units: ArraySlice<Self>) -> String
    /// Appends the UTF-8 bytes of `units` to `bytes`.
    static func append(_ units: ArraySlice<Self>, to bytes: inout [UInt8])
    /// The index of the first of `units` from `start` that is an ASCII byte `ProtectedSpans.firstSpanStart` stops at, or
    /// `units.count`.
    static func firstSpanStart(_ units: [Self], from start: Int) -> Int
}

extension Character: LineUnit {
    @inline(__always)
    func matches(_ scalar: Unicode.Scalar) -> Bool { asciiValue == UInt8(truncatingIfNeeded: scalar.value) }

    static func text(_ units: ArraySlice<Character>) -> String { String(units) }

    static func append(_ units: ArraySlice<Character>, to bytes: inout [UInt8]) {
        for unit in units { bytes.append(contentsOf: unit.utf8) }
    }

    static func firstSpanStart(_ units: [Character], from start: Int) -> Int {
        var i = start
        // `asciiValue` is a line feed for CR LF, never one of the bytes looked for.
        while i < units.count, !(units[i].asciiValue.map(ProtectedSpans.isMaskable) ?? false) { i += 1 }
        return i
    }
}

extension UInt8: LineUnit {
    @inline(__always)
    func matches(_ scalar: Unicode.Scalar) -> Bool { UInt32(self) == scalar.value }

    /// ASCII letters: what `Character.isLetter` says of an ASCII character.
    var isLetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }

    /// ASCII digits: what `Character.isNumber` says of an ASCII character.
    var isNumber: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    static func text(_ units: ArraySlice<UInt8>) -> String {
        units.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    static func append(_ units: ArraySlice<UInt8>, to bytes: inout [UInt8]) { bytes.append(contentsOf: units) }

    static func firstSpanStart(_ units: [UInt8], from start: Int) -> Int {
        units.withUnsafeBufferPointer { ProtectedSpans.firstSpanStart($0, from: start) }
    }
}
