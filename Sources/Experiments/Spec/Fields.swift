import Diagnostics
import LocatedYAML
import Yams

/// The keys of one YAML mapping, checked against the keys allowed in that place (LocatedYAML's
/// `entries`: unknown keys are reported with "did you mean"), and typed getters that report missing
/// required keys, bad values and values outside a rule.
struct Fields {
    let reader: SpecReader
    let node: Node
    /// Where this mapping sits, for messages: `training`, `runs[2].optimizer`.
    let context: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    /// Nil (after reporting) when `node` is not a mapping. `allowed: nil` accepts every key (for a mapping
    /// whose keys another parser already checked).
    init?(_ node: Node, _ context: String, allowed: [String]?, reader: SpecReader) {
        self.reader = reader
        self.node = node
        self.context = context
        guard let pairs = reader.entries(node, context, allowed: allowed) else { return nil }
        self.pairs = pairs
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }

    /// The value node, or nil after reporting "missing required key".
    func required(_ key: String, _ why: String = "") -> Node? {
        if let value = self[key] { return value }
        reader.error(node, "missing required key '\(key)' in \(context)\(why)")
        return nil
    }

    func string(_ key: String) -> String? { self[key].flatMap { reader.string($0, key) } }
    func double(_ key: String) -> Double? { self[key].flatMap { reader.double($0, key) } }
    func int(_ key: String) -> Int? { self[key].flatMap { reader.int($0, key) } }
    func bool(_ key: String) -> Bool? { self[key].flatMap { reader.bool($0, key) } }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ what: String) -> T? where T.RawValue == String {
        self[key].flatMap { reader.choice($0, what) }
    }

    /// A number that must satisfy `valid`, described by `rule` ("must be positive").
    func double(_ key: String, default fallback: Double, _ rule: String, _ valid: (Double) -> Bool) -> Double {
        guard let node = self[key], let value = reader.double(node, key) else { return fallback }
        guard valid(value) else {
            // Reported; the fallback keeps later checks from tripping over the bad value.
            reader.error(node, "'\(key)' \(rule), got \(Value.number(value))")
            return fallback
        }
        return value
    }

    func int(_ key: String, default fallback: Int, _ rule: String, _ valid: (Int) -> Bool) -> Int {
        guard let node = self[key], let value = reader.int(node, key) else { return fallback }
        guard valid(value) else {
            reader.error(node, "'\(key)' \(rule), got \(value)")
            return fallback
        }
        return value
    }

    func requiredDouble(_ key: String, _ rule: String, _ valid: (Double) -> Bool, why: String = "") -> Double? {
        guard required(key, why) != nil else { return nil }
        let value = double(key, default: .nan, rule, valid)
        return value.isNaN ? nil : value
    }

    func requiredInt(_ key: String, _ rule: String, _ valid: (Int) -> Bool, why: String = "") -> Int? {
        guard let node = required(key, why), let value = reader.int(node, key) else { return nil }
        guard valid(value) else {
            reader.error(node, "'\(key)' \(rule), got \(value)")
            return nil
        }
        return value
    }
}

/// Validation rules shared by the parsers.
enum Rule {
    static let positive = "must be positive"
    static let nonNegative = "must be zero or more"
    static let atLeastOne = "must be at least 1"
    static let unitInterval = "must be between 0 and 1 (exclusive)"
}
