/// The TeX formula as UTF-8 bytes plus a read cursor; the cursor is a byte offset, the offset errors report.
/// The syntax of TeX is ASCII, so the parser looks at bytes; a scalar is decoded only where one matters.
struct TeXSource {
    let bytes: [UInt8]
    /// The UTF-8 offset of the cursor, always at the start of a scalar.
    var index = 0
    /// One past the last byte the parser may read; lowered temporarily to parse `\sqrt[…]` indices.
    var end: Int

    init(_ text: String) {
        bytes = Array(text.utf8)
        end = bytes.count
    }

    var offset: Int { index }

    /// The byte `ahead` bytes after the cursor (an ASCII character, or part of a longer scalar), if before `end`.
    @inline(__always)
    func peekByte(_ ahead: Int = 0) -> UInt8? {
        let i = index + ahead
        return i < end ? bytes[i] : nil
    }

    /// Whether the byte at the cursor is `ascii`.
    @inline(__always)
    func next(is ascii: Unicode.Scalar) -> Bool { peekByte() == UInt8(ascii.value) }

    /// The scalar at the cursor.
    func peek() -> Unicode.Scalar? {
        guard let first = peekByte() else { return nil }
        return first < 0x80 ? Unicode.Scalar(first) : scalar(at: index)
    }

    /// Moves past the scalar at the cursor.
    @inline(__always)
    mutating func advance() {
        guard let first = peekByte() else { return }
        index = min(index + UTF8.width(startingWith: first), end)
    }

    /// Moves `count` bytes on (ASCII characters the caller has looked at).
    mutating func advance(bytes count: Int) { index = min(index + count, end) }

    /// Skips whitespace and `%` comments (which run to the end of the line).
    @inline(__always)
    mutating func skipSpace() {
        // Most of the time there is nothing to skip.
        if let c = peekByte(), c > 0x20, c < 0x80, c != UInt8(ascii: "%") { return }
        skipSpaceAndComments()
    }

    private mutating func skipSpaceAndComments() {
        while let c = peekByte() {
            if c == 0x20 || (0x09...0x0D).contains(c) {
                index += 1
            } else if c == UInt8(ascii: "%") {
                while let d = peekByte(), d != UInt8(ascii: "\n") { advance() }
            } else if c >= 0x80, scalar(at: index).properties.isWhitespace {
                advance()
            } else {
                return
            }
        }
    }

    /// If a command starts at the cursor, its name (letters, or a single other scalar) without consuming it.
    func peekCommand() -> CommandName? {
        guard next(is: "\\"), let first = peekByte(1) else { return nil }
        let start = index + 1
        guard first.isASCIILetter else { return CommandName(bytes, start..<(start + UTF8.width(startingWith: first))) }
        var i = start + 1
        while i < end, bytes[i].isASCIILetter { i += 1 }
        return CommandName(bytes, start..<i)
    }

    /// Consumes the command at the cursor, as returned by `peekCommand`.
    mutating func consume(_ name: CommandName) { index = min(name.range.upperBound, end) }

    /// The command (`\\frac`) or script sign (`_`) at `offset`, as the messages about it name it.
    func commandText(at offset: Int) -> String {
        guard bytes[offset] == UInt8(ascii: "\\"), offset + 1 < bytes.count else {
            return String(decoding: bytes[offset..<(offset + UTF8.width(startingWith: bytes[offset]))], as: UTF8.self)
        }
        var i = offset + 2
        if bytes[offset + 1].isASCIILetter {
            while i < bytes.count, bytes[i].isASCIILetter { i += 1 }
        } else {
            i = offset + 1 + UTF8.width(startingWith: bytes[offset + 1])
        }
        return String(decoding: bytes[offset..<i], as: UTF8.self)
    }

    /// The command's name as a String, for messages and the rarer commands.
    func string(_ name: CommandName) -> String { String(decoding: bytes[name.range], as: UTF8.self) }

    /// Decodes the scalar starting at byte `i` (the text came from a String, so it is valid UTF-8).
    func scalar(at i: Int) -> Unicode.Scalar {
        let first = UInt32(bytes[i])
        func continuation(_ k: Int) -> UInt32 { UInt32(bytes[i + k] & 0x3F) }
        let value: UInt32
        switch first {
        case ..<0x80: value = first
        case ..<0xE0: value = (first & 0x1F) << 6 | continuation(1)
        case ..<0xF0: value = (first & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
        default: value = (first & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}

extension UTF8 {
    /// How many bytes the scalar has whose first byte is `first`.
    @inline(__always)
    static func width(startingWith first: UInt8) -> Int {
        first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
    }
}

extension UInt8 {
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered for ASCII (tab to carriage return, and space) without the property tables.
    @inline(__always)
    var isTeXWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}
