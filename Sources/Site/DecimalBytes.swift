extension Array where Element == UInt8 {
    /// Appends `number` in decimal, the bytes `"\(number)"` would have, without making a string: for writers that
    /// put many numbers into bytes (the search script's entries, the output folder's listing).
    mutating func appendDecimal(_ number: Int) {
        if number < 0 { append(UInt8(ascii: "-")) }
        let magnitude = number.magnitude
        var place: UInt = 1
        while magnitude / place >= 10 { place *= 10 }
        while place > 0 {
            append(UInt8(ascii: "0") + UInt8(magnitude / place % 10))
            place /= 10
        }
    }
}
