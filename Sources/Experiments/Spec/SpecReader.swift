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

    /// Location of a character inside a scalar (`FormulaSite`).
    func location(in node: Node, offset: Int) -> SourceLocation {
        site(of: node).location(at: offset)
    }

    /// Where the text of the scalar `node` starts: its column plus the opening quote, if any; a block scalar's
    /// indicator, offsets not moving along its line.
    func site(of node: Node) -> FormulaSite {
        guard case .scalar(let scalar) = node, let mark = scalar.mark else { return FormulaSite(start: location(of: node)) }
        switch scalar.style {
        case .singleQuoted, .doubleQuoted: return FormulaSite(start: location(line: mark.line, column: mark.column + 1))
        case .plain, .any: return FormulaSite(start: location(line: mark.line, column: mark.column))
        case .literal, .folded: return FormulaSite(start: location(line: mark.line, column: mark.column), offsetsAlongLine: false)
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
