import Foundation

/// A fenced block's info string split into its language and `key="value"` attributes:
/// `python file="sgd_variants.py"` → language `python`, attributes `["file": "sgd_variants.py"]`.
public struct FenceInfo: Sendable, Equatable {
    public var language: String
    public var attributes: [String: String]

    public init(_ info: String) {
        // Info strings are ASCII nearly always: read as bytes, which give the same split as characters there.
        var bytes = info
        if let parsed = bytes.withUTF8({ Self.parseASCII($0) }) {
            self = parsed
        } else {
            self.init(characters: info)
        }
    }

    /// `init(_:)` read character by character, for any info string.
    init(characters info: String) {
        var chars = Substring(info.trimmingWhitespace())
        language = String(chars.prefix { $0 != " " })
        chars = chars.dropFirst(language.count)
        var attributes: [String: String] = [:]
        while true {
            chars = chars.drop { $0 == " " }
            guard !chars.isEmpty else { break }
            let key = chars.prefix { $0 != "=" && $0 != " " }
            chars = chars.dropFirst(key.count)
            var value = ""
            if chars.first == "=" {
                chars = chars.dropFirst()
                if chars.first == "\"" {
                    chars = chars.dropFirst()
                    value = String(chars.prefix { $0 != "\"" })
                    chars = chars.dropFirst(value.count + 1)
                } else {
                    value = String(chars.prefix { $0 != " " })
                    chars = chars.dropFirst(value.count)
                }
            }
            attributes[String(key)] = value
        }
        self.attributes = attributes
    }

    private init(language: String, attributes: [String: String]) {
        self.language = language
        self.attributes = attributes
    }

    /// `init(_:)` for an all-ASCII info string (nil for any other): blanks trimmed at both ends, the language up to the
    /// first space, then `key`, `key=value` or `key="value"` separated by spaces.
    private static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> FenceInfo? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let space = UInt8(ascii: " "), equals = UInt8(ascii: "="), quote = UInt8(ascii: "\"")
        func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var start = 0, end = bytes.count
        while start < end, bytes[start] == space || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == 0x09 { end -= 1 }
        var i = start
        while i < end, bytes[i] != space { i += 1 }
        let language = string(start..<i)
        var attributes: [String: String] = [:]
        while true {
            while i < end, bytes[i] == space { i += 1 }
            guard i < end else { break }
            let keyStart = i
            while i < end, bytes[i] != equals, bytes[i] != space { i += 1 }
            let key = string(keyStart..<i)
            var value = ""
            if i < end, bytes[i] == equals {
                i += 1
                if i < end, bytes[i] == quote {
                    i += 1
                    let valueStart = i
                    while i < end, bytes[i] != quote { i += 1 }
                    value = string(valueStart..<i)
                    i = min(i + 1, end)
                } else {
                    let valueStart = i
                    while i < end, bytes[i] != space { i += 1 }
                    value = string(valueStart..<i)
                }
            }
            attributes[key] = value
        }
        return FenceInfo(language: language, attributes: attributes)
    }

    /// The info string again, attributes sorted (for blocks a stage rewrites).
    public var text: String {
        ([language] + attributes.keys.sorted().map { "\($0)=\"\(attributes[$0] ?? "")\"" }).joined(separator: " ")
    }
}

