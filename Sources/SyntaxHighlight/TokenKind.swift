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
}

/// One token: a kind (nil for plain text) and its UTF-8 byte range in the source.
struct Token: Equatable {
    var kind: TokenKind?
    var range: Range<Int>
}
