import Diagnostics

/// One Mustache template, parsed (`TemplateParser`): what the checker walks and `TemplateRenderer` renders.
///
/// sitegen reads the language of the Mustache specification's required modules (github.com/mustache/spec:
/// interpolation, sections, inverted sections, comments, partials, set delimiters), with its rules for lines that
/// hold a lone tag. Its optional modules (lambdas, inheritance, dynamic names) and other engines' extensions
/// (transforms such as `{{uppercased(name)}}`, pragmas) are refused where they are written.
struct Template: Sendable {
    /// What a tag names: `.` (the current item), or a dotted path, already split (`lesson.title`).
    enum Name: Sendable, Equatable {
        case implicit
        case path([String])

        /// As written in the template: `.` or the parts joined by dots.
        var text: String {
            switch self {
            case .implicit: "."
            case .path(let parts): parts.joined(separator: ".")
            }
        }
    }

    indirect enum Node: Sendable {
        /// Template text, as UTF-8 bytes.
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (printed as it is).
        case variable(Name, escaped: Bool, at: SourceLocation)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` (inverted: shown when the value is missing, false or empty).
        case section(Name, inverted: Bool, nodes: [Node], at: SourceLocation)
        /// `{{> name}}`; `indentation`: for a partial alone on its line, the spaces and tabs before it, put before each
        /// of its lines (empty when it stands at the line's start); nil for one with text beside it.
        case partial(String, indentation: [UInt8]?, at: SourceLocation)
    }

    let nodes: [Node]
    /// The template's file as messages show it (`templates/lesson.mustache`).
    let file: String

    /// How deep sections and partials may nest, counting through the partials a template is included by: checking
    /// and rendering recurse once per level. (One template nests at most `TemplateParser.maxSectionDepth` sections;
    /// a chain of partials, each that deep, would not stop there.)
    static let maxNesting = 200

    static func tooDeep(at location: SourceLocation) -> Diagnostic {
        .error(at: location, "sections and partials nest deeper than \(maxNesting) levels here, counting those of the templates that include this one; flatten the templates")
    }
}
