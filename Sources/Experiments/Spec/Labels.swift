import Diagnostics
import Yams

/// Run labels and constants, shared by the block kinds.
enum Labels {
    /// The run's `label`: required, non-empty, unique in the block.
    static func parse(_ f: Fields, _ context: String, existing: [String], _ reader: SpecReader) -> String? {
        guard let node = f.required("label"), let label = reader.string(node, "label") else { return nil }
        if label.isEmpty {
            reader.error(node, "'label' must not be empty")
            return nil
        }
        if existing.contains(label) {
            reader.error(node, "duplicate run label '\(label)'; labels must be unique in a block")
            return nil
        }
        return label
    }
}

/// A `constants:` mapping of names to numbers.
enum Constants {
    static let reserved = ["pi", "e", "t", "step", "epoch", "label", "and", "or", "not", "final"]

    static func parse(_ node: Node, _ reader: SpecReader) -> [String: Double] {
        guard case .mapping(let mapping) = node else {
            reader.error(node, "constants must be a mapping of names to numbers, such as {lr: 1e-3}")
            return [:]
        }
        var constants: [String: Double] = [:]
        for (keyNode, valueNode) in mapping {
            guard let name = reader.string(keyNode, "constant name") else { continue }
            guard isIdentifier(name), !reserved.contains(name), Function(rawValue: name) == nil else {
                reader.error(keyNode, "'\(name)' cannot be a constant name: use letters, digits and _, and not a "
                    + "built-in name (\(reserved.joined(separator: ", ")) or a function)")
                continue
            }
            if let value = reader.double(valueNode, name) { constants[name] = value }
        }
        return constants
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, Lexer.isIdentifierStart(first) else { return false }
        return name.unicodeScalars.allSatisfy(Lexer.isIdentifierPart)
    }
}
