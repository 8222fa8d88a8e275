import Foundation

/// A fenced block's info string split into its language and `key="value"` attributes:
/// `python file="sgd_variants.py"` → language `python`, attributes `["file": "sgd_variants.py"]`.
public struct FenceInfo: Sendable, Equatable {
    public var language: String
    public var attributes: [String: String]

    public init(_ info: String) {
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

    /// The info string again, attributes sorted (for blocks a stage rewrites).
    public var text: String {
        ([language] + attributes.keys.sorted().map { "\($0)=\"\(attributes[$0] ?? "")\"" }).joined(separator: " ")
    }
}

