/// What a highlighted piece of code is; the raw value is the CSS class suffix (`tok-keyword`, …).
public enum TokenKind: String, Sendable, CaseIterable {
    case keyword, string, number, comment, builtin, decorator, constant, type, variable
    /// A name being defined: after `def`/`func`.
    case function
    /// A type being defined: after `class`/`struct`/`enum`/…
    case `class`
    case `operator`, punctuation
    /// The braces, conversion and format spec of an f-string replacement field, or Swift's `\(…)`.
    case interpolation
    /// A YAML or JSON mapping key.
    case key
    /// A YAML anchor (`&name`), alias (`*name`) or tag (`!!str`).
    case anchor
    /// A shell option (`--flag`, `-x`).
    case option
    /// A console prompt (`$ `) and the output lines after a command.
    case prompt, output

    /// The CSS class of the `<span>` wrapping tokens of this kind.
    public var cssClass: String { "tok-" + rawValue }

    /// `<span class="…">` with this kind's `cssClass`, as static text (the highlighter writes one per token); nil for
    /// operators and punctuation, which the lexers tell apart (brackets track nesting) but which take the text's colour,
    /// so they are written as plain text. A span around every `.`, `(` and `=` made a third of a code-heavy page's bytes.
    var openingTag: StaticString? {
        switch self {
        case .keyword: "<span class=\"tok-keyword\">"
        case .string: "<span class=\"tok-string\">"
        case .number: "<span class=\"tok-number\">"
        case .comment: "<span class=\"tok-comment\">"
        case .builtin: "<span class=\"tok-builtin\">"
        case .decorator: "<span class=\"tok-decorator\">"
        case .constant: "<span class=\"tok-constant\">"
        case .type: "<span class=\"tok-type\">"
        case .variable: "<span class=\"tok-variable\">"
        case .function: "<span class=\"tok-function\">"
        case .class: "<span class=\"tok-class\">"
        case .operator, .punctuation: nil
        case .interpolation: "<span class=\"tok-interpolation\">"
        case .key: "<span class=\"tok-key\">"
        case .anchor: "<span class=\"tok-anchor\">"
        case .option: "<span class=\"tok-option\">"
        case .prompt: "<span class=\"tok-prompt\">"
        case .output: "<span class=\"tok-output\">"
        }
    }
}

/// One token: a kind (nil for plain text) and its UTF-8 byte range in the source.
struct Token: Equatable {
    var kind: TokenKind?
    var range: Range<Int>
}
