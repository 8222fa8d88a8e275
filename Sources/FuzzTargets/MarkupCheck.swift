/// A small well-formedness check for generated markup, over UTF-8 bytes (a combining mark after `>`
/// would merge with it as a Character): every `<tag>` closed in order, no `<` or `>` loose in text or
/// attribute values, every `&` starting an entity.
enum MarkupCheck {
    static func problem(in markup: String) -> String? {
        let bytes = Array(markup.utf8)
        var stack: [String] = []
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: ">"):
                return "a loose '>' in text at byte \(i)"
            case UInt8(ascii: "&"):
                var j = i + 1
                while j < bytes.count, j - i < 12, isNameByte(bytes[j]) || bytes[j] == UInt8(ascii: "#") { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: ";"), j > i + 1 else { return "a loose '&' at byte \(i)" }
                i = j + 1
            case UInt8(ascii: "<"):
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { return "a '<' without '>' at byte \(i)" }
                let tag = bytes[(i + 1)..<close]
                if tag.contains(UInt8(ascii: "<")) { return "a '<' inside a tag at byte \(i)" }
                if tag.filter({ $0 == UInt8(ascii: "\"") }).count % 2 != 0 { return "an unclosed attribute value at byte \(i)" }
                let text = String(decoding: tag, as: UTF8.self)
                if text.hasPrefix("/") {
                    let name = String(text.dropFirst())
                    guard let top = stack.popLast() else { return "</\(name)> closes nothing" }
                    if top != name { return "</\(name)> closes <\(top)>" }
                } else if !text.hasSuffix("/") {
                    stack.append(String(text.prefix { $0 != " " }))
                }
                i = close + 1
            default:
                i += 1
            }
        }
        return stack.last.map { "<\($0)> is never closed" }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}
