import Diagnostics
import Yams

/// Turns Yams' errors into diagnostics at the right place in the file.
public enum YAMLErrors {
    static func diagnostic(for error: any Error, _ reader: YAMLReader) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error(at: reader.origin, "could not read the YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's context says what it was reading ("while parsing a flow mapping") and where that began.
            // libyaml gives the nesting error a context without a description: leave it out.
            let described = context.flatMap { $0.text == "while parsing" ? nil : $0 }
            let while_ = described.map { " (\($0.text) that starts at \(reader.location(line: $0.mark.line, column: $0.mark.column)))" }
            return .error(at: reader.location(line: mark.line, column: mark.column),
                          "YAML syntax error: \(readable(problem))\(while_ ?? "")")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = Set(duplicates).sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: reader.location(line: context.mark.line, column: context.mark.column),
                          "duplicate key \(names): each key may appear once in a mapping")
        case .reader(let problem, _, _, _):
            return .error(at: reader.origin, "unreadable YAML: \(problem)")
        default:
            return .error(at: reader.origin, "could not read the YAML: \(yamlError)")
        }
    }

    /// A node as a message names what was found instead of what was expected: `'text'`,
    /// `the quoted text '5'`, `a list`.
    public static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s) where s.style == .singleQuoted || s.style == .doubleQuoted: "the quoted text '\(s.string)'"
        case .scalar(let s): "'\(s.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// libyaml's problem text, with advice about its own C API replaced by advice for an author.
    public static func readable(_ problem: String) -> String {
        if problem.hasPrefix("Maximum nesting level reached") {
            return "lists and mappings are nested too deeply (libyaml allows 1000 levels)"
        }
        return problem
    }
}
