import Diagnostics
import LocatedYAML
import Yams

/// The YAML reader of the spec parsers: LocatedYAML's typed, located reading of an experiment block plus
/// what only specs need: expressions held in scalars, and names forgiven after their own error.
final class SpecReader: YAMLReader {
    /// Names whose own definition already gave an error (a run whose optimiser is misspelt, a metric
    /// not recognised, a column whose formula is broken): references to them are not reported again,
    /// so one typo gives one error.
    private(set) var forgiven: Set<String> = []

    /// Marks `names` as defined-but-broken (see `forgiven`).
    func forgive(_ names: some Sequence<String>) {
        forgiven.formUnion(names)
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
}
