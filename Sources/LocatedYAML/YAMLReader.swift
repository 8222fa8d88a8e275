import Diagnostics
import Yams

/// Reads YAML text that sits somewhere in a file (an experiment block, front matter, `sitegen.yml`) into
/// typed values: maps Yams marks (1-based line and column in the text) onto the file and collects every
/// problem, each at its place, instead of stopping at the first. The one vocabulary authors see for YAML:
/// `'key' must be <what>, not <what was found>`.
open class YAMLReader {
    /// Where the YAML text's first line starts in the file.
    public let origin: SourceLocation
    public private(set) var diagnostics: [Diagnostic] = []

    public init(origin: SourceLocation) {
        self.origin = origin
    }

    /// Parses `text` into its root node; nil for an empty document. A syntax error is recorded (see
    /// `diagnostics`) and gives nil too.
    public func compose(_ text: String) -> Node? {
        do {
            // Scalars are read from their text and style (`double`, `bool`, …), never from the tag a resolver would
            // give them: the basic resolver, which has no rules, spares compiling the default one's patterns. The
            // encoding is named: Yams's default reads the whole process environment on every call (350 000
            // instructions, for a front matter of four lines), and Swift strings are UTF-8.
            return try Yams.compose(yaml: text, Resolver.basic, .default, .utf8)
        } catch {
            diagnostics.append(YAMLErrors.diagnostic(for: error, self))
            return nil
        }
    }

    /// The file location of a YAML mark.
    public func location(line: Int, column: Int) -> SourceLocation {
        origin.offset(lines: line - 1, column: origin.column + column - 1)
    }

    public func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return origin }
        return location(line: mark.line, column: mark.column)
    }

    public func error(_ node: Node?, _ message: String) {
        diagnostics.append(.error(at: node.map(location(of:)) ?? origin, message))
    }

    public func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(.error(at: location, message))
    }

    // MARK: Mappings

    /// The entries of a mapping node in document order, each key checked against `allowed` (nil accepts
    /// every key): an unknown key is reported with "did you mean" (or the known keys when none is close) and
    /// left out. `context` names the
    /// mapping in messages (`training`, `runs[2].optimizer`, `front matter`).
    public func entries(_ node: Node, _ context: String, allowed: [String]?) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(context) must be a mapping of keys to values, not \(Self.describe(node))")
            return nil
        }
        var pairs: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(keyNode, "keys in \(context) must be plain names")
                continue
            }
            if let allowed, !allowed.contains(key) {
                let hint = DidYouMean.hint(for: key, among: allowed)
                error(keyNode, "unknown key '\(key)' in \(context)"
                    + (hint.isEmpty ? "; known keys: \(allowed.joined(separator: ", "))" : hint))
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    // MARK: Scalars

    /// The text of a scalar node; reports a mapping or list where text was expected.
    public func string(_ node: Node, _ key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, "'\(key)' must be text, not \(Self.describe(node))")
            return nil
        }
        return scalar.string
    }

    /// A number written plainly (`0.01`, `1e-3`, `-5`); quoted numbers and other text are reported.
    public func double(_ node: Node, _ key: String) -> Double? {
        double(node, key, what: "a number")
    }

    private func double(_ node: Node, _ key: String, what: String) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
              Self.isDecimalNumber(scalar.string), let value = Double(scalar.string) else {
            error(node, "'\(key)' must be \(what), not \(Self.describe(node))")
            return nil
        }
        guard value.isFinite else {
            error(node, "'\(key)' is \(scalar.string), beyond the largest 64-bit float (about 1.8e308)")
            return nil
        }
        return value
    }

    /// A whole number: any number `double` accepts whose value is whole (`150`, and also `2e3` or `150.0`),
    /// below 10¹⁵ in magnitude; `1.5` and text are reported.
    public func int(_ node: Node, _ key: String) -> Int? {
        guard let value = double(node, key, what: "a whole number") else { return nil }
        guard value.rounded() == value else {
            error(node, "'\(key)' must be a whole number, not \(Self.describe(node))")
            return nil
        }
        guard abs(value) < 1e15 else {
            error(node, "'\(key)' is \(node.scalar?.string ?? ""), beyond the whole numbers allowed here (below 10^15 in size)")
            return nil
        }
        return Int(value)
    }

    /// `true` or `false`.
    public func bool(_ node: Node, _ key: String) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
              scalar.string == "true" || scalar.string == "false" else {
            error(node, "'\(key)' must be true or false, not \(Self.describe(node))")
            return nil
        }
        return scalar.string == "true"
    }

    /// The items of a sequence node.
    public func list(_ node: Node, _ key: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(node, "'\(key)' must be a list, not \(Self.describe(node))")
            return nil
        }
        return Array(sequence)
    }

    public func strings(_ node: Node, _ key: String) -> [String]? {
        guard let items = list(node, key) else { return nil }
        let values = items.compactMap { string($0, key) }
        return values.count == items.count ? values : nil
    }

    public func doubles(_ node: Node, _ key: String) -> [Double]? {
        guard let items = list(node, key) else { return nil }
        let values = items.compactMap { double($0, key) }
        return values.count == items.count ? values : nil
    }

    public func ints(_ node: Node, _ key: String) -> [Int]? {
        guard let items = list(node, key) else { return nil }
        let values = items.compactMap { int($0, key) }
        return values.count == items.count ? values : nil
    }

    /// A name from a fixed set, with "did you mean" on a miss (`what` is e.g. "optimiser").
    public func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String) -> T? where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        error(node, "unknown \(what) '\(text)'" + DidYouMean.hint(for: text, among: names)
            + (DidYouMean.suggestion(for: text, among: names) == nil ? " (expected one of: \(names.joined(separator: ", ")))" : ""))
        return nil
    }

    /// What a message names as found instead of what was expected: `'text'`, `the quoted text '5'`, `a list`.
    public static func describe(_ node: Node) -> String { YAMLErrors.describe(node) }

    /// `[-+]digits[.digits][e[-+]digits]` or `.digits…` (so `2e3` is a number): no `inf`, `nan`, hex or
    /// underscores.
    public static func isDecimalNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        let mantissa = s.prefix { Self.isDigit($0) || $0 == "." }
        guard mantissa.contains(where: Self.isDigit), mantissa.filter({ $0 == "." }).count <= 1 else { return false }
        s = s.dropFirst(mantissa.count)
        guard !s.isEmpty else { return true }
        guard s.first == "e" || s.first == "E" else { return false }
        s = s.dropFirst()
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        return !s.isEmpty && s.allSatisfy(Self.isDigit)
    }

    private static func isDigit(_ c: Character) -> Bool { ("0"..."9").contains(c) }
}
