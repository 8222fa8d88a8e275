extension Array where Element == UInt8 {
    /// Appends `number` in decimal, the bytes `"\(number)"` would have, without making a string: for writers that
    /// put many numbers into bytes (the search script's entries, the output folder's listing).
    mutating func appendDecimal<Number: BinaryInteger>(_ number: Number) {
        if number < 0 { append(UInt8(ascii: "-")) }
        let magnitude = UInt64(number.magnitude)
        var place: UInt64 = 1
        while magnitude / place >= 10 { place *= 10 }
        while place > 0 {
            append(UInt8(ascii: "0") + UInt8(magnitude / place % 10))
            place /= 10
        }
    }
}
