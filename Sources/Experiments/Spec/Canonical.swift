/// A JSON-like value written in one canonical way (sorted keys, shortest round-trip numbers, no spaces),
/// so equivalent specs give identical cache-key material.
enum Canonical: Sendable, Hashable {
    case number(Double)
    case int(Int)
    case string(String)
    case bool(Bool)
    case array([Canonical])
    case object([String: Canonical])
    case null

    var json: String {
        switch self {
        case .number(let x):
            return x.isFinite ? "\(x)" : "\"\(x)\""
        case .int(let n): return String(n)
        case .string(let s): return Self.quote(s)
        case .bool(let b): return b ? "true" : "false"
        case .array(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.keys.sorted().map { Self.quote($0) + ":" + fields[$0, default: .null].json }.joined(separator: ",") + "}"
        case .null: return "null"
        }
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
