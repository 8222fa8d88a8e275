import Diagnostics
import Yams

/// Turns Yams' errors into diagnostics at the right place in the markdown file.
enum YAMLErrors {
    static func diagnostic(for error: any Error, _ reader: SpecReader) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error(at: reader.origin, "could not read the YAML: \(error)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error(at: reader.location(line: mark.line, column: mark.column), "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = Set(duplicates).sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: reader.location(line: context.mark.line, column: context.mark.column),
                          "duplicate key \(names) in a mapping")
        default:
            return .error(at: reader.origin, "could not read the YAML: \(yamlError)")
        }
    }
}
