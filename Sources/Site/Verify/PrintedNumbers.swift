/// Reads the numbers a script printed for one table row: the line that starts with the row's key (a
/// run label, or a step number, optionally after `step`), followed by a space, tab or colon; the numbers
/// after the key, including those inside printed arrays, in order.
enum PrintedNumbers {
    struct Number: Equatable {
        var value: Double
        /// Digits after the decimal point as printed (for "equal to the printed digits").
        var decimals: Int
        var text: String
    }

    /// The rest of the first line at or after `start` that begins with `key`, and that line's index.
    static func line(for key: String, in output: [String], from start: Int = 0) -> (rest: String, index: Int)? {
        guard start < output.count else { return nil }
        for index in start..<output.count {
            let trimmed = Substring(output[index].drop { $0 == " " || $0 == "\t" })
            for candidate in [trimmed, trimmed.hasPrefix("step ") ? trimmed.dropFirst(5) : nil].compactMap({ $0 }) {
                guard candidate.hasPrefix(key) else { continue }
                let rest = candidate.dropFirst(key.count)
                if let next = rest.first, next == " " || next == "\t" || next == ":" {
                    return (String(rest), index)
                }
            }
        }
        return nil
    }

    static func numbers(in text: String) -> [Number] {
        var numbers: [Number] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let startsNumber = c.isNumber || ((c == "-" || c == "+" || c == ".") && i + 1 < chars.count && (chars[i + 1].isNumber || chars[i + 1] == "."))
            let afterLetter = i > 0 && (chars[i - 1].isLetter || chars[i - 1] == "_")
            guard startsNumber, !afterLetter else { i += 1; continue }
            var j = i + 1
            while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
            if j + 1 < chars.count, chars[j] == "e" || chars[j] == "E",
               chars[j + 1].isNumber || ((chars[j + 1] == "-" || chars[j + 1] == "+") && j + 2 < chars.count && chars[j + 2].isNumber) {
                j += 2
                while j < chars.count, chars[j].isNumber { j += 1 }
            }
            let text = String(chars[i..<j])
            if let value = Double(text) {
                let mantissa = text.split(whereSeparator: { $0 == "e" || $0 == "E" }).first ?? ""
                let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
                var exponent = 0
                if let e = text.split(whereSeparator: { $0 == "e" || $0 == "E" }).dropFirst().first { exponent = Int(e) ?? 0 }
                numbers.append(Number(value: value, decimals: decimals - exponent, text: text))
            }
            i = j
        }
        return numbers
    }
}
