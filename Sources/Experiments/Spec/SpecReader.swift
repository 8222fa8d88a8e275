import Diagnostics
import Yams

/// Reads YAML nodes into typed values for the spec parsers: maps Yams marks (1-based line and column in
/// the block) onto the markdown file and collects every problem instead of stopping at the first.
final class SpecReader {
    /// Where the block's first content line starts in the markdown file.
    let origin: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []
    /// Names whose own definition already gave an error (a run whose optimiser is misspelt, a metric
    /// not recognised, a column whose formula is broken): references to them are not reported again,
    /// so one typo gives one error.
    private(set) var forgiven: Set<String> = []

    init(origin: SourceLocation) {
        self.origin = origin
    }

    /// The markdown location of a YAML mark.
    func location(line: Int, column: Int) -> SourceLocation {
        origin.offset(lines: line - 1, column: origin.column + column - 1)
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return origin }
        return location(line: mark.line, column: mark.column)
    }

    /// Marks `names` as defined-but-broken (see `forgiven`).
    func forgive(_ names: some Sequence<String>) {
        forgiven.formUnion(names)
    }

    func error(_ node: Node?, _ message: String) {
        diagnostics.append(.error(at: node.map(location(of:)) ?? origin, message))
    }

    func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(.error(at: location, message))
    }

    // MARK: Scalars

    /// The text of a scalar node; reports a mapping or list where text was expected.
    func string(_ node: Node, _ key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, "'\(key)' must be text, not \(Self.describe(node))")
            return nil
        }
        return scalar.string
    }

    /// A number written plainly (`0.01`, `1e-3`, `-5`); quoted numbers and other text are reported.
    func double(_ node: Node, _ key: String) -> Double? {
        guard case .scalar(let scalar) = node else {
            error(node, "'\(key)' must be a number, not \(Self.describe(node))")
            return nil
        }
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any, Self.isDecimalNumber(text), let value = Double(text) else {
            error(node, "'\(key)' must be a number, got '\(text)'")
            return nil
        }
        guard value.isFinite else {
            error(node, "'\(key)' is \(text), beyond the largest 64-bit float (about 1.8e308)")
            return nil
        }
        return value
    }

    /// A whole number: any number `double` accepts whose value is whole (`150`, and also `2e3` or `150.0`),
    /// below 10¹⁵ in magnitude; `1.5` and text are reported.
    func int(_ node: Node, _ key: String) -> Int? {
        guard let value = double(node, key) else { return nil }
        guard value.rounded() == value, abs(value) < 1e15 else {
            error(node, "'\(key)' must be a whole number, got '\(node.scalar?.string ?? "")'")
            return nil
        }
        return Int(value)
    }

    /// `true` or `false`.
    func bool(_ node: Node, _ key: String) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
              scalar.string == "true" || scalar.string == "false" else {
            error(node, "'\(key)' must be true or false, got \(Self.describe(node))")
            return nil
        }
        return scalar.string == "true"
    }

    /// The items of a sequence node.
    func list(_ node: Node, _ key: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(node, "'\(key)' must be a list, not \(Self.describe(node))")
            return nil
        }
        return Array(sequence)
    }

    func doubles(_ node: Node, _ key: String) -> [Double]? {
        guard let items = list(node, key) else { return nil }
        let values = items.compactMap { double($0, key) }
        return values.count == items.count ? values : nil
    }

    func ints(_ node: Node, _ key: String) -> [Int]? {
        guard let items = list(node, key) else { return nil }
        let values = items.compactMap { int($0, key) }
        return values.count == items.count ? values : nil
    }

    /// A name from a fixed set, with "did you mean" on a miss (`what` is e.g. "optimiser").
    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String) -> T? where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        error(node, "unknown \(what) '\(text)'" + DidYouMean.hint(for: text, among: names)
            + (DidYouMean.suggestion(for: text, among: names) == nil ? " (expected one of: \(names.joined(separator: ", ")))" : ""))
        return nil
    }

    /// Location of a character inside a one-line scalar: its column plus the opening quote, if any.
    func location(in node: Node, offset: Int) -> SourceLocation {
        guard case .scalar(let scalar) = node, let mark = scalar.mark else { return location(of: node) }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: return location(line: mark.line, column: mark.column + 1 + offset)
        case .plain, .any: return location(line: mark.line, column: mark.column + offset)
        case .literal, .folded: return location(line: mark.line, column: mark.column)
        }
    }

    /// Parses an expression held in a scalar, reporting syntax errors at their column in the file.
    func expression(_ node: Node, _ key: String) -> Expression? {
        guard let text = string(node, key) else { return nil }
        do {
            return try Expression.parse(text)
        } catch {
            self.error(at: location(in: node, offset: error.offset), "in '\(key)': \(error.message)")
            return nil
        }
    }

    static func describe(_ node: Node) -> String { YAMLErrors.describe(node) }

    /// `[-+]digits[.digits][e[-+]digits]` or `.digits…`: no `inf`, `nan`, hex or underscores.
    static func isDecimalNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        let mantissa = s.prefix { $0.isASCIIDigit || $0 == "." }
        guard mantissa.contains(where: \.isASCIIDigit), mantissa.filter({ $0 == "." }).count <= 1 else { return false }
        s = s.dropFirst(mantissa.count)
        guard !s.isEmpty else { return true }
        guard s.first == "e" || s.first == "E" else { return false }
        s = s.dropFirst()
        if s.first == "-" || s.first == "+" { s = s.dropFirst() }
        return !s.isEmpty && s.allSatisfy(\.isASCIIDigit)
    }
}
