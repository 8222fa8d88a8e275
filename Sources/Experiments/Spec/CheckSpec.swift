import Diagnostics

/// A claim about the results, checked on every build: the build fails when it evaluates to false.
public struct CheckSpec: Sendable, Hashable {
    public var expression: Expression
    /// The check as written.
    public var source: String
    /// Where the check's text is written in the markdown file (expression offsets count from its start).
    public var site: FormulaSite
}
