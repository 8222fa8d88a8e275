/// The TeX formula as Unicode scalars with their UTF-8 offsets, plus a read cursor.
struct TeXSource {
    let scalars: [Unicode.Scalar]
    /// `offsets[i]` is the UTF-8 offset of `scalars[i]`; `offsets[scalars.count]` is the total length.
    let offsets: [Int]
    var index = 0
    /// One past the last scalar the parser may read; lowered temporarily to parse `\sqrt[…]` indices.
    var end: Int

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
        self.end = scalars.count
    }

    var isAtEnd: Bool { index >= end }
    var offset: Int { offsets[min(index, scalars.count)] }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = index + ahead
        return i < end ? scalars[i] : nil
    }

    mutating func advance(_ count: Int = 1) { index = min(index + count, end) }

    /// Skips whitespace and `%` comments (which run to the end of the line).
    mutating func skipSpace() {
        while let c = peek() {
            if c.isTeXWhitespace {
                advance()
            } else if c == "%" {
                while let d = peek(), d != "\n" { advance() }
            } else {
                return
            }
        }
    }

    /// If a command starts at the cursor, returns its name (letters, or a single other scalar) without consuming.
    func peekCommand() -> String? {
        guard peek() == "\\", let first = peek(1) else { return nil }
        guard first.isASCIILetter else { return String(Character(first)) }
        var name = ""
        var i = index + 1
        while i < end, scalars[i].isASCIILetter {
            name.unicodeScalars.append(scalars[i])
            i += 1
        }
        return name
    }

    /// Consumes the command at the cursor, as returned by `peekCommand`.
    mutating func consumeCommand(_ name: String) {
        advance(1 + name.unicodeScalars.count)
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered for ASCII (tab to carriage return, and space) without the property tables.
    @inline(__always)
    var isTeXWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
}
